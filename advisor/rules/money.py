"""Money is Decimal, from the edge inward.

Rounding rule (content/parameters/money/rounding.yaml): each contribution line is rounded to the
fen with the mode named there (ROUND_HALF_UP: 0.125 → 0.13, where Python's default half-even
would give 0.12); a monthly total is the sum of the rounded lines and a yearly total is 12 × the
monthly total, so displayed totals always equal the sum of displayed lines.
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

FEN = Decimal("0.01")
YUAN = Decimal("1")
# An amount for a time more than this many years ahead is a guess: it is shown to the yuan, as "about".
FAR_AHEAD_YEARS = 5
ROUNDING_MODES = {"ROUND_HALF_UP": decimal.ROUND_HALF_UP, "ROUND_HALF_EVEN": decimal.ROUND_HALF_EVEN}

_AMOUNT = re.compile(r"^\d{1,9}(\.\d{1,2})?$")


def to_fen(amount: Decimal, mode: str = "ROUND_HALF_UP") -> Decimal:
    """Round an amount of yuan to the fen with a named rounding mode."""
    return amount.quantize(FEN, rounding=ROUNDING_MODES[mode])


@dataclass(frozen=True)
class Shown:
    """An amount as a reader should see it: to the fen, or to the yuan and marked approximate."""

    amount: Decimal
    approximate: bool


def as_shown(amount: Decimal, years_ahead: int, mode: str = "ROUND_HALF_UP") -> Shown:
    """Rounding rule for estimates: an amount for more than FAR_AHEAD_YEARS years ahead is rounded to the yuan
    (half up: 3,869.50 → 3,870) and marked approximate, since fen would claim a precision a guess of decades
    does not have; nearer amounts keep the fen."""
    if years_ahead > FAR_AHEAD_YEARS:
        return Shown(amount.quantize(YUAN, rounding=ROUNDING_MODES[mode]), True)
    return Shown(to_fen(amount, mode), False)


class AmountError(ValueError):
    """An amount the user typed could not be read. `kind` says why, for a worded message."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind  # "empty" | "not_a_number" | "too_many_decimals" | "too_large"


def parse_yuan(text: str) -> Decimal:
    """Read an amount typed by a person: "8000", "8,000", "８０００", "¥8000", "8000元", "8 000.5".

    NFKC turns full-width digits and "，．" into ASCII. The ideographic full stop "。" is not a
    decimal point (it usually ends a sentence), so it is an error rather than a guess.
    """
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    for noise in (",", " ", "\u00a0", "¥", "￥", "元", "RMB", "rmb", "CNY", "cny"):
        cleaned = cleaned.replace(noise, "")
    if not cleaned:
        raise AmountError("empty")
    # Leading zeros say nothing about size: "0008000" is 8000, not "too large".
    cleaned = re.sub(r"^0+(?=\d)", "", cleaned)
    if re.fullmatch(r"\d+\.\d{3,}", cleaned):
        raise AmountError("too_many_decimals")
    if re.fullmatch(r"\d{10,}(\.\d*)?", cleaned):
        raise AmountError("too_large")
    if not _AMOUNT.match(cleaned):
        raise AmountError("not_a_number")
    return Decimal(cleaned)
