"""Statutory retirement age and month after the gradual reform in force since 2025-01-01.

The schedule's parameters come from content/parameters/retirement/reform.yaml; the anchor rows of
the official annex tables are test cases (tests/cases/retirement.yaml), not the implementation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from advisor.rules.calendar import YearMonth, add_months
from advisor.rules.types import Category, Sex


@dataclass(frozen=True)
class ReformSchedule:
    """One category's row of the reform (办法 Art. 1)."""

    original_age_years: int
    first_affected_birth_month: YearMonth
    step_months: int
    max_delay_months: int


class AgeInMonths:
    """An age kept in months (the dataclass's age_in_months), read as full years and the months beyond them."""

    age_in_months: int

    @property
    def age_years(self) -> int:
        return self.age_in_months // 12

    @property
    def age_months(self) -> int:
        """Months beyond the full years (60y1m → 1)."""
        return self.age_in_months % 12


@dataclass(frozen=True)
class Retirement(AgeInMonths):
    category: Category
    category_assumed: bool  # True when a woman's category is the site's default, not her choice
    delay_months: int
    age_in_months: int
    month: YearMonth  # the month the statutory age is reached
    date: date  # the day it is reached

    def reached_on(self, on: date) -> bool:
        return on >= self.date


def retirement_category(sex: Sex, chosen: Category | None, female_default: Category) -> tuple[Category, bool]:
    """The category that applies and whether it was assumed rather than chosen."""
    if sex is Sex.MALE:
        return Category.M60, False
    if chosen in (Category.F55, Category.F50):
        return chosen, False
    return female_default, True


def delay_months(birth: YearMonth, schedule: ReformSchedule) -> int:
    """One month for the first affected cohort, one more per `step_months` birth months, capped."""
    born_after_first = birth.months_since(schedule.first_affected_birth_month)
    if born_after_first < 0:
        return 0
    return min(schedule.max_delay_months, born_after_first // schedule.step_months + 1)


def statutory_retirement(
    birth_date: date,
    category: Category,
    schedules: Mapping[Category, ReformSchedule],
    category_assumed: bool = False,
) -> Retirement:
    schedule = schedules[category]
    delay = delay_months(YearMonth.of(birth_date), schedule)
    age_in_months = schedule.original_age_years * 12 + delay
    return Retirement(
        category=category,
        category_assumed=category_assumed,
        delay_months=delay,
        age_in_months=age_in_months,
        month=YearMonth.of(birth_date).plus(age_in_months),
        date=add_months(birth_date, age_in_months),
    )
