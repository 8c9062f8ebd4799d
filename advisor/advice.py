"""The advisor's three answers, composed from content/ and the rules. No web framework here.

Both the JSON API and the pages call these, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .answers.pathways import retirement_notices
from .policy import Content
from .policy.inputs import (
    ContributionInputs,
    contribution_inputs,
    female_default_category,
    minimum_ages,
    retirement_schedules,
    temporary_account_rule,
)
from .rules.calendar import YearMonth
from .rules.contributions import Contribution, monthly_contribution
from .rules.eligibility import eligibility
from .rules.extension import PensionPlace
from .rules.notices import notices
from .rules.retirement import Retirement, retirement_category, statutory_retirement
from .rules.types import Hukou, Notice, Person, Scheme, Verdict

# The earliest date of birth the forms and the API accept (a sanity bound on input, not a rule).
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


@dataclass(frozen=True)
class EligibilityAdvice:
    as_of: date
    retirement: Retirement
    verdicts: dict[Scheme, Verdict]
    notices: tuple[Notice, ...]


def check_eligibility(content: Content, person: Person, as_of: date, contributed_months: int | None = None,
                      pension_place: PensionPlace | None = None) -> EligibilityAdvice:
    """`contributed_months` and `pension_place` (both optional) add what can be done past retirement age."""
    category, assumed = retirement_category(person.sex, person.female_category,
                                            female_default_category(content, as_of))
    retirement = statutory_retirement(person.birth_date, category, retirement_schedules(content, as_of), assumed)
    verdicts = eligibility(person, as_of, retirement, minimum_ages(content, as_of))
    found = notices(person, as_of, verdicts, retirement, temporary_account_rule(content, as_of))
    found += tuple(retirement_notices(content, retirement, as_of, contributed_months, pension_place,
                                      person.first_insured_month))
    return EligibilityAdvice(as_of, retirement, verdicts, found)


@dataclass(frozen=True)
class CostAdvice:
    month: YearMonth
    hukou: Hukou
    contribution: Contribution
    inputs: ContributionInputs


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
