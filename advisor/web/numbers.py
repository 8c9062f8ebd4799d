"""Numbers as people type them (“10年”, “3%”, “120个月”): whole numbers, account balances, rates and indexes,
for the forms that ask them."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from wtforms.validators import ValidationError

from advisor.answers.forecast import (
    PAST_INDEX_RANGE,
)
from advisor.i18n import lazy_gettext as _l
from advisor.rules.money import AmountError, parse_yuan

HUNDRED = Decimal(100)
_WHOLE_NUMBER = re.compile(r"^[0-9]{1,3}$")
_PERCENT = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{1,2})?$")
_INDEX = re.compile(r"^[0-9](\.[0-9]{1,4})?$")
_UNIT_SUFFIX = re.compile(r"(年|个月|個月|月|%)$")

BALANCE_MESSAGES = {
    "too_many_decimals": _l("The balance can have at most 2 decimal places (fen)."),
    "too_large": _l("The balance is too large: enter it in yuan, for example 50000."),
    "not_a_number": _l("Enter the balance in yuan using digits only, for example 50000 or 50000.50."),
}


def clean(text: str | None) -> str:
    """"２．９％", " 10年 " → "2.9", "10": full-width to ASCII, a unit after the number dropped."""
    cleaned = unicodedata.normalize("NFKC", text or "").strip().replace("−", "-")
    return _UNIT_SUFFIX.sub("", cleaned).strip()


def ratio_as_percent(ratio: Decimal) -> str:
    """0.029 → "2.9", 0.0150 → "1.5": a rate as people type it."""
    text = format(ratio * HUNDRED, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class WholeNumber:
    def __init__(self, message) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        text = clean(field.data)
        field.number = None
        if not text:
            return
        if not _WHOLE_NUMBER.match(text):
            raise ValidationError(self.message)
        field.number = int(text)


class PercentRate:
    """A yearly rate in per cent within the API's bounds (which are ratios); empty means the default."""

    def __init__(self, bounds: tuple[Decimal, Decimal], message, range_message) -> None:
        self.bounds = bounds
        self.message = message
        self.range_message = range_message

    def __call__(self, form, field) -> None:
        text = clean(field.data)
        field.ratio = None
        if not text:
            return
        if not _PERCENT.match(text):
            raise ValidationError(self.message)
        ratio = Decimal(text) / HUNDRED
        low, high = self.bounds
        if not low <= ratio <= high:
            raise ValidationError(self.range_message % {"low": ratio_as_percent(low),
                                                        "high": ratio_as_percent(high)})
        field.ratio = ratio


class Balance:
    """A balance in yuan; empty is allowed unless a message for it is given."""

    def __init__(self, required: str | None = None) -> None:
        self.required = required

    def __call__(self, form, field) -> None:
        field.amount = None
        text = field.data or ""
        if not clean(text):
            if self.required:
                raise ValidationError(self.required)
            return
        if clean(text).startswith("-"):
            raise ValidationError(_l("The balance cannot be negative."))
        try:
            field.amount = parse_yuan(text)
        except AmountError as exc:
            raise ValidationError(BALANCE_MESSAGES.get(exc.kind, BALANCE_MESSAGES["not_a_number"])) from None


class PastIndex:
    def __call__(self, form, field) -> None:
        field.index = None
        text = clean(field.data)
        if not text:
            return
        low, high = PAST_INDEX_RANGE
        message = _l("Enter the index as a number above %(low)s and at most %(high)s, for example 0.8.")
        if not _INDEX.match(text) or not low < Decimal(text) <= high:
            raise ValidationError(message % {"low": low, "high": high})
        field.index = Decimal(text)
