"""Who may insure as a flexible worker in Shenzhen (seed 000, "02 参保条件" and "03 参保险种及对象").

Every condition is evaluated for every scheme, so a "no" lists all the reasons, not the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from advisor.rules.calendar import age_on, date_of_age
from advisor.rules.retirement import Retirement
from advisor.rules.types import Check, Hukou, Outcome, Person, Scheme, Verdict, Work


def _check(condition: str, code: str, met: bool, **facts) -> Check:
    return Check(condition, code, Outcome.MET if met else Outcome.NOT_MET, facts)


def _work_kind(person: Person) -> str:
    if person.work is Work.PLATFORM and not person.platform_qualified:
        return "platform_unqualified"
    return person.work.value


def _is_covered_work(scheme: Scheme, person: Person) -> bool:
    if scheme is Scheme.UNEMPLOYMENT:
        # Only self-employed people without employees, and platform workers who hold a
        # platform-recognised service qualification and actually work.
        if person.work is Work.PLATFORM:
            return person.platform_qualified
        return person.work is Work.SELF_EMPLOYED
    # Pension and medical also admit part-time workers and "other flexible workers as defined by
    # national and Guangdong rules"; the worker commits to that status when registering.
    return person.work in (Work.PLATFORM, Work.SELF_EMPLOYED, Work.PART_TIME, Work.OTHER)


def scheme_eligibility(
    scheme: Scheme,
    person: Person,
    as_of: date,
    retirement: Retirement,
    minimum_age: int,
) -> Verdict:
    age = age_on(person.birth_date, as_of)
    has_local_residence = person.hukou is Hukou.SHENZHEN or person.residence_permit
    checks = (
        _check(
            "minimum_age", "under_minimum_age", age >= minimum_age,
            age=age, min_age=minimum_age, reach_date=date_of_age(person.birth_date, minimum_age),
        ),
        _check(
            "below_retirement_age", "reached_retirement_age", not retirement.reached_on(as_of),
            retirement_date=retirement.date, age_years=retirement.age_years,
            age_months=retirement.age_months,
        ),
        _check("not_full_time_student", "full_time_student", not person.full_time_student),
        _check("not_employer_insured", "employer_insured", not person.employer_insured),
        _check(
            "residence", "no_residence_permit", has_local_residence,
            shenzhen_hukou=person.hukou is Hukou.SHENZHEN,
        ),
        _check(
            "work_unemployment" if scheme is Scheme.UNEMPLOYMENT else "work_pension_medical",
            "work_not_covered", _is_covered_work(scheme, person), work=_work_kind(person),
        ),
    )
    if person.platform_employee:
        # Flexible-worker enrolment is for platform workers "未与新业态平台企业建立劳动关系" (seed 000);
        # a platform's employee is insured through it. Asked only of platform workers, so the check is
        # added only when it fails and every other answer stays as it was.
        checks += (_check("not_platform_employee", "platform_employee", False),)
    return Verdict(scheme, checks)


def eligibility(
    person: Person,
    as_of: date,
    retirement: Retirement,
    minimum_ages: Mapping[Scheme, int],
) -> dict[Scheme, Verdict]:
    return {
        scheme: scheme_eligibility(scheme, person, as_of, retirement, minimum_ages[scheme])
        for scheme in Scheme
    }
