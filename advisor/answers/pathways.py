"""What the check and the forecast add near and past the statutory retirement age (延缴, 趸缴,
medical years), and the unemployment benefit durations. Content + rules, no web framework.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from advisor.answers.explain import back_dated_from
from advisor.policy import Content, Figure, NotInForce
from advisor.rules.calendar import YearMonth
from advisor.rules.extension import (
    Extension,
    ExtensionRule,
    PensionPlace,
    continue_contributing,
    extension_monthly_cost,
    lump_sum,
    near_retirement,
    shortfall,
)
from advisor.rules.money import to_fen
from advisor.rules.retirement import Retirement
from advisor.rules.types import Notice
from advisor.rules.unemployment import BenefitDurationRule, benefit_months

GUANGDONG_MEDICAL_YEARS_FROM = date(2030, 1, 1)
# The first day this site records the minimum contribution period and the 延缴 rules (社会保险法 in force).
RECORDS_FROM = date(2011, 7, 1)
# Years paid shown in the unemployment duration table (the rule's own steps and its cap).
DURATION_EXAMPLE_YEARS = (1, 2, 3, 4, 5, 6, 10, 14)


def extension_rule(content: Content, on: date) -> ExtensionRule:
    raw = content.figure("pension.extension", on).value
    return ExtensionRule(date.fromisoformat(raw["lump_sum_first_insured_before"]),
                         int(raw["lump_sum_after_extension_months"]))


def minimum_months(content: Content, retirement: Retirement) -> int:
    """The minimum for the year the statutory age is reached."""
    return int(content.figure("retirement.minimum_contribution_months", retirement.date).value)


def floor_figures(content: Content, month: YearMonth) -> tuple[Figure, Figure, Figure, Figure]:
    """The pension floor, the two rates and the rounding in force in `month`: what a month of 延缴 costs."""
    on = month.first_day
    return (content.figure("pension.base_floor", on), content.figure("pension.pooled_fund_rate", on),
            content.figure("pension.personal_account_rate", on), content.figure("money.rounding", on))


def floor_cost(content: Content, month: YearMonth) -> tuple[Decimal, Decimal]:
    """The pension floor in force and a month of 延缴 at it (the flexible worker's base and rate)."""
    floor, pooled, personal, rounding = floor_figures(content, month)
    return floor.value, extension_monthly_cost(floor.value, pooled.value, personal.value, rounding.value)


def extension_facts(content: Content, extension: Extension) -> dict:
    floor, cost = floor_cost(content, extension.first_month)
    facts = {"minimum": extension.minimum_months, "months_needed": extension.months_needed,
             "first_month": extension.first_month, "end_month": extension.end_month,
             "floor": floor, "monthly_cost": cost}
    start = back_dated_from(floor_figures(content, extension.first_month))
    if start is not None:  # the cost rests on a carried-forward figure: the back-dating line follows
        facts["back_dated_from"] = start
    return facts


def medical_years_notice(content: Content) -> Notice:
    raw = content.figure("medical.retirement_years", GUANGDONG_MEDICAL_YEARS_FROM).value
    return Notice("medical_years_at_retirement", {
        "male_years": raw["male_years"], "female_years": raw["female_years"], "local_years": raw["local_years"]})


def retirement_notices(content: Content, retirement: Retirement, as_of: date, contributed_months: int | None,
                       pension_place: PensionPlace | None, first_insured_month: YearMonth | None) -> list[Notice]:
    """延缴 and 趸缴 past the statutory age with a shortfall; medical years near and past it."""
    found: list[Notice] = []
    try:
        minimum = minimum_months(content, retirement)
    except NotInForce:
        # The statutory age fell before the first minimum on record (July 2011): the verdict stands, and the
        # notice says what this site does not cover and whom to ask, never an error about a figure not typed.
        if retirement.reached_on(as_of):
            found.append(Notice("extension_before_records", {"retirement_date": retirement.date,
                                                             "first": RECORDS_FROM}))
        return found
    extension = continue_contributing(retirement, as_of, contributed_months, pension_place, minimum)
    if extension is not None:
        facts = extension_facts(content, extension)
        facts["place_unknown"] = pension_place is not PensionPlace.SHENZHEN
        found.append(Notice("continue_contributing", facts))
        rule = extension_rule(content, as_of)
        variant = lump_sum(extension, first_insured_month, rule)
        found.append(Notice("lump_sum", {
            "variant": variant, "after_months": rule.lump_sum_after_extension_months,
            "lump_sum_months": max(0, extension.months_needed - rule.lump_sum_after_extension_months),
            "lump_sum_from": extension.first_month.plus(rule.lump_sum_after_extension_months)}))
    else:
        elsewhere = shortfall(retirement, as_of, contributed_months, minimum)
        if elsewhere is not None and pension_place is PensionPlace.ELSEWHERE:
            found.append(Notice("continue_contributing_elsewhere",
                                {"minimum": minimum, "months_needed": elsewhere.months_needed}))
    if near_retirement(retirement, as_of):
        found.append(medical_years_notice(content))
    return found


def benefit_duration_rule(content: Content, on: date) -> BenefitDurationRule:
    raw = content.figure("unemployment.benefit_duration", on).value
    return BenefitDurationRule(**{key: int(raw[key]) for key in (
        "min_years", "first_years", "months_per_first_year", "months_per_later_half_year", "max_months")})


def benefit_durations(content: Content, on: date) -> list[tuple[int, int]]:
    """(years paid, months of benefit) for the example years; raises NotInForce without the figure."""
    rule = benefit_duration_rule(content, on)
    return [(years, benefit_months(years * 12, rule)) for years in DURATION_EXAMPLE_YEARS]




@dataclass(frozen=True)
class UnemploymentBenefit:
    """What unemployment insurance can later pay: a share of the minimum wage, for months by years paid."""

    monthly: Decimal
    minimum_wage: Figure
    rate: Figure
    duration: Figure
    durations: tuple[tuple[int, int], ...]  # (years paid, months of benefit)


def unemployment_benefit(content: Content, on: date) -> UnemploymentBenefit:
    """Raises NotInForce when one of its figures is not in force on `on`."""
    minimum_wage = content.figure("wages.shenzhen_minimum_wage", on)
    rate = content.figure("unemployment.benefit_rate", on)
    rounding = content.figure("money.rounding", on).value
    return UnemploymentBenefit(to_fen(minimum_wage.value * rate.value, rounding), minimum_wage, rate,
                               content.figure("unemployment.benefit_duration", on),
                               tuple(benefit_durations(content, on)))
