"""Flexible retirement (弹性退休) around the statutory month: how early, how late, and what each needs.

办法 Art. 3 (2024; implemented by 人社部发〔2024〕94号): a worker who has reached the minimum contribution
period may retire up to `early_max_months` before the statutory month, never before the original
retirement age (60 for men, 55 or 50 for women); and may defer up to `late_max_months` after it.
The limits come from content/parameters/retirement/flexible.yaml.

Months are counted as the reform counts them: a retirement month is the month an age is reached,
and the age at a month is that month minus the birth month (60y1m for a man born 1965-01 in 2025-02).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from advisor.rules.calendar import YearMonth
from advisor.rules.retirement import AgeInMonths, ReformSchedule, Retirement


@dataclass(frozen=True)
class FlexibleLimits:
    early_max_months: int
    late_max_months: int


class RetirementKind(StrEnum):
    STATUTORY = "statutory"
    EARLY = "early"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class RetirementWindow:
    statutory: Retirement
    original: YearMonth  # the month the original retirement age (60, 55 or 50) is reached
    earliest: YearMonth  # never before `original`
    latest: YearMonth
    earliest_minimum_months: int  # contribution months early retirement needs, in the earliest month's year

    @property
    def months_early_possible(self) -> int:
        return self.statutory.month.months_since(self.earliest)


@dataclass(frozen=True)
class ChosenRetirement(AgeInMonths):
    """One month in the window, and what retiring then means."""

    month: YearMonth
    age_in_months: int
    kind: RetirementKind
    statutory: Retirement

    @property
    def months_from_statutory(self) -> int:
        """Negative when early, positive when deferred."""
        return self.month.months_since(self.statutory.month)


class OutsideWindow(ValueError):
    """The month cannot be a retirement month; `reason` is "before_original_age", "too_early",
    "too_late", "minimum_not_met" (early retirement without the minimum contribution months) or
    "in_the_past" (a forecast's month must be after the current one)."""

    def __init__(self, reason: str, window: RetirementWindow, required_months: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.window = window
        self.required_months = required_months


def retirement_window(birth_date: date, statutory: Retirement, schedule: ReformSchedule, limits: FlexibleLimits,
                      minimum_months: Callable[[int], int]) -> RetirementWindow:
    """`minimum_months(year)` is the minimum contribution period, in months, for retiring in `year`."""
    birth = YearMonth.of(birth_date)
    original = birth.plus(schedule.original_age_years * 12)
    earliest = max(statutory.month.plus(-limits.early_max_months), original)
    latest = statutory.month.plus(limits.late_max_months)
    return RetirementWindow(statutory, original, earliest, latest, minimum_months(earliest.year))


def choose_retirement(birth_date: date, month: YearMonth, window: RetirementWindow,
                      contribution_months: int | None, minimum_months: Callable[[int], int]) -> ChosenRetirement:
    """The retirement at `month`, or OutsideWindow with the reason. Early retirement is checked
    against the minimum of the chosen month's year; `contribution_months` None skips that check."""
    statutory = window.statutory
    birth = YearMonth.of(birth_date)
    if month < window.earliest:
        raise OutsideWindow("before_original_age" if month < window.original else "too_early", window)
    if month > window.latest:
        raise OutsideWindow("too_late", window)
    if month < statutory.month:
        required = minimum_months(month.year)
        if contribution_months is not None and contribution_months < required:
            raise OutsideWindow("minimum_not_met", window, required)
        kind = RetirementKind.EARLY
    elif month > statutory.month:
        kind = RetirementKind.DEFERRED
    else:
        kind = RetirementKind.STATUTORY
    return ChosenRetirement(month, month.months_since(birth), kind, statutory)
