"""每月交多少 — what a month of contributions costs, and the quick choices of pension base.

Both the JSON API (advisor/api/contribution.py) and the calculator page call this, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.answers.explain import back_dating_message
from advisor.policy import Content, Figure
from advisor.policy.inputs import ContributionInputs, contribution_inputs, worst_status
from advisor.rules.calendar import YearMonth
from advisor.rules.contributions import Contribution, monthly_contribution
from advisor.rules.types import Hukou, Scheme


@dataclass(frozen=True)
class CostAdvice:
    month: YearMonth
    hukou: Hukou
    contribution: Contribution
    inputs: ContributionInputs

    def figures_used(self, scheme: Scheme) -> list[Figure]:
        """The figures this person's cost of `scheme` rests on: a Shenzhen-hukou-only rate (the pension's 1%)
        counts only for Shenzhen hukou."""
        shenzhen_only = {part.name for part in self.inputs.figures[scheme].parts if part.shenzhen_hukou_only}
        return [figure for name, figure in self.inputs.used[scheme].items()
                if name not in shenzhen_only or self.hukou is Hukou.SHENZHEN]

    def status(self, scheme: Scheme) -> str:
        return worst_status(self.figures_used(scheme))

    def back_dating(self, content: Content) -> str | None:
        """The back-dating line when a figure carried forward past its period sets this cost, else None."""
        used = [figure for scheme in self.contribution.bases for figure in self.figures_used(scheme)]
        return back_dating_message(content, used)


def calculate_cost(content: Content, month: YearMonth, hukou: Hukou, wage: Decimal,
                   schemes: tuple[Scheme, ...], unemployment_wage: Decimal | None = None) -> CostAdvice:
    """Raises FiguresNotInForce when a figure the month needs is not in force.

    `unemployment_wage` is the income declared for unemployment insurance; without it, `wage`."""
    inputs = contribution_inputs(content, month, schemes)
    own = {Scheme.UNEMPLOYMENT: unemployment_wage} if unemployment_wage is not None else None
    contribution = monthly_contribution(wage, hukou, inputs.figures, inputs.rounding.value, own)
    return CostAdvice(month, hukou, contribution, inputs)


@dataclass(frozen=True)
class BasePreset:
    key: str  # floor | avg60 | avg100 | avg200 | avg300
    amount: Decimal
    percent: int | None  # of the average wage; None for the floor


PRESET_PERCENTS = (60, 100, 200, 300)


def pension_base_presets(content: Content, month: YearMonth) -> list[BasePreset]:
    """Quick choices for the pension base: the floor and 60–300% of the previous year's GD average."""
    on = month.first_day
    presets = [BasePreset("floor", content.figure("pension.base_floor", on).value, None)]
    average = content.figure("pension.average_wage", on).value
    presets += [BasePreset(f"avg{p}", (average * p / 100).quantize(Decimal("0.01")), p) for p in PRESET_PERCENTS]
    return presets
