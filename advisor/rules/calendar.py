"""Months and ages, counted the way the rules count them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9999:
            raise ValueError(f"not a month: {self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Parse "YYYY-MM"; raise ValueError on anything else."""
        match = _YEAR_MONTH.match(text)
        if not match:
            raise ValueError(f"not a YYYY-MM month: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    def plus(self, months: int) -> YearMonth:
        index = self.year * 12 + (self.month - 1) + months
        return YearMonth(index // 12, index % 12 + 1)

    def months_since(self, other: YearMonth) -> int:
        return (self.year - other.year) * 12 + (self.month - other.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks (31st, 29 Feb) becomes its last day."""
    target = YearMonth.of(day).plus(months)
    return date(target.year, target.month, min(day.day, target.last_day.day))


def age_on(birth_date: date, on: date) -> int:
    """Full years of age on `on`. An age is reached on the birthday (29 Feb: on 28 Feb)."""
    years = on.year - birth_date.year
    if on < add_months(birth_date, years * 12):
        years -= 1
    return years


def date_of_age(birth_date: date, years: int) -> date:
    """The day a person born on `birth_date` reaches `years` full years."""
    return add_months(birth_date, years * 12)
