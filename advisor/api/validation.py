"""Reading a JSON request body field by field, collecting every error in the user's language.

Each reader returns the parsed value or None and records a message under the field's name, so
one response lists all the problems, as the pages do.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from advisor.answers.eligibility import EARLIEST_BIRTH_DATE
from advisor.i18n import gettext as _
from advisor.rules.calendar import YearMonth
from advisor.rules.money import AmountError, parse_yuan
from advisor.rules.types import Category, Sex

E = TypeVar("E", bound=StrEnum)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE = re.compile(r"^\d{1,6}$")
_DECIMAL = re.compile(r"^-?\d{1,6}(\.\d{1,12})?$")
_MISSING = object()
# Every date and month the API accepts lies in this range, which the rules can compute for: a retirement
# month or a forecast year computed from a date near year 9999 would not exist (YearMonth stops there).
EARLIEST_DATE = EARLIEST_BIRTH_DATE
LATEST_DATE = date(2100, 12, 31)


class FieldReader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.errors: dict[str, list[str]] = {}

    def error(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def _get(self, field: str, required: bool) -> Any:
        value = self.data.get(field, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.error(field, _("This answer is required."))
            return _MISSING
        return value

    def date(self, field: str, required: bool = True, earliest: date | None = EARLIEST_DATE) -> date | None:
        """A date from EARLIEST_DATE (or `earliest`; None leaves the lower bound to a worded check of the caller's)
        to LATEST_DATE."""
        value = self._get(field, required)
        if value is _MISSING:
            return None
        day = None
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass
        if day is None:
            self.error(field, _("Enter a real date as YYYY-MM-DD, for example 1990-05-31."))
            return None
        if day > LATEST_DATE or (earliest is not None and day < earliest):
            self.error(field, _("Enter a date from %(earliest)s to %(latest)s.",
                                earliest=(earliest or EARLIEST_DATE).isoformat(), latest=LATEST_DATE.isoformat()))
            return None
        return day

    def month(self, field: str, required: bool = True) -> YearMonth | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if isinstance(value, str):
            try:
                month = YearMonth.parse(value)
            except ValueError:
                pass
            else:
                if YearMonth.of(EARLIEST_DATE) <= month <= YearMonth.of(LATEST_DATE):
                    return month
                self.error(field, _("Enter a month from %(earliest)s to %(latest)s.",
                                    earliest=str(YearMonth.of(EARLIEST_DATE)), latest=str(YearMonth.of(LATEST_DATE))))
                return None
        self.error(field, _("Enter a month as YYYY-MM, for example 2026-03."))
        return None

    def boolean(self, field: str, required: bool = True, default: bool | None = None) -> bool | None:
        value = self._get(field, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool):
            return value
        self.error(field, _("Answer true or false."))
        return None

    def choice(self, field: str, enum: type[E], required: bool = True) -> E | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if isinstance(value, str):
            try:
                return enum(value)
            except ValueError:
                pass
        self.error(field, _("Choose one of: %(choices)s.", choices=", ".join(e.value for e in enum)))
        return None

    def choices(self, field: str, enum: type[E]) -> tuple[E, ...] | None:
        value = self._get(field, True)
        if value is _MISSING:
            return None
        if not isinstance(value, list) or not value:
            self.error(field, _("Give a list with at least one of: %(choices)s.",
                                choices=", ".join(e.value for e in enum)))
            return None
        chosen = []
        for item in value:
            try:
                chosen.append(enum(item))
            except (ValueError, TypeError):
                self.error(field, _("Choose one of: %(choices)s.", choices=", ".join(e.value for e in enum)))
                return None
        return tuple(dict.fromkeys(chosen))

    def amount(self, field: str, required: bool = True, wage: bool = True) -> Decimal | None:
        """An amount of yuan as people write it ("8,000", "８０００", "8000元"); `wage` words the messages
        for a monthly wage, otherwise for any amount (a balance, say)."""
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            self.error(field, _("Enter the amount in yuan as a string, for example \"8000\"."))
            return None
        if isinstance(value, (int, Decimal)) and (value < 0 or (isinstance(value, Decimal) and value.is_signed())):
            # JSON -0 and -0.0 are refused like the string "-0" (read_json_object keeps their sign)
            self.error(field, _("The amount cannot be negative."))
            return None
        try:
            return parse_yuan(str(value))
        except AmountError as exc:
            self.error(field, amount_message(exc.kind, str(value), wage))
            return None

    def integer(self, field: str, required: bool = True, example: str = "120") -> int | None:
        """A whole number, from a JSON integer or a string of digits (full-width digits allowed)."""
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        if isinstance(value, str):
            cleaned = unicodedata.normalize("NFKC", value).strip()
            if _WHOLE.match(cleaned):
                return int(cleaned)
        self.error(field, _("Enter a whole number of 0 or more, for example %(example)s.", example=example))
        return None

    def decimal(self, field: str, required: bool = True, places: int = 4, example: str = "0.03") -> Decimal | None:
        """A decimal number such as a rate or a multiple, exactly as written ("0.03"), never via float."""
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            self.error(field, _("Enter a decimal number as a string, for example \"%(example)s\".", example=example))
            return None
        cleaned = unicodedata.normalize("NFKC", str(value)).strip()
        if not _DECIMAL.match(cleaned):
            self.error(field, _("Enter a decimal number as a string, for example \"%(example)s\".", example=example))
            return None
        number = Decimal(cleaned)
        if -number.as_tuple().exponent > places:
            self.error(field, _("Use at most %(places)s decimal places.", places=places))
            return None
        return number


def amount_message(kind: str, text: str, wage: bool = True) -> str:
    if kind == "empty":
        return _("Enter your monthly wage in yuan.") if wage else _("Enter an amount in yuan.")
    if kind == "too_many_decimals":
        return _("The amount can have at most 2 decimal places (fen).")
    if kind == "too_large":
        return _("The amount is too large: enter your monthly wage in yuan.") if wage else _("The amount is too large.")
    if text.strip().startswith("-"):
        return _("The amount cannot be negative.")
    return _("Enter the amount in yuan using digits only, for example 8000 or 8000.50.")


def check_person(fields: FieldReader, birth_date: date | None, sex: Sex | None, female_category: Category | None,
                 as_of: date) -> bool:
    """Cross-field checks for every request that gives a date of birth; True when the date is usable."""
    if female_category is Category.M60 or (female_category and sex is Sex.MALE):
        fields.error("female_category", _("Only women answer the original retirement age."))
    if birth_date is None:
        return False
    if birth_date > as_of:
        fields.error("birth_date", _("The date of birth must be before %(date)s.", date=as_of.isoformat()))
        return False
    if birth_date < EARLIEST_BIRTH_DATE:
        fields.error("birth_date", _("The date of birth must be on or after 1900-01-01."))
        return False
    return True
