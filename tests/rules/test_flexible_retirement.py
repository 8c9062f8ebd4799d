"""Flexible retirement (advisor/rules/flexible_retirement.py) on its own: the window's edges to the month, the
reason for every refusal, and the minimum months early retirement needs (issue 25: each boundary on the exact
month, so that `<` for `<=` anywhere fails a test).

Schedules as content/parameters/retirement/reform.yaml (办法 Art. 1), limits as flexible.yaml (Art. 3: 36 months
either side, never before the original age), minimum months as minimum_contribution_months.yaml (附件4).
"""

from datetime import date

import pytest

from advisor.rules.calendar import YearMonth
from advisor.rules.flexible_retirement import (
    FlexibleLimits,
    OutsideWindow,
    RetirementKind,
    choose_retirement,
    retirement_window,
)
from advisor.rules.retirement import ReformSchedule, statutory_retirement
from advisor.rules.types import Category

SCHEDULES = {
    Category.M60: ReformSchedule(60, YearMonth(1965, 1), 4, 36),
    Category.F55: ReformSchedule(55, YearMonth(1970, 1), 4, 36),
    Category.F50: ReformSchedule(50, YearMonth(1975, 1), 2, 60),
}
LIMITS = FlexibleLimits(36, 36)


def minimum(year: int) -> int:
    return 180 if year < 2030 else min(240, 180 + 6 * (year - 2029))


def window_for(birth: date, category: Category, limits: FlexibleLimits = LIMITS):
    statutory = statutory_retirement(birth, category, SCHEDULES)
    return retirement_window(birth, statutory, SCHEDULES[category], limits, minimum)


# A woman F50 born 1990-03-15: the full 60-month delay, statutory 55 in 2045-03; original age 50 in 2040-03;
# 36 months early is 2042-03, after the original age, so months between are "too early", not "before the
# original age". 36 months late: 2048-03.
WOMAN = date(1990, 3, 15)
# A man born 1968-01-15: 60y10m in 2028-11; the original 60 (2028-01) is later than 36 months early (2025-11).
MAN = date(1968, 1, 15)


def test_the_window_of_a_woman_f50_whose_36_months_early_are_after_her_original_age():
    window = window_for(WOMAN, Category.F50)
    assert (str(window.statutory.month), str(window.original), str(window.earliest), str(window.latest)) == (
        "2045-03", "2040-03", "2042-03", "2048-03")
    assert window.months_early_possible == 36
    assert window.earliest_minimum_months == 240  # early in 2042: the 2039+ minimum of 20 years


def test_the_window_of_a_man_whose_original_age_limits_early_retirement():
    window = window_for(MAN, Category.M60)
    assert (str(window.statutory.month), str(window.original), str(window.earliest), str(window.latest)) == (
        "2028-11", "2028-01", "2028-01", "2031-11")
    assert window.months_early_possible == 10
    assert window.earliest_minimum_months == 180


@pytest.mark.parametrize(("month", "reason"), [
    (YearMonth(2040, 2), "before_original_age"),
    (YearMonth(2040, 3), "too_early"),  # exactly the original-age month, still before the earliest
    (YearMonth(2042, 2), "too_early"),
    (YearMonth(2048, 4), "too_late"),
])
def test_each_refusal_gives_its_own_reason_on_the_exact_month(month, reason):
    window = window_for(WOMAN, Category.F50)
    with pytest.raises(OutsideWindow) as refused:
        choose_retirement(WOMAN, month, window, 300, minimum)
    assert (refused.value.reason, refused.value.window, refused.value.required_months) == (reason, window, None)


@pytest.mark.parametrize(("month", "kind", "age", "from_statutory"), [
    (YearMonth(2042, 3), RetirementKind.EARLY, (52, 0), -36),  # the earliest month itself
    (YearMonth(2045, 2), RetirementKind.EARLY, (54, 11), -1),
    (YearMonth(2045, 3), RetirementKind.STATUTORY, (55, 0), 0),
    (YearMonth(2045, 4), RetirementKind.DEFERRED, (55, 1), 1),
    (YearMonth(2048, 3), RetirementKind.DEFERRED, (58, 0), 36),  # the latest month itself
])
def test_every_month_of_the_window_from_edge_to_edge(month, kind, age, from_statutory):
    chosen = choose_retirement(WOMAN, month, window_for(WOMAN, Category.F50), 300, minimum)
    assert (chosen.month, chosen.kind, (chosen.age_years, chosen.age_months), chosen.months_from_statutory) == (
        month, kind, age, from_statutory)
    assert chosen.age_in_months == month.months_since(YearMonth(1990, 3))


def test_the_man_may_retire_at_his_original_age_but_not_a_month_before():
    window = window_for(MAN, Category.M60)
    chosen = choose_retirement(MAN, YearMonth(2028, 1), window, 180, minimum)
    assert (chosen.kind, chosen.age_years, chosen.age_months, chosen.months_from_statutory) == (
        RetirementKind.EARLY, 60, 0, -10)
    with pytest.raises(OutsideWindow) as refused:
        choose_retirement(MAN, YearMonth(2027, 12), window, 180, minimum)
    assert refused.value.reason == "before_original_age"


def test_early_retirement_needs_exactly_the_minimum_of_the_year_retired_in():
    window = window_for(WOMAN, Category.F50)
    assert choose_retirement(WOMAN, YearMonth(2042, 3), window, 240, minimum).kind is RetirementKind.EARLY
    with pytest.raises(OutsideWindow) as refused:
        choose_retirement(WOMAN, YearMonth(2042, 3), window, 239, minimum)
    assert (refused.value.reason, refused.value.required_months) == ("minimum_not_met", 240)
    # Without the months (None) the check is skipped; deferring is never refused for the months.
    assert choose_retirement(WOMAN, YearMonth(2042, 3), window, None, minimum).kind is RetirementKind.EARLY
    assert choose_retirement(WOMAN, YearMonth(2046, 1), window, 0, minimum).kind is RetirementKind.DEFERRED
    assert choose_retirement(WOMAN, YearMonth(2045, 3), window, 0, minimum).kind is RetirementKind.STATUTORY


def test_the_minimum_is_looked_up_for_the_year_of_the_early_month():
    asked = []

    def recording(year: int) -> int:
        asked.append(year)
        return 180

    window = retirement_window(MAN, statutory_retirement(MAN, Category.M60, SCHEDULES), SCHEDULES[Category.M60],
                               LIMITS, recording)
    choose_retirement(MAN, YearMonth(2028, 6), window, 180, recording)
    assert asked == [2028, 2028]  # the earliest month's year, then the chosen month's


def test_narrower_limits_move_both_edges():
    window = window_for(WOMAN, Category.F50, FlexibleLimits(12, 6))
    assert (str(window.earliest), str(window.latest), window.months_early_possible) == ("2044-03", "2045-09", 12)
