"""The flexible-retirement window as the check page's retirement section shows it: the earliest and
latest months, what each needs, and a way to the pension at any month in between."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advisor.answers.pension_at_retirement import FLEXIBLE, window_around
from advisor.i18n import format_age
from advisor.rules.calendar import YearMonth
from advisor.rules.retirement import Retirement
from advisor.web.choices import content
from advisor.web.figures import FigureView, figure_view


@dataclass(frozen=True)
class WindowView:
    earliest: YearMonth
    earliest_age: str
    early_months: int  # how many months before the statutory month (0: no early retirement)
    earliest_minimum: int | None  # contribution months early retirement needs in the earliest month's year
    latest: YearMonth
    latest_age: str
    deferral_months: int
    rule: FigureView


def window_view(statutory: Retirement, as_of: date) -> WindowView | None:
    """None once even the latest month has passed."""
    found = window_around(content(), statutory, as_of)
    window = found.window
    if window.latest < YearMonth.of(as_of):
        return None
    age = statutory.age_in_months
    early = window.months_early_possible
    late = window.latest.months_since(statutory.month)
    return WindowView(
        earliest=window.earliest, earliest_age=format_age((age - early) // 12, (age - early) % 12),
        early_months=early, earliest_minimum=window.earliest_minimum_months,
        latest=window.latest, latest_age=format_age((age + late) // 12, (age + late) % 12),
        deferral_months=late, rule=figure_view(found.used[FLEXIBLE]))
