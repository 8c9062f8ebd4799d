"""The enrolment rules (advisor/rules/eligibility.py) on their own: the work a reason names (the sampled mutation
run of issue 25 found `and` → `or` in it untested; tests/cases/eligibility.yaml holds the verdicts)."""

from datetime import date

import pytest

from advisor.rules.calendar import YearMonth
from advisor.rules.eligibility import eligibility
from advisor.rules.retirement import ReformSchedule, statutory_retirement
from advisor.rules.types import Category, Hukou, Person, Scheme, Sex, Work

SCHEDULES = {Category.M60: ReformSchedule(60, YearMonth(1965, 1), 4, 36)}
MINIMUM_AGES = {Scheme.PENSION: 18, Scheme.MEDICAL: 18, Scheme.UNEMPLOYMENT: 16}
AS_OF = date(2026, 11, 22)


def work_fact(work: Work, qualified: bool, scheme: Scheme = Scheme.UNEMPLOYMENT) -> str:
    person = Person(date(1990, 5, 31), Sex.MALE, Hukou.SHENZHEN, True, False, False, work,
                    platform_qualified=qualified)
    retirement = statutory_retirement(person.birth_date, Category.M60, SCHEDULES)
    verdict = eligibility(person, AS_OF, retirement, MINIMUM_AGES)[scheme]
    return next(check for check in verdict.checks if check.code == "work_not_covered").facts["work"]


@pytest.mark.parametrize(("work", "qualified", "named"), [
    (Work.PLATFORM, False, "platform_unqualified"),
    (Work.PLATFORM, True, "platform"),
    # "qualified" is a platform worker's answer: for other work it is ignored, whatever was sent
    (Work.SELF_EMPLOYED, False, "self_employed"),
    (Work.PART_TIME, False, "part_time"),
    (Work.OTHER, False, "other"),
])
def test_the_work_a_reason_names(work, qualified, named):
    assert work_fact(work, qualified) == named
    assert work_fact(work, qualified, Scheme.PENSION) == named
