"""Thin JSON views: read the body, call advisor.answers.eligibility, serialise. Never a 500 for bad input."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from flask import Response, current_app, jsonify, request

from advisor.answers.contribution import calculate_cost
from advisor.answers.eligibility import check_eligibility
from advisor.answers.explain import check_message, not_in_force_message, notice_extras, notice_message
from advisor.answers.protections import cost_subsidy, employee_route
from advisor.api.blueprint import bp
from advisor.api.validation import FieldReader, check_person
from advisor.clock import today
from advisor.i18n import gettext as _
from advisor.policy import NotInForce
from advisor.policy.inputs import FiguresNotInForce, worst_status
from advisor.policy.yaml_loader import load_yaml
from advisor.rules.extension import PensionPlace
from advisor.rules.protections import EmployerPlatform, SubsidyPlatform
from advisor.rules.types import Category, Hukou, Notice, Person, Scheme, Sex, Work

OPENAPI = Path(__file__).with_name("openapi.yaml")


def content():
    return current_app.extensions["advisor.content"]


class BadJSON(ValueError):
    pass


def _reject_constant(name: str):
    raise BadJSON(name)


def _integer(text: str) -> int | Decimal:
    """JSON integers as ints, except -0, kept as Decimal("-0") so that its sign is not lost (an amount of -0 is refused
    like "-0")."""
    number = int(text)
    return Decimal(text) if number == 0 and text.startswith("-") else number


def read_json_object() -> tuple[dict[str, Any] | None, Response | None]:
    """The body as a dict, or the 400/422 response to send instead."""
    try:
        data = json.loads(request.get_data(cache=False) or b"", parse_float=Decimal, parse_int=_integer,
                          parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None, errors_response({"body": [_("The request body is not valid JSON.")]}, 400)
    if not isinstance(data, dict):
        return None, errors_response({"body": [_("Send a JSON object.")]}, 422)
    return data, None


def errors_response(errors: dict[str, list[str]], status: int = 422) -> Response:
    response = jsonify({"errors": errors})
    response.status_code = status
    return response


def money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def rate(value: Decimal) -> str:
    return format(value, "f")


@bp.post("/eligibility")
def eligibility():
    data, problem = read_json_object()
    if problem:
        return problem
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


@bp.post("/contribution")
def contribution():
    data, problem = read_json_object()
    if problem:
        return problem
    fields = FieldReader(data)
    month = fields.month("month")
    hukou = fields.choice("hukou", Hukou)
    wage = fields.amount("wage")
    unemployment_wage = fields.amount("unemployment_wage", required=False)
    schemes = fields.choices("insurances", Scheme)
    subsidy_platform = fields.choice("platform_subsidy", SubsidyPlatform, required=False)
    condition_met = fields.boolean("subsidy_condition_met", required=False, default=None)
    if fields.errors:
        return errors_response(fields.errors)
    try:
        advice = calculate_cost(content(), month, hukou, wage, schemes, unemployment_wage)
    except FiguresNotInForce as exc:
        return errors_response({"month": [not_in_force_message(content(), e) for e in exc.errors]})
    result = advice.contribution
    body = {
        "month": str(month),
        "lines": [{"insurance": line.scheme.value, "part": line.part, "base": money(line.base),
                   "rate": rate(line.rate), "amount": money(line.amount)} for line in result.lines],
        "bases": {
            scheme.value: {
                "declared": money(base.declared), "applied": money(base.applied),
                "min": money(base.floor), "max": money(base.ceiling),
                "clamped": base.clamped is not None, "clamped_to": base.clamped,
                "status": worst_status(list(advice.inputs.used[scheme].values())),
            }
            for scheme, base in result.bases.items()
        },
        "monthly_total": money(result.monthly_total),
        "yearly_total": money(result.yearly_total),
    }
    if subsidy_platform is not None and subsidy_platform.value != "none":
        body["subsidy"] = subsidy_body(cost_subsidy(content(), subsidy_platform.value, condition_met, advice))
    return jsonify(body)


def subsidy_body(answer) -> dict:
    """The platform's subsidy beside the contribution (present only when a platform is chosen)."""
    subsidy = answer.subsidy
    return {
        "platform": subsidy.platform_id,
        "applies": subsidy.applies,
        "rule": answer.rule,
        "condition": answer.condition,
        "status": answer.status,
        "message": answer.applies_text,
        "share": None if subsidy.share is None else rate(subsidy.share),
        "share_is_minimum": subsidy.kind.value == "at_least",
        "amount": None if subsidy.amount is None else money(subsidy.amount),
        "net_monthly_total": None if subsidy.net_monthly_total is None else money(subsidy.net_monthly_total),
        "net_yearly_total": None if subsidy.net_yearly_total is None else money(subsidy.net_yearly_total),
    }


@cache
def _openapi_document() -> dict:
    return load_yaml(OPENAPI.read_text(encoding="utf-8"))


@bp.get("/openapi.json")
def openapi():
    return jsonify(_openapi_document())
