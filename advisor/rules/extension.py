"""Paying on after the statutory retirement age (延缴) and lump sums (趸缴).

Seed 000 (service 养老保险延缴申请): someone who has reached the statutory retirement age, whose
pension will be drawn in Shenzhen, and who lacks the minimum contribution months for the year the
age is reached, may keep paying month by month until the minimum is met (社会保险法 Art. 16; 2024
办法 Art. 2). A lump sum (趸缴) is only for people first insured before the cut-off, and only
after some years of 延缴 (the 2011 MOHRSS rule, as quoted by local Q&As: the parameter's status).

Months are counted from `first_month` (the month the person would start paying) without breaks;
the pension is estimated from the month after the last month paid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from advisor.rules.calendar import YearMonth
from advisor.rules.money import to_fen
from advisor.rules.retirement import Retirement

# Display threshold, not a policy figure: "near" retirement is within five years of it.
NEAR_RETIREMENT_MONTHS = 60


class PensionPlace(StrEnum):
    SHENZHEN = "shenzhen"
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ExtensionRule:
    lump_sum_first_insured_before: date
    lump_sum_after_extension_months: int


@dataclass(frozen=True)
class Extension:
    minimum_months: int
    contributed_months: int
    first_month: YearMonth  # the first month paid on
    months_needed: int

    @property
    def end_month(self) -> YearMonth:
        """The last month to pay: the month the minimum is reached."""
        return self.first_month.plus(self.months_needed - 1)

    @property
    def pension_from(self) -> YearMonth:
        return self.first_month.plus(self.months_needed)


def near_retirement(retirement: Retirement, as_of: date) -> bool:
    """At or past the statutory age, or within NEAR_RETIREMENT_MONTHS of it."""
    return retirement.month.months_since(YearMonth.of(as_of)) <= NEAR_RETIREMENT_MONTHS


def shortfall(retirement: Retirement, as_of: date, contributed_months: int | None, minimum_months: int,
              first_month: YearMonth | None = None) -> Extension | None:
    """The months still to pay after the statutory age, or None (age not reached, months not given, no shortfall)."""
    if contributed_months is None or not retirement.reached_on(as_of):
        return None
    needed = minimum_months - contributed_months
    if needed <= 0:
        return None
    return Extension(minimum_months, contributed_months, first_month or YearMonth.of(as_of), needed)


def continue_contributing(retirement: Retirement, as_of: date, contributed_months: int | None,
                          pension_place: PensionPlace | None, minimum_months: int) -> Extension | None:
    """延缴 in Shenzhen: a shortfall past the statutory age, unless the pension is drawn elsewhere.

    "Don't know" (or no answer) still gets the answer, with the condition stated beside it.
    """
    if pension_place is PensionPlace.ELSEWHERE:
        return None
    return shortfall(retirement, as_of, contributed_months, minimum_months)


def lump_sum(extension: Extension, first_insured_month: YearMonth | None, rule: ExtensionRule) -> str:
    """"after_extension" (first insured before the cut-off and still short after the years of 延缴),
    "within_extension" (before the cut-off, but the minimum is reached before a lump sum is open),
    "not_available" (first insured on or after the cut-off: pay monthly to the end) or "unknown"."""
    if first_insured_month is None:
        return "unknown"
    if first_insured_month.first_day >= rule.lump_sum_first_insured_before:
        return "not_available"
    if extension.months_needed > rule.lump_sum_after_extension_months:
        return "after_extension"
    return "within_extension"


def extension_monthly_cost(base: Decimal, pooled_fund_rate: Decimal, personal_account_rate: Decimal,
                           rounding: str) -> Decimal:
    """A month of 延缴 at `base`: the pension's two lines, each rounded to the fen (as the calculator)."""
    return to_fen(base * pooled_fund_rate, rounding) + to_fen(base * personal_account_rate, rounding)


def pension_start(retirement: Retirement, extension: Extension) -> Retirement:
    """The retirement as the forecast sees it: the pension from the month after the minimum is reached,
    at the age then reached (for the payout months)."""
    later = extension.pension_from.months_since(retirement.month)
    return replace(retirement, age_in_months=retirement.age_in_months + later, month=extension.pension_from,
                   date=extension.pension_from.first_day)
