"""Table-driven cases (tests/cases/*.yaml): each names the document that justifies it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor.answers.contribution import calculate_cost
from advisor.answers.eligibility import check_eligibility
from advisor.policy.inputs import retirement_schedules
from advisor.rules.calendar import YearMonth
from advisor.rules.retirement import statutory_retirement
from advisor.rules.types import Category, Hukou, Person, Scheme, Sex, Work
from tests.conftest import as_date, load_cases

RETIREMENT = load_cases("retirement")
ELIGIBILITY = load_cases("eligibility")
CONTRIBUTIONS = load_cases("contributions")


@pytest.mark.parametrize("case", RETIREMENT, ids=[c["name"] for c in RETIREMENT])
def test_statutory_retirement(case, content):
    result = statutory_retirement(
        as_date(case["birth_date"]), Category(case["category"]), retirement_schedules(content, as_date("2026-11-22"))
    )
    assert result.delay_months == int(case["delay_months"])
    assert (result.age_years, result.age_months) == (int(case["age_years"]), int(case["age_months"]))
    assert str(result.month) == case["month"]


def person_from(raw: dict) -> Person:
    def flag(name: str, default: bool) -> bool:
        return raw[name] == "true" if name in raw else default

    return Person(
        birth_date=as_date(raw["birth_date"]),
        sex=Sex(raw["sex"]),
        hukou=Hukou(raw.get("hukou", "shenzhen")),
        residence_permit=flag("residence_permit", False),
        full_time_student=flag("full_time_student", False),
        employer_insured=flag("employer_insured", False),
        work=Work(raw.get("work", "platform")),
        female_category=Category(raw["female_category"]) if "female_category" in raw else None,
        platform_qualified=flag("platform_qualified", True),
        first_insured_month=YearMonth.parse(raw["first_insured_month"]) if "first_insured_month" in raw else None,
        platform_employee=flag("platform_employee", False),
    )


@pytest.mark.parametrize("case", ELIGIBILITY, ids=[c["name"] for c in ELIGIBILITY])
def test_eligibility(case, content):
    advice = check_eligibility(content, person_from(case["person"]), as_date(case["as_of"]))
    for scheme in Scheme:
        verdict = advice.verdicts[scheme]
        assert verdict.eligible is (case[scheme.value] == "true"), scheme
        if f"{scheme.value}_reasons" in case:
            assert [check.code for check in verdict.failing] == case[f"{scheme.value}_reasons"], scheme


@pytest.mark.parametrize("case", CONTRIBUTIONS, ids=[c["name"] for c in CONTRIBUTIONS])
def test_contributions(case, content):
    advice = calculate_cost(content, YearMonth.parse(case["month"]), Hukou(case["hukou"]), Decimal(case["wage"]),
                            tuple(Scheme(s) for s in case["insurances"]))
    result = advice.contribution
    assert [[line.scheme.value, line.part, str(line.amount)] for line in result.lines] == case["lines"]
    for scheme, (applied, clamped) in case["bases"].items():
        base = result.bases[Scheme(scheme)]
        assert base.applied == Decimal(applied)
        assert (base.clamped or "none") == clamped
    assert str(result.monthly_total) == case["monthly_total"]
    assert str(result.yearly_total) == case["yearly_total"]
