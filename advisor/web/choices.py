"""Answer options shared by the forms, and a radio field with our own wording."""

from __future__ import annotations

from flask import current_app
from wtforms import RadioField, SelectChoice
from wtforms.validators import ValidationError

from advisor.answers.explain import scheme_name
from advisor.i18n import lazy_gettext as _l
from advisor.i18n import localized
from advisor.policy import Content
from advisor.rules.types import Scheme, Work

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


# Options read from content, in the request's language: made once per language when the app starts
# (advisor/web/prepared.py), which is where the pages take them from.
def scheme_choices() -> tuple[SelectChoice, ...]:
    return tuple(SelectChoice(scheme.value, scheme_name(content(), scheme, short=False)) for scheme in Scheme)


def work_choices() -> tuple[SelectChoice, ...]:
    kinds = content().texts["work_kinds"]
    return tuple(SelectChoice(work.value, localized(kinds[work.value]["label"])) for work in Work)


def platform_choices() -> tuple[SelectChoice, ...]:
    platforms = content().protections["platforms"]["platforms"]
    return tuple(SelectChoice(p["id"], localized(p["name"])) for p in platforms)


def platform_work_choices() -> tuple[SelectChoice, ...]:
    kinds = content().protections["platforms"]["work_kinds"]
    return tuple(SelectChoice(w["id"], localized(w["name"])) for w in kinds)


def register_have_choices() -> tuple[SelectChoice, ...]:
    return tuple(SelectChoice(item["id"], localized(item["label"])) for item in content().texts["channels"]["have"])


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


YES_NO_UNKNOWN = (SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No")),
                  SelectChoice("unknown", _l("I don't know")))


def tri_state(answer: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(answer or "")
