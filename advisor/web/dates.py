"""Dates typed in separate boxes (the GOV.UK date input), year first as Chinese readers write them.

Each box is read leniently (full-width digits from Chinese keyboards, a trailing 年/月/日) and the
errors follow GOV.UK's ladder: nothing entered, a part missing, not a real date. Checks that need
other answers or today's date (in the past, after the birth date) belong to the form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date

from wtforms import Field
from wtforms.utils import unset_value
from wtforms.validators import StopValidation

from advisor.answers.eligibility import EARLIEST_BIRTH_DATE
from advisor.i18n import lazy_gettext as _l
from advisor.rules.calendar import YearMonth

PART_LABELS = {"year": _l("Year"), "month": _l("Month"), "day": _l("Day")}
MAX_KEPT_LENGTH = 40  # what is echoed back into a box; longer input is never a date anyway
_DIGITS = re.compile(r"^[0-9]{1,4}$")
_UNIT_SUFFIX = re.compile(r"[年月日号號]$")


def clean_part(text: str) -> str:
    """"１９９０", " 1990年 " → "1990": full-width digits become ASCII, a unit after the number goes."""
    return _UNIT_SUFFIX.sub("", unicodedata.normalize("NFKC", text).strip()).strip()


def read_part(text: str) -> int | None:
    """The number in a box, or None for anything that is not 1–4 digits (signs, letters, "\x00")."""
    cleaned = clean_part(text)
    return int(cleaned) if _DIGITS.match(cleaned) else None


class DatePartsField(Field):
    """A date (year, month, day) or a month (year, month) typed in boxes named `<name>-<part>`.

    After validation `data` is a `date` (or a `YearMonth` for a month), or None when every box was
    left empty. `messages` words the errors for this question: empty, missing (with a `%(parts)s`
    placeholder), missing_<part> for each part, not_real and year_digits.
    """

    def __init__(self, label=None, validators=None, parts: tuple[str, ...] = ("year", "month", "day"),
                 messages: Mapping[str, str] | None = None, required: bool = True, **kwargs) -> None:
        super().__init__(label, validators, **kwargs)
        self.parts = parts
        self.messages = messages or {}
        self.required = required
        self.values = {part: "" for part in parts}
        self.error_parts: set[str] = set()

    def process(self, formdata, data=unset_value, extra_filters=None) -> None:
        self.process_errors = []
        self.values = {part: "" for part in self.parts}
        if formdata is not None:
            for part in self.parts:
                self.values[part] = str(formdata.get(self.part_name(part), ""))[:MAX_KEPT_LENGTH]
        self.raw_data = [self.values[part] for part in self.parts]
        self.data = None
        self.object_data = None

    def part_name(self, part: str) -> str:
        return f"{self.name}-{part}"

    def part_id(self, part: str) -> str:
        return f"{self.id}-{part}"

    def part_labels(self) -> list[tuple[str, str]]:
        return [(part, str(PART_LABELS[part])) for part in self.parts]

    @property
    def link_id(self) -> str:
        """The error summary links to the first box with a problem."""
        first = next((part for part in self.parts if part in self.error_parts), self.parts[0])
        return self.part_id(first)

    def is_empty(self) -> bool:
        return not any(value.strip() for value in self.values.values())

    def fail(self, message: str, parts) -> None:
        self.error_parts = set(parts)
        raise StopValidation(str(message))

    def pre_validate(self, form) -> None:
        self.error_parts = set()
        self.data = None
        if self.is_empty():
            if self.required:
                self.fail(self.messages["empty"], self.parts)
            return
        missing = [part for part in self.parts if not self.values[part].strip()]
        if missing:
            key = "missing_" + "_".join(missing)
            self.fail(self.messages.get(key, self.messages["empty"]), missing)
        numbers = {part: read_part(self.values[part]) for part in self.parts}
        if numbers.get("month") is not None and not 1 <= numbers["month"] <= 12:
            self.fail(self.messages["not_real"], ["month"])
        unreadable = [part for part, number in numbers.items() if number is None]
        if unreadable:
            self.fail(self.messages["not_real"], unreadable)
        if len(clean_part(self.values["year"])) != 4:
            self.fail(self.messages["year_digits"], ["year"])
        if numbers["year"] < 1:
            self.fail(self.messages["not_real"], ["year"])
        self.data = self.build(numbers)

    def build(self, numbers: dict[str, int]) -> date | YearMonth:
        try:
            if "day" not in self.parts:
                return YearMonth(numbers["year"], numbers["month"])
            return date(numbers["year"], numbers["month"], numbers["day"])
        except ValueError:  # 31 February
            self.fail(self.messages["not_real"], ["day"])

    def _value(self) -> str:
        return "-".join(self.values.values())


def check_birth_date(form, field, as_of: date) -> None:
    """What every parsed date of birth must also be: in the past, and not before 1900."""
    born = field.data
    if born is None:
        return
    if born >= as_of:
        form.add_error(field, _l("Date of birth must be in the past"))
    elif born < EARLIEST_BIRTH_DATE:
        form.add_error(field, _l("Date of birth must be in 1900 or later"))
