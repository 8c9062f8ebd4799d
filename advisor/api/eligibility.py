"""POST /api/v1/eligibility: can this person enroll, scheme by scheme (advisor.answers.eligibility)."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify

from advisor.answers.eligibility import check_eligibility
from advisor.answers.explain import check_message, not_in_force_message, notice_extras, notice_message
from advisor.answers.protections import employee_route
from advisor.api.blueprint import bp
from advisor.api.common import content, errors_response, money, takes_json_object
from advisor.api.validation import FieldReader, check_person
from advisor.clock import today
from advisor.i18n import gettext as _
from advisor.policy import NotInForce
from advisor.rules.extension import PensionPlace
from advisor.rules.protections import EmployerPlatform
from advisor.rules.types import Category, Hukou, Notice, Person, Sex, Work


@bp.post("/eligibility")
@takes_json_object
def eligibility(data: dict):
    fields = FieldReader(data)
    birth_date = fields.date("birth_date", earliest=None)  # check_person words the lower bound
    sex = fields.choice("sex", Sex)
    female_category = fields.choice("female_category", Category, required=False)
    hukou = fields.choice("hukou", Hukou)
    residence_permit = fields.boolean("residence_permit")
    full_time_student = fields.boolean("full_time_student")
    employer_insured = fields.boolean("employer_insured")
    work = fields.choice("work", Work)
    platform_qualified = fields.boolean("platform_qualified", required=False, default=True)
    first_insured_month = fields.month("first_insured_month", required=False)
    contributed_months = fields.integer("contributed_months", required=False)
    pension_place = fields.choice("pension_place", PensionPlace, required=False)
    platform_employee = fields.choice("platform_employee", EmployerPlatform, required=False)
    as_of = fields.date("as_of", required=False) or today(current_app.config)

    check_person(fields, birth_date, sex, female_category, as_of)
    if first_insured_month and birth_date and first_insured_month.last_day < birth_date:
        fields.error("first_insured_month", _("The first insured month cannot be before the date of birth."))
    if first_insured_month and first_insured_month.first_day > as_of:
        fields.error("first_insured_month", _("The first insured month cannot be in the future."))
    if fields.errors:
        return errors_response(fields.errors)

    # A platform's full-time rider (platform_employee, only for platform work) is its employee.
    employee_of = platform_employee.value if platform_employee is not None and work is Work.PLATFORM else None
    person = Person(birth_date, sex, hukou, residence_permit, full_time_student, employer_insured, work,
                    female_category, platform_qualified, first_insured_month,
                    platform_employee=employee_of is not None)
    try:
        advice = check_eligibility(content(), person, as_of, contributed_months, pension_place)
    except NotInForce as exc:
        return errors_response({"as_of": [not_in_force_message(content(), exc)]})
    retirement = advice.retirement
    body: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "retirement": {
            "category": retirement.category.value,
            "age_years": retirement.age_years,
            "age_months": retirement.age_months,
            "delay_months": retirement.delay_months,
            "month": str(retirement.month),
        },
    }
    for scheme, verdict in advice.verdicts.items():
        body[scheme.value] = {
            "eligible": verdict.eligible,
            "reasons": [{"code": check.code, "message": check_message(content(), check, scheme, as_of)}
                        for check in verdict.failing],
        }
    body["notices"] = [notice_body(n) for n in advice.notices]
    if employee_of is not None:
        body["employee_insurance"] = employee_route_body(employee_route(content(), employee_of))
    return jsonify(body)


def employee_route_body(route) -> dict[str, Any]:
    """Present only with platform_employee: the platform insures this rider as an employee."""
    return {"platform": route.platform_id, "message": route.heading, "rule": route.rule,
            "condition": route.condition, "status": route.status, "source": route.source, "ask": list(route.asks)}


def notice_body(notice: Notice) -> dict[str, Any]:
    """A notice's code and message; 延缴 also gives its figures, as the API documents them."""
    body: dict[str, Any] = {"code": notice.code,
                            "message": " ".join([notice_message(content(), notice),
                                                 *notice_extras(content(), notice)])}
    if notice.code == "continue_contributing":
        facts = notice.facts
        body.update(months_needed=facts["months_needed"], end_month=str(facts["end_month"]),
                    monthly_cost=money(facts["monthly_cost"]))
    return body
