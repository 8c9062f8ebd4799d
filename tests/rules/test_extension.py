"""Paying on after the statutory age (延缴), lump sums (趸缴), unemployment's own wage and benefit
durations (advisor/rules/extension.py, unemployment.py, contributions.py): table-driven, by hand.

The retirement schedules and minimum months mirror content/ (办法 Art. 1; 180 months to 2029, +6 a
year from 2030), so every row can be checked with a pencil.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from advisor.rules import extension as rules
from advisor.rules.calendar import YearMonth
from advisor.rules.contributions import Part, SchemeFigures, monthly_contribution
from advisor.rules.retirement import ReformSchedule, statutory_retirement
from advisor.rules.types import Category, Hukou, Scheme
from advisor.rules.unemployment import BenefitDurationRule, benefit_months

SCHEDULES = {
    Category.M60: ReformSchedule(60, YearMonth(1965, 1), 4, 36),
    Category.F55: ReformSchedule(55, YearMonth(1970, 1), 4, 36),
    Category.F50: ReformSchedule(50, YearMonth(1975, 1), 2, 60),
}
MINIMUM = {2025: 180, 2031: 192}  # retirement.minimum_contribution_months by the year the age is reached
AS_OF = date(2026, 11, 22)
SZ, ELSEWHERE, UNKNOWN = rules.PensionPlace.SHENZHEN, rules.PensionPlace.ELSEWHERE, rules.PensionPlace.UNKNOWN

# (who, born, category, as of, months paid, pension place) → months needed, last month to pay (None: no 延缴)
EXTENSION_CASES = [
    # Man born 1965-01-15: 60y1m, statutory age reached 2025-02-15; 180 months needed for 2025.
    ("man, the issue's example", date(1965, 1, 15), Category.M60, AS_OF, 120, SZ, 60, "2031-10"),
    ("man, one month short", date(1965, 1, 15), Category.M60, AS_OF, 179, SZ, 1, "2026-11"),
    ("man, exactly at the minimum", date(1965, 1, 15), Category.M60, AS_OF, 180, SZ, None, None),
    ("man, more than the minimum", date(1965, 1, 15), Category.M60, AS_OF, 300, SZ, None, None),
    ("man, pension drawn elsewhere", date(1965, 1, 15), Category.M60, AS_OF, 120, ELSEWHERE, None, None),
    ("man, pension place unknown", date(1965, 1, 15), Category.M60, AS_OF, 120, UNKNOWN, 60, "2031-10"),
    ("man, pension place not given", date(1965, 1, 15), Category.M60, AS_OF, 120, None, 60, "2031-10"),
    ("man, months not given", date(1965, 1, 15), Category.M60, AS_OF, None, SZ, None, None),
    ("man, never paid", date(1965, 1, 15), Category.M60, AS_OF, 0, SZ, 180, "2041-10"),
    # Woman F55 born 1970-03-10: 55y1m, reached 2025-04-10.
    ("woman F55, 100 months", date(1970, 3, 10), Category.F55, AS_OF, 100, SZ, 80, "2033-06"),
    ("woman F55, one month short", date(1970, 3, 10), Category.F55, AS_OF, 179, SZ, 1, "2026-11"),
    ("woman F55, exactly at the minimum", date(1970, 3, 10), Category.F55, AS_OF, 180, SZ, None, None),
    ("woman F55, pension drawn elsewhere", date(1970, 3, 10), Category.F55, AS_OF, 100, ELSEWHERE, None, None),
    ("woman F55, pension place unknown", date(1970, 3, 10), Category.F55, AS_OF, 100, UNKNOWN, 80, "2033-06"),
    # Woman F50 born 1975-06-01: 50y3m, reached 2025-09-01.
    ("woman F50, 150 months", date(1975, 6, 1), Category.F50, AS_OF, 150, SZ, 30, "2029-04"),
    ("woman F50, one month short", date(1975, 6, 1), Category.F50, AS_OF, 179, SZ, 1, "2026-11"),
    ("woman F50, exactly at the minimum", date(1975, 6, 1), Category.F50, AS_OF, 180, SZ, None, None),
    ("woman F50, pension drawn elsewhere", date(1975, 6, 1), Category.F50, AS_OF, 150, ELSEWHERE, None, None),
    # Age not reached yet: no 延缴, whatever the months (a woman F55 born 1972 reaches 55y7m in 2027-08).
    ("woman F55, not at the age yet", date(1972, 1, 10), Category.F55, AS_OF, 10, SZ, None, None),
    # The minimum of the year the age is reached: a man born 1970-05-20 reaches 61y5m on 2031-10-20, when
    # 192 months are needed; on 2032-01-10 with 150 paid he needs 42, paying 2032-01 to 2035-06.
    ("man reaching the age in 2031", date(1970, 5, 20), Category.M60, date(2032, 1, 10), 150, SZ, 42, "2035-06"),
    ("woman F50 reaching the age in 2031", date(1979, 1, 5), Category.F50, date(2032, 1, 10), 191, UNKNOWN, 1,
     "2032-01"),
]


@pytest.mark.parametrize(("who", "born", "category", "as_of", "paid", "place", "needed", "end"), EXTENSION_CASES,
                         ids=[case[0] for case in EXTENSION_CASES])
def test_continue_contributing(who, born, category, as_of, paid, place, needed, end):
    retirement = statutory_retirement(born, category, SCHEDULES)
    extension = rules.continue_contributing(retirement, as_of, paid, place, MINIMUM.get(retirement.month.year, 180))
    if needed is None:
        assert extension is None
        return
    assert extension.months_needed == needed
    assert extension.first_month == YearMonth.of(as_of)
    assert str(extension.end_month) == end
    assert extension.pension_from == YearMonth.parse(end).plus(1)


def test_a_pension_drawn_elsewhere_still_has_its_shortfall_counted():
    retirement = statutory_retirement(date(1965, 1, 15), Category.M60, SCHEDULES)
    assert rules.shortfall(retirement, AS_OF, 120, 180).months_needed == 60


LUMP_SUM = rules.ExtensionRule(lump_sum_first_insured_before=date(2011, 7, 1), lump_sum_after_extension_months=60)


@pytest.mark.parametrize(("first_insured", "paid", "expected"), [
    (YearMonth(2009, 3), 100, "after_extension"),  # 80 needed: 60 months of 延缴, then the last 20 in one go
    (YearMonth(2011, 6), 100, "after_extension"),  # the last month before the cut-off
    (YearMonth(2009, 3), 120, "within_extension"),  # 60 needed: the minimum comes with the 60th month of 延缴
    (YearMonth(2011, 7), 100, "not_available"),  # the cut-off month itself: monthly to the end
    (YearMonth(2015, 1), 20, "not_available"),
    (None, 100, "unknown"),
])
def test_lump_sum_only_before_2011_07_and_after_five_years_of_extension(first_insured, paid, expected):
    retirement = statutory_retirement(date(1965, 1, 15), Category.M60, SCHEDULES)
    extension = rules.continue_contributing(retirement, AS_OF, paid, SZ, 180)
    assert rules.lump_sum(extension, first_insured, LUMP_SUM) == expected


def test_a_month_of_extension_at_the_floor_is_the_pension_lines_rounded_each():
    # 4,775 × 12% = 573.00 and 4,775 × 8% = 382.00: 955.00 (the flexible worker's base and rate).
    assert rules.extension_monthly_cost(D("4775"), D("0.12"), D("0.08"), "ROUND_HALF_UP") == D("955.00")
    # 4,492.50 × 12% = 539.10; × 8% = 359.40: 898.50. A half fen rounds up in each line.
    assert rules.extension_monthly_cost(D("4492.50"), D("0.12"), D("0.08"), "ROUND_HALF_UP") == D("898.50")
    assert rules.extension_monthly_cost(D("4492.54"), D("0.12"), D("0.08"), "ROUND_HALF_UP") == \
        D("539.10") + D("359.40")


def test_the_pension_starts_the_month_after_the_minimum_at_the_age_then_reached():
    retirement = statutory_retirement(date(1965, 1, 15), Category.M60, SCHEDULES)  # 60y1m in 2025-02
    start = rules.pension_start(retirement, rules.continue_contributing(retirement, AS_OF, 120, SZ, 180))
    assert start.month == YearMonth(2031, 11)
    assert start.date == date(2031, 11, 1)
    # 2025-02 → 2031-11 is 81 months later: 60y1m + 81 months = 66y10m.
    assert (start.age_years, start.age_months) == (66, 10)
    assert start.category is Category.M60


@pytest.mark.parametrize(("born", "category", "near"), [
    (date(1965, 1, 15), Category.M60, True),  # past the age
    (date(1970, 5, 20), Category.M60, True),  # 2031-10: 59 months after 2026-11
    (date(1970, 7, 1), Category.M60, False),  # 61y6m in 2032-01: 62 months after 2026-11
    (date(1970, 6, 1), Category.M60, True),  # 61y6m in 2031-12: exactly 60 months after 2026-11
    (date(1970, 6, 30), Category.M60, True),  # the same month: months are compared, not days
    (date(1970, 7, 31), Category.M60, False),  # 2032-01 again: 61 months
    (date(1996, 3, 15), Category.M60, False),
])
def test_near_retirement_is_within_five_years(born, category, near):
    assert rules.near_retirement(statutory_retirement(born, category, SCHEDULES), AS_OF) is near


# 广东省失业保险条例 Art. 17: one month a year to 4 years, then one a half year, at most 24.
ARTICLE_17 = BenefitDurationRule(min_years=1, first_years=4, months_per_first_year=1,
                                 months_per_later_half_year=1, max_months=24)


@pytest.mark.parametrize(("paid_months", "benefit"), [
    (0, 0), (11, 0), (12, 1), (23, 1), (48, 4), (53, 4), (54, 5), (60, 6), (66, 7), (120, 16),
    (167, 23), (168, 24), (240, 24),
])
def test_unemployment_benefit_months_by_time_paid(paid_months, benefit):
    assert benefit_months(paid_months, ARTICLE_17) == benefit


UNEMPLOYMENT_2026 = {  # the Shenzhen unemployment limits and rate from 2026-09 (content/)
    Scheme.PENSION: SchemeFigures(D("4775"), D("27549"), (Part("pooled_fund", D("0.12")),
                                                          Part("personal_account", D("0.08")))),
    Scheme.UNEMPLOYMENT: SchemeFigures(D("2700"), D("44265"), (Part("unemployment", D("0.01")),)),
}


@pytest.mark.parametrize(("wage", "unemployment_wage", "applied", "clamped", "amount"), [
    ("8000", None, "8000", None, "80.00"),  # default: the declared wage
    ("8000", "5000", "5000", None, "50.00"),  # its own wage, within the limits
    ("8000", "1000", "2700", "floor", "27.00"),  # raised to the minimum wage
    ("8000", "2700", "2700", None, "27.00"),  # exactly the floor
    ("8000", "60000", "44265", "ceiling", "442.65"),  # lowered to 3 × the 在岗 average
    ("3000", "44265", "44265", None, "442.65"),  # exactly the ceiling; the pension keeps its own wage
])
def test_the_unemployment_wage_is_clamped_to_the_unemployment_limits(wage, unemployment_wage, applied, clamped,
                                                                      amount):
    own = {Scheme.UNEMPLOYMENT: D(unemployment_wage)} if unemployment_wage else None
    result = monthly_contribution(D(wage), Hukou.OTHER_PROVINCE, UNEMPLOYMENT_2026, "ROUND_HALF_UP", own)
    base = result.bases[Scheme.UNEMPLOYMENT]
    assert (base.applied, base.clamped) == (D(applied), clamped)
    assert result.scheme_total(Scheme.UNEMPLOYMENT) == D(amount)
    # The pension's base is the declared wage, clamped to the pension's own limits.
    assert result.bases[Scheme.PENSION].declared == D(wage)


# Issue 25 (mutation run): on the very day the statutory age is reached, it is reached.
def test_the_statutory_age_is_reached_on_its_own_day_not_the_day_after():
    man = statutory_retirement(date(1965, 1, 15), Category.M60, SCHEDULES)
    assert man.date == date(2025, 2, 15)
    assert man.reached_on(date(2025, 2, 15)) is True
    assert man.reached_on(date(2025, 2, 14)) is False
    # and 延缴 is offered that very day
    extension = rules.continue_contributing(man, date(2025, 2, 15), 170, SZ, 180)
    assert (extension.months_needed, str(extension.first_month), str(extension.end_month)) == (10, "2025-02", "2025-11")
    assert rules.continue_contributing(man, date(2025, 2, 14), 170, SZ, 180) is None
