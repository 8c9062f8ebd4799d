from datetime import date

import pytest

from advisor.rules.calendar import YearMonth, add_months, age_on, date_of_age


def test_age_is_reached_on_the_birthday():
    assert age_on(date(2008, 11, 22), date(2026, 11, 21)) == 17
    assert age_on(date(2008, 11, 22), date(2026, 11, 22)) == 18


def test_someone_born_on_29_february_comes_of_age_on_28_february():
    assert date_of_age(date(2008, 2, 29), 18) == date(2026, 2, 28)
    assert age_on(date(2008, 2, 29), date(2026, 2, 27)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 18


def test_adding_months_keeps_the_day_or_takes_the_month_end():
    assert add_months(date(1965, 1, 31), 721) == date(2025, 2, 28)
    assert add_months(date(1990, 5, 15), 12) == date(1991, 5, 15)


def test_year_months_parse_and_count():
    assert YearMonth.parse("2026-03").plus(10) == YearMonth(2027, 1)
    assert YearMonth(2026, 1).months_since(YearMonth(2025, 2)) == 11
    assert str(YearMonth(2025, 7)) == "2025-07"
    for bad in ("2026-13", "2026-3", "26-03", "2026-00", ""):
        with pytest.raises(ValueError):
            YearMonth.parse(bad)


def test_the_year_month_bounds_are_inclusive():
    # Issue 25's sampled mutation run: `<= 9999` → `< 9999` passed every test.
    assert str(YearMonth(9999, 12)) == "9999-12" and str(YearMonth(1, 1)) == "0001-01"
    for year, month in ((10000, 1), (0, 12), (2026, 0), (2026, 13)):
        with pytest.raises(ValueError):
            YearMonth(year, month)
