"""Build the rules' plain inputs from content/ for a given date.

This is the one place that knows which parameter feeds which rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from advisor.policy.content import Content
from advisor.policy.errors import NotInForce
from advisor.policy.parameters import Figure
from advisor.rules.calendar import YearMonth
from advisor.rules.contributions import Part, SchemeFigures
from advisor.rules.notices import TemporaryAccountRule
from advisor.rules.retirement import ReformSchedule
from advisor.rules.types import Category, Scheme

# The reform's schedule is by birth cohort and first delays retirements from 2025-02, so the
# schedule as published also gives the right statutory age for dates before it took effect.
REFORM_FIRST_DAY = date(2025, 1, 1)

# Which parameters give each insurance's base limits and rated parts (in display order).
SCHEME_PARAMETERS: Mapping[Scheme, tuple[str, str, tuple[tuple[str, str, bool], ...]]] = {
    Scheme.PENSION: ("pension.base_floor", "pension.base_ceiling", (
        ("pooled_fund", "pension.pooled_fund_rate", False),
        ("personal_account", "pension.personal_account_rate", False),
        ("local_supplementary", "pension.local_supplementary_rate", True),
    )),
    Scheme.MEDICAL: ("medical.base_floor", "medical.base_ceiling", (("tier1", "medical.rate", False),)),
    Scheme.UNEMPLOYMENT: ("unemployment.base_floor", "unemployment.base_ceiling", (
        ("unemployment", "unemployment.rate", False),
    )),
}

STATUS_SEVERITY = {"confirmed": 0, "provisional": 1, "conflicting": 2, "missing": 3}


def worst_status(figures: list[Figure] | tuple[Figure, ...]) -> str:
    return max((f.status for f in figures), key=STATUS_SEVERITY.__getitem__, default="confirmed")


class FiguresNotInForce(LookupError):
    """One or more figures needed for a calculation are not in force; all of them are listed."""

    def __init__(self, errors: list[NotInForce]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def retirement_schedules(content: Content, on: date) -> Mapping[Category, ReformSchedule]:
    raw = content.figure("retirement.reform", max(on, REFORM_FIRST_DAY)).value
    return {
        Category(code): ReformSchedule(
            original_age_years=int(row["original_age_years"]),
            first_affected_birth_month=YearMonth.parse(row["first_affected_birth_month"]),
            step_months=int(row["step_months"]),
            max_delay_months=int(row["max_delay_months"]),
        )
        for code, row in raw.items()
    }


def female_default_category(content: Content, on: date) -> Category:
    return Category(content.figure("retirement.female_flexible_worker_category", max(on, REFORM_FIRST_DAY)).value)


def minimum_ages(content: Content, on: date) -> Mapping[Scheme, int]:
    raw = content.figure("eligibility.minimum_age", on).value
    return {scheme: int(raw[scheme.value]) for scheme in Scheme}


def temporary_account_rule(content: Content, on: date) -> TemporaryAccountRule:
    raw = content.figure("pension.temporary_account", on).value
    return TemporaryAccountRule(
        first_insured_from=date.fromisoformat(raw["first_insured_from"]),
        male_min_age=int(raw["male_min_age"]),
        female_min_age=int(raw["female_min_age"]),
    )


@dataclass(frozen=True)
class ContributionInputs:
    figures: dict[Scheme, SchemeFigures]
    used: dict[Scheme, dict[str, Figure]]  # per scheme: "floor", "ceiling" and each part's rate
    rounding: Figure


def contribution_inputs(content: Content, month: YearMonth, schemes: tuple[Scheme, ...]) -> ContributionInputs:
    """Every figure the month's calculation needs; raises FiguresNotInForce listing all gaps."""
    on = month.first_day
    errors: list[NotInForce] = []
    figures: dict[Scheme, SchemeFigures] = {}
    used: dict[Scheme, dict[str, Figure]] = {}

    def look(parameter_id: str) -> Figure | None:
        try:
            return content.figure(parameter_id, on)
        except NotInForce as exc:
            errors.append(exc)
            return None

    for scheme in Scheme:
        if scheme not in schemes:
            continue
        floor_id, ceiling_id, parts = SCHEME_PARAMETERS[scheme]
        found = {"floor": look(floor_id), "ceiling": look(ceiling_id)}
        found.update({name: look(rate_id) for name, rate_id, _ in parts})
        if any(f is None for f in found.values()):
            continue
        used[scheme] = found
        figures[scheme] = SchemeFigures(
            floor=found["floor"].value,
            ceiling=found["ceiling"].value,
            parts=tuple(Part(name, found[name].value, sz_only) for name, _, sz_only in parts),
        )
    rounding = look("money.rounding")
    if errors:
        raise FiguresNotInForce(errors)
    return ContributionInputs(figures, used, rounding)
