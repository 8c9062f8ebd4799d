"""How long unemployment benefit is paid (广东省失业保险条例 Art. 17; its status is the parameter's).

One month for each full year paid up to `first_years`; beyond that, one more month for each full
half year; never more than `max_months`; nothing below `min_years`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BenefitDurationRule:
    min_years: int
    first_years: int
    months_per_first_year: int
    months_per_later_half_year: int
    max_months: int


def benefit_months(paid_months: int, rule: BenefitDurationRule) -> int:
    years = paid_months // 12
    if years < rule.min_years:
        return 0
    if paid_months <= rule.first_years * 12:
        return years * rule.months_per_first_year
    half_years = (paid_months - rule.first_years * 12) // 6
    months = rule.first_years * rule.months_per_first_year + half_years * rule.months_per_later_half_year
    return min(rule.max_months, months)
