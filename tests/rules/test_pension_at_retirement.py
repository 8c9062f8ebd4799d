"""Flexible retirement (advisor/rules/flexible_retirement.py) and the pension from a known record
(advisor/rules/pension_at_retirement.py): the window for each category, the minimum months for
early retirement, the local subsidy, payout months at whole and in-between ages, and the basic
pension with a calculation-base override. Figures mirror content/ so they can be checked by hand."""

from datetime import date
from decimal import Decimal as D

import pytest

from advisor.rules.calendar import YearMonth
from advisor.rules.flexible_retirement import (
    FlexibleLimits,
    OutsideWindow,
    RetirementKind,
    choose_retirement,
    retirement_window,
)
from advisor.rules.forecast import payout_months_at
from advisor.rules.pension_at_retirement import (
    LocalSubsidyRule,
    Record,
    basic_pension,
    local_subsidy,
    pension_at_retirement,
    personal_account_pension,
)
from advisor.rules.retirement import ReformSchedule, statutory_retirement
from advisor.rules.types import Category

SCHEDULES = {  # 办法 Art. 1, as content/parameters/retirement/reform.yaml
    Category.M60: ReformSchedule(60, YearMonth(1965, 1), 4, 36),
    Category.F55: ReformSchedule(55, YearMonth(1970, 1), 4, 36),
    Category.F50: ReformSchedule(50, YearMonth(1975, 1), 2, 60),
}
LIMITS = FlexibleLimits(36, 36)  # 办法 Art. 3, as content/parameters/retirement/flexible.yaml
PAYOUT_TABLE = {age: D(m) for age, m in {50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158,
                                           58: 152, 59: 145, 60: 139, 61: 132, 62: 125, 63: 117, 64: 109,
                                           65: 101, 66: 93}.items()}
SUBSIDY = LocalSubsidyRule(D("18.5"), D("20"))  # content/parameters/pension/local_subsidy.yaml


def minimum(year: int) -> int:  # 附件4, as content/parameters/retirement/minimum_contribution_months.yaml
    return 180 if year <= 2029 else min(240, 180 + 6 * (year - 2029))


def window(birth: date, category: Category):
    statutory = statutory_retirement(birth, category, SCHEDULES)
    return retirement_window(birth, statutory, SCHEDULES[category], LIMITS, minimum)


@pytest.mark.parametrize(("birth", "category", "statutory", "earliest", "latest"), [
    # Men born 1976-09 or later: 63y (2039-09); 36 months early is exactly the original 60.
    (date(1976, 9, 15), Category.M60, "2039-09", "2036-09", "2042-09"),
    # Men born 1970-03: 16 months' delay, 61y4m → 2031-07; 36 months early would be 58y4m, so the original
    # 60 (2030-03) holds.
    (date(1970, 3, 15), Category.M60, "2031-07", "2030-03", "2034-07"),
    # Born before the first cohort: the statutory age is the original age, so no early retirement.
    (date(1964, 3, 15), Category.M60, "2024-03", "2024-03", "2027-03"),
    # F55 born 1981-12: 58y (2039-12); earliest 55y (2036-12).
    (date(1981, 12, 1), Category.F55, "2039-12", "2036-12", "2042-12"),
    # F50 born 1984-12: 55y (2039-12); 36 months early is 52y (2036-12), above the original 50.
    (date(1984, 12, 1), Category.F50, "2039-12", "2036-12", "2042-12"),
    # F50 born 1975-10: 50y5m (2026-03); earliest the original 50 (2025-10).
    (date(1975, 10, 15), Category.F50, "2026-03", "2025-10", "2029-03"),
])
def test_the_flexible_window_for_each_category(birth, category, statutory, earliest, latest):
    found = window(birth, category)
    assert (str(found.statutory.month), str(found.earliest), str(found.latest)) == (statutory, earliest, latest)


def test_never_before_the_original_age_and_never_more_than_36_months_either_side():
    man = window(date(1970, 3, 15), Category.M60)  # statutory 2031-07, original 2030-03
    with pytest.raises(OutsideWindow) as before:
        choose_retirement(date(1970, 3, 15), YearMonth(2030, 2), man, 400, minimum)
    assert before.value.reason == "before_original_age"
    with pytest.raises(OutsideWindow) as late:
        choose_retirement(date(1970, 3, 15), YearMonth(2034, 8), man, 400, minimum)
    assert late.value.reason == "too_late"
    assert choose_retirement(date(1970, 3, 15), YearMonth(2034, 7), man, 400, minimum).kind is RetirementKind.DEFERRED
    woman = window(date(1984, 12, 1), Category.F50)  # statutory 55y, earliest 52y (not the original 50)
    with pytest.raises(OutsideWindow) as early:
        choose_retirement(date(1984, 12, 1), YearMonth(2036, 11), woman, 400, minimum)
    assert early.value.reason == "too_early"


def test_early_retirement_needs_the_minimum_months_of_its_year():
    man = window(date(1976, 9, 15), Category.M60)  # earliest 2036-09: minimum 222 months in 2036
    assert man.earliest_minimum_months == 222
    with pytest.raises(OutsideWindow) as short:
        choose_retirement(date(1976, 9, 15), YearMonth(2036, 9), man, 221, minimum)
    assert short.value.reason == "minimum_not_met" and short.value.required_months == 222
    chosen = choose_retirement(date(1976, 9, 15), YearMonth(2036, 9), man, 222, minimum)
    assert chosen.kind is RetirementKind.EARLY and (chosen.age_years, chosen.age_months) == (60, 0)
    assert chosen.months_from_statutory == -36
    # The statutory month itself needs no minimum to be chosen (the pension page says what is missing).
    assert choose_retirement(date(1976, 9, 15), YearMonth(2039, 9), man, 10, minimum).kind is RetirementKind.STATUTORY


@pytest.mark.parametrize(("months", "index", "expected"), [
    (94, D("1.0433"), D("171.19")),  # Shenzhen approval sheet 2023-05: 7.8333 years × 1.0433 × 18.5 + 20
    (68, D("0.7183"), D("95.30")),  # Shenzhen approval sheet 2025-10: 5.6667 years × 0.7183 × 18.5 + 20
    (12, D("1"), D("38.50")),  # one year at index 1: 18.5 + 20
    (0, D("1"), D("0.00")),  # no local months: not even the fixed 20
])
def test_the_local_subsidy(months, index, expected):
    assert local_subsidy(months, index, SUBSIDY) == expected


@pytest.mark.parametrize(("age_in_months", "expected"), [
    (720, D("139")), (732, D("132")), (600, D("195")),  # whole ages: the 38号 table
    (721, D("138.4")), (601, D("194.6")),  # the Jinan 12345 examples: 60y1m, 50y1m
    (733, D("131.4")),  # 61y1m: 132 − 7/12 = 131.42 → 131.4, the Shenzhen sheet of 2025-06 (age printed 61岁1个月)
    (661, D("169.5")),  # 55y1m: 170 − 6/12, the Zhongshan sheet of 2025-04 (not 169.6 as a public table has it)
    (723, D("137.3")),  # 60y3m: 139 − 7 × 3/12 = 137.25 → 137.3 half-up, the Gansu and Jiangsu sheets
    (735, D("130.3")),  # 61y3m: 132 − 7 × 3/12 = 130.25 → 130.3
    (726, D("135.5")),  # 60y6m
])
def test_payout_months_at_whole_and_in_between_ages(age_in_months, expected):
    assert payout_months_at(age_in_months, PAYOUT_TABLE) == expected


def test_the_basic_pension_with_a_calculation_base_override():
    # 2025-06 retirement before the 2025 base (11293) was published: the office used 2024's 11181.
    assert basic_pension(D("11181"), D("0.3803"), 199) == D("1279.66")
    assert basic_pension(D("11293"), D("0.3803"), 199) == D("1292.48")
    lines = pension_at_retirement(Record(199, D("0.3803"), D("33425.18")), 735, D("11181"), PAYOUT_TABLE, None)
    assert lines.basic_pension == D("1279.66") and lines.calculation_base == D("11181")


def test_the_total_is_the_sum_of_the_rounded_lines():
    lines = pension_at_retirement(Record(360, D("0.7183"), D("163426.28"), 68), 600, D("11293"), PAYOUT_TABLE,
                                  SUBSIDY)
    assert (lines.basic_pension, lines.personal_account_pension, lines.local_subsidy) == (
        D("2910.71"), D("838.08"), D("95.30"))
    assert lines.total == D("3844.09")


# Issue 25 (mutation run): the account pension rounds half a fen up, as every line does (money.rounding).
def test_half_a_fen_of_account_pension_rounds_up_not_to_even():
    # 170.85 ÷ 170 (the payout months at 55) = 1.005 exactly: half-up 1.01, half-even would give 1.00.
    assert personal_account_pension(D("170.85"), D("170")) == D("1.01")
    assert personal_account_pension(D("170.85"), D("170"), "ROUND_HALF_EVEN") == D("1.00")
    lines = pension_at_retirement(Record(180, D("1"), D("170.85")), 55 * 12, D("10000"), PAYOUT_TABLE, None)
    assert (lines.payout_months, lines.personal_account_pension) == (D("170"), D("1.01"))
    # and when the mode is passed down (the content's rounding figure), it is the one used
    even = pension_at_retirement(Record(180, D("1"), D("170.85")), 55 * 12, D("10000"), PAYOUT_TABLE, None,
                                 "ROUND_HALF_EVEN")
    assert even.personal_account_pension == D("1.00")


def test_a_single_month_of_local_supplementary_contributions_earns_the_local_subsidy():
    # Issue 25's sampled mutation run: `> 0` → `> 1` passed every test. 1/12 × 1.0 × 18.5 + 20 = 21.54.
    lines = pension_at_retirement(Record(180, D("1"), D("0"), 1), 60 * 12, D("10000"), PAYOUT_TABLE, SUBSIDY)
    assert lines.local_subsidy == D("21.54")
    none = pension_at_retirement(Record(180, D("1"), D("0"), 0), 60 * 12, D("10000"), PAYOUT_TABLE, None)
    assert none.local_subsidy == D("0.00")
