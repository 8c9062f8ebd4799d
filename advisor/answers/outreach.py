"""Figures and checks for union staff's outreach material. No web framework here.

The cost table is calculate_cost at a few bases (the same numbers the calculator shows); the
membership-drive table works out seed 002 annex 2's completion rate (joined ÷ target, as its
note 3 defines it) and totals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from advisor.answers.contribution import BasePreset, CostAdvice, calculate_cost, pension_base_presets
from advisor.policy import Content, Figure, NotInForce
from advisor.policy.inputs import FiguresNotInForce, contribution_inputs
from advisor.rules.calendar import YearMonth
from advisor.rules.types import Hukou, Scheme

# The two kinds of hukou that cost differently: only Shenzhen hukou pays the local supplementary pension.
# Every other hukou (elsewhere in Guangdong, another province, Hong Kong, Macao, Taiwan) pays the same.
HUKOU_KINDS = (Hukou.OTHER_PROVINCE, Hukou.SHENZHEN)
ALL_PRESETS = ("floor", "avg60", "avg100", "avg200", "avg300")


@dataclass(frozen=True)
class PensionCostRow:
    preset: BasePreset
    monthly: Mapping[Hukou, Decimal]  # pension per month, by kind of hukou


@dataclass(frozen=True)
class MedicalCostRow:
    bound: str  # floor | ceiling
    base: Decimal
    monthly: Decimal


@dataclass(frozen=True)
class LowestTotal:
    """Pension and medical insurance together at their lowest bases, without Shenzhen hukou: the least a
    flexible worker can pay each month for both. calculate_cost on the lowest declared wage, so each
    base is raised to its own floor exactly as the calculator does it."""

    monthly: Decimal
    pension: Decimal
    pension_base: Decimal
    medical: Decimal
    medical_base: Decimal


@dataclass(frozen=True)
class CostTable:
    month: YearMonth
    pension: tuple[PensionCostRow, ...]
    medical: tuple[MedicalCostRow, ...]
    figures: tuple[Figure, ...]  # every figure used, once, in the order first used; the rounding rule last
    not_in_force: tuple[NotInForce, ...]  # why a part of the table is missing (empty when complete)
    lowest: LowestTotal | None = None  # pension + medical at the floor, when both are in force


def _pension_rows(content: Content, month: YearMonth, keys: Sequence[str],
                  used: list[CostAdvice]) -> tuple[PensionCostRow, ...]:
    rows = []
    for preset in pension_base_presets(content, month):
        if preset.key not in keys:
            continue
        advice = {hukou: calculate_cost(content, month, hukou, preset.amount, (Scheme.PENSION,))
                  for hukou in HUKOU_KINDS}
        used.extend(advice.values())
        rows.append(PensionCostRow(preset, {h: a.contribution.scheme_total(Scheme.PENSION) for h, a in advice.items()}))
    return tuple(rows)


def _medical_rows(content: Content, month: YearMonth, used: list[CostAdvice]) -> tuple[MedicalCostRow, ...]:
    """Tier 1 medical insurance at its lowest and highest base; the same for every hukou."""
    limits = contribution_inputs(content, month, (Scheme.MEDICAL,)).figures[Scheme.MEDICAL]
    rows = []
    for bound, base in (("floor", limits.floor), ("ceiling", limits.ceiling)):
        advice = calculate_cost(content, month, Hukou.OTHER_PROVINCE, base, (Scheme.MEDICAL,))
        used.append(advice)
        rows.append(MedicalCostRow(bound, advice.contribution.bases[Scheme.MEDICAL].applied,
                                   advice.contribution.scheme_total(Scheme.MEDICAL)))
    return tuple(rows)


def lowest_total(content: Content, month: YearMonth, used: list[CostAdvice]) -> LowestTotal:
    """Raises FiguresNotInForce like calculate_cost."""
    schemes = (Scheme.PENSION, Scheme.MEDICAL)
    limits = contribution_inputs(content, month, schemes).figures
    lowest_floor = min(limits[scheme].floor for scheme in schemes)
    advice = calculate_cost(content, month, Hukou.OTHER_PROVINCE, lowest_floor, schemes)
    used.append(advice)
    bases = advice.contribution.bases
    return LowestTotal(
        monthly=advice.contribution.monthly_total,
        pension=advice.contribution.scheme_total(Scheme.PENSION), pension_base=bases[Scheme.PENSION].applied,
        medical=advice.contribution.scheme_total(Scheme.MEDICAL), medical_base=bases[Scheme.MEDICAL].applied,
    )


def _figures_used(advices: Sequence[CostAdvice], extra: Sequence[Figure]) -> tuple[Figure, ...]:
    seen: dict[str, Figure] = {}
    for figure in [*extra, *(f for a in advices for scheme in a.inputs.used.values() for f in scheme.values())]:
        seen.setdefault(figure.parameter_id, figure)
    if advices:
        seen.setdefault(advices[0].inputs.rounding.parameter_id, advices[0].inputs.rounding)
    return tuple(seen.values())


def cost_table(content: Content, month: YearMonth, preset_keys: Sequence[str] = ALL_PRESETS,
               medical: bool = True, lowest: bool = False) -> CostTable:
    """Monthly cost at common bases; a part whose figures are not in force is left out and said why."""
    used: list[CostAdvice] = []
    problems: list[NotInForce] = []
    pension: tuple[PensionCostRow, ...] = ()
    average: list[Figure] = []
    try:
        pension = _pension_rows(content, month, preset_keys, used)
        average.append(content.figure("pension.average_wage", month.first_day))
    except FiguresNotInForce as exc:
        problems.extend(exc.errors)
    except NotInForce as exc:
        problems.append(exc)
    medical_rows: tuple[MedicalCostRow, ...] = ()
    if medical:
        try:
            medical_rows = _medical_rows(content, month, used)
        except FiguresNotInForce as exc:
            problems.extend(exc.errors)
    lowest_row = None
    if lowest and pension and medical_rows:
        lowest_row = lowest_total(content, month, used)
    return CostTable(month, pension, medical_rows, _figures_used(used, average), tuple(problems), lowest_row)


# --- Membership drive (seed 002, annex 2) -------------------------------------------------------

ENTERED_COLUMNS = ("surveyed", "target", "joined", "entered")
RATE_STEP = Decimal("0.001")  # completion rates shown to a tenth of a per cent (75.0%)


@dataclass(frozen=True)
class ProgressRow:
    group: str
    counts: Mapping[str, int]  # surveyed, target, joined, entered
    rate: Decimal | None  # joined ÷ target; None when the target is 0


@dataclass(frozen=True)
class Progress:
    rows: tuple[ProgressRow, ...]
    total: ProgressRow  # group "total"


def completion_rate(joined: int, target: int) -> Decimal | None:
    """Note 3 of annex 2: joined divided by the target. No rate for a target of 0."""
    if target == 0:
        return None
    return (Decimal(joined) / Decimal(target)).quantize(RATE_STEP, rounding=ROUND_HALF_UP)


def _row(group: str, counts: Mapping[str, int]) -> ProgressRow:
    return ProgressRow(group, dict(counts), completion_rate(counts["joined"], counts["target"]))


def membership_progress(counts: Mapping[str, Mapping[str, int]]) -> Progress:
    """Rates per group and for the total (the sums of each column), in the groups' order."""
    rows = tuple(_row(group, values) for group, values in counts.items())
    totals = {column: sum(row.counts[column] for row in rows) for column in ENTERED_COLUMNS}
    return Progress(rows, _row("total", totals))


def count_problems(counts: Mapping[str, int]) -> dict[str, str]:
    """Counts that cannot be true together, by the column to correct: a problem kind for each.

    - joined > surveyed: the members who joined are among the workers the survey found (note 1).
    - entered > joined: 粤工惠 entries record members who joined (work plan, 一、目标任务), so there
      cannot be more entries than members.
    The target may exceed the survey count (it comes from annex 1's allocation), and joined may exceed
    the target (a rate over 100%).
    """
    problems = {}
    if counts["joined"] > counts["surveyed"]:
        problems["joined"] = "joined_over_surveyed"
    if counts["entered"] > counts["joined"]:
        problems["entered"] = "entered_over_joined"
    return problems
