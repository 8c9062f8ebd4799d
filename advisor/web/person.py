"""The questions about a person that several pages ask (birth date, sex, a woman's original retirement age),
with their choices and messages, so each page asks them in the same words."""

from __future__ import annotations

from wtforms import RadioField, SelectChoice

from advisor.i18n import lazy_gettext as _l
from advisor.rules.types import Category

DONT_KNOW = "unknown"

SEX_CHOICES = (SelectChoice("male", _l("Man")), SelectChoice("female", _l("Woman")))
CATEGORY_CHOICES = (
    SelectChoice("F55", _l("55 years")),
    SelectChoice("F50", _l("50 years")),
    SelectChoice(DONT_KNOW, _l("I don't know")),
)
CATEGORY_NAMES = {
    Category.M60: _l("men (original retirement age 60)"),
    Category.F55: _l("women who would have retired at 55"),
    Category.F50: _l("women who would have retired at 50"),
}

BIRTH_DATE_MESSAGES = {
    "empty": _l("Enter your date of birth"),
    "missing_year": _l("Date of birth must include a year"),
    "missing_month": _l("Date of birth must include a month"),
    "missing_day": _l("Date of birth must include a day"),
    "missing_year_month": _l("Date of birth must include a year and month"),
    "missing_year_day": _l("Date of birth must include a year and day"),
    "missing_month_day": _l("Date of birth must include a month and day"),
    "not_real": _l("Date of birth must be a real date"),
    "year_digits": _l("The year of birth must have 4 digits, for example 1990"),
}
def choice_values(field) -> set[str]:
    return {choice.value for choice in field.iter_choices()}


class FollowUpChoiceField(RadioField):
    """A radio group asked only in some cases (women, platform workers…): the form decides when it
    is needed, and ignores it otherwise, whatever was sent."""

    def pre_validate(self, form) -> None:
        pass

    @property
    def link_id(self) -> str:
        return f"{self.id}-0"


RETIREMENT_MONTH_MESSAGES = {
    "empty": _l("Enter the year and month you retire"),
    "missing_year": _l("The retirement month must include a year"),
    "missing_month": _l("The retirement month must include a month"),
    "not_real": _l("The retirement month must be a real month, for example 2026 and 3"),
    "year_digits": _l("The year you retire must have 4 digits, for example 2026"),
}
