"""Answer options shared by the forms, and a radio field with our own wording."""

from __future__ import annotations

from flask import current_app
from wtforms import RadioField, SelectChoice
from wtforms.validators import ValidationError

from advisor.answers.explain import scheme_name
from advisor.i18n import lazy_gettext as _l
from advisor.memo import remembered
from advisor.policy import Content
from advisor.rules.types import Scheme


class FixedChoices(tuple):
    """A list of options made once and never changed (a module constant, or one kept per language): the same
    object means the same options, so a field showing it is a cheap key for a part rendered once
    (advisor/web/rendered_once.py) instead of a key made option by option."""

    __slots__ = ()
    __hash__ = object.__hash__

    def __eq__(self, other) -> bool:
        return self is other

    def __ne__(self, other) -> bool:  # tuple's own != would compare the options
        return self is not other


def chosen(field) -> str | frozenset | None:
    """A choice field's answer as a key for a part rendered once (advisor/web/rendered_once.py): only what is among
    its options. Anything else posted selects nothing, renders as no answer, and is not kept."""
    offered = {choice.value if isinstance(choice, SelectChoice) else choice[0] for choice in field.choices}
    if isinstance(field.data, (list, tuple)):
        return frozenset(value for value in field.data if value in offered)
    return field.data if field.data in offered else None


# WTForms 3.3 wants SelectChoice objects; templates read them through field.iter_choices().
HUKOU_CHOICES = FixedChoices((
    SelectChoice("shenzhen", _l("Shenzhen")),
    SelectChoice("guangdong", _l("Elsewhere in Guangdong")),
    SelectChoice("other_province", _l("Outside Guangdong")),
    SelectChoice("hk_macao_taiwan", _l("Hong Kong, Macao or Taiwan resident")),
))
YES_NO = FixedChoices((SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))))


def content() -> Content:
    return current_app.extensions["advisor.content"]


def scheme_choices() -> FixedChoices:
    return remembered("scheme_choices", None, lambda: FixedChoices(
        SelectChoice(scheme.value, scheme_name(content(), scheme, short=False)) for scheme in Scheme))


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


YES_NO_UNKNOWN = FixedChoices((SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No")),
                               SelectChoice("unknown", _l("I don't know"))))


def tri_state(answer: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(answer or "")
