"""The advisor's three answers, composed from content/ and the rules. No web framework here.

Both the JSON API and the pages call these, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .policy import Content
from .policy.inputs import (ContributionInputs, contribution_inputs, female_default_category, minimum_ages,
                            retirement_schedules, temporary_account_rule)
from .rules.calendar import YearMonth
from .rules.contributions import Contribution, monthly_contribution
from .rules.eligibility import eligibility
from .rules.notices import notices
from .rules.retirement import Retirement, retirement_category, statutory_retirement
from .rules.types import Hukou, Notice, Person, Scheme, Verdict


@dataclass(frozen=True)
class EligibilityAdvice:
    as_of: date
    retirement: Retirement
    verdicts: dict[Scheme, Verdict]
    notices: tuple[Notice, ...]


def check_eligibility(content: Content, person: Person, as_of: date) -> EligibilityAdvice:
    category, assumed = retirement_category(person.sex, person.female_category,
                                            female_default_category(content, as_of))
    retirement = statutory_retirement(person.birth_date, category, retirement_schedules(content, as_of), assumed)
    verdicts = eligibility(person, as_of, retirement, minimum_ages(content, as_of))
    found = notices(person, as_of, verdicts, retirement, temporary_account_rule(content, as_of))
    return EligibilityAdvice(as_of, retirement, verdicts, found)


@dataclass(frozen=True)
class CostAdvice:
    month: YearMonth
    hukou: Hukou
    contribution: Contribution
    inputs: ContributionInputs


def calculate_cost(content: Content, month: YearMonth, hukou: Hukou, wage: Decimal,
                   schemes: tuple[Scheme, ...]) -> CostAdvice:
    """Raises FiguresNotInForce when a figure the month needs is not in force."""
    inputs = contribution_inputs(content, month, schemes)
    contribution = monthly_contribution(wage, hukou, inputs.figures, inputs.rounding.value)
    return CostAdvice(month, hukou, contribution, inputs)
