"""能参保吗 — can this person enroll as a flexible worker, scheme by scheme, with the notices that matter to them.

Both the JSON API (advisor/api/eligibility.py) and the check page call this, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advisor.answers.forecast import person_retirement
from advisor.answers.pathways import retirement_notices
from advisor.policy import Content, NotInForce
from advisor.policy.inputs import (
    female_default_category,
    minimum_ages,
    retirement_schedules,
    temporary_account_rule,
)
from advisor.rules.eligibility import eligibility
from advisor.rules.extension import PensionPlace, near_retirement
from advisor.rules.notices import notices
from advisor.rules.retirement import Retirement, retirement_category, statutory_retirement
from advisor.rules.types import Category, Notice, Person, Scheme, Sex, Verdict

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


def latest_birth_near_retirement(content: Content, sex: Sex, category: Category | None,
                                 as_of: date) -> date | None:
    """The latest birth date at or near the statutory retirement age on as_of (None if nobody born since
    1900 is): the later someone is born, the later they retire, so a search over the days finds it."""
    def near(born: date) -> bool:
        try:
            return near_retirement(person_retirement(content, born, sex, category, as_of), as_of)
        except NotInForce:
            return False
    low, high = date(1900, 1, 1).toordinal(), as_of.toordinal()
    if not near(date.fromordinal(low)):
        return None
    while low < high:  # near(low) holds; find the last day that is near
        middle = (low + high + 1) // 2
        if near(date.fromordinal(middle)):
            low = middle
        else:
            high = middle - 1
    return date.fromordinal(low)
