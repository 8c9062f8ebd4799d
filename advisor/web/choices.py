"""Answer options shared by the forms, and a radio field with our own wording."""

from __future__ import annotations

from flask import current_app
from wtforms import RadioField, SelectChoice
from wtforms.validators import ValidationError

from advisor.answers.explain import scheme_name
from advisor.i18n import lazy_gettext as _l
from advisor.policy import Content
from advisor.rules.types import Scheme

# WTForms 3.3 wants SelectChoice objects; templates read them through field.iter_choices().
HUKOU_CHOICES = (
    SelectChoice("shenzhen", _l("Shenzhen")),
    SelectChoice("guangdong", _l("Elsewhere in Guangdong")),
    SelectChoice("other_province", _l("Outside Guangdong")),
    SelectChoice("hk_macao_taiwan", _l("Hong Kong, Macao or Taiwan resident")),
)
YES_NO = (SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No")))


def content() -> Content:
    return current_app.extensions["advisor.content"]


def scheme_choices() -> tuple[SelectChoice, ...]:
    return tuple(SelectChoice(scheme.value, scheme_name(content(), scheme, short=False)) for scheme in Scheme)


class ChoiceField(RadioField):
    """A radio group that is required and says so in our words (never pre-selected)."""

    def __init__(self, label=None, validators=None, required_message=None, **kwargs) -> None:
        super().__init__(label, validators, **kwargs)
        self.required_message = required_message

    def pre_validate(self, form) -> None:
        if self.data not in {choice.value for choice in self.iter_choices()}:
            raise ValidationError(self.required_message)

    @property
    def link_id(self) -> str:
        """The error summary links to the first radio of the group."""
        return f"{self.id}-0"
