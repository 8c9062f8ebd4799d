"""POST /api/v1/pension-at-retirement: the pension from a known record at a month of the flexible window."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, jsonify

from advisor.answers.explain import not_in_force_message
from advisor.answers.pension_at_retirement import PensionAnswer, PensionQuestion, check_record, pension_at_retirement
from advisor.answers.retirement_explain import line_name, lines, notice_message, outside_window_message
from advisor.api.blueprint import bp
from advisor.api.common import content, errors_response, money, rate, takes_json_object
from advisor.api.forecast import _figure
from advisor.api.validation import FieldReader, check_person
from advisor.clock import today
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.flexible_retirement import OutsideWindow
from advisor.rules.types import Category, Hukou, Sex


def read_question(data: dict[str, Any]) -> tuple[PensionQuestion | None, date, FieldReader]:
    """The question, or None with the errors in `fields`; the page reads its form into the same question."""
    fields = FieldReader(data)
    sex = fields.choice("sex", Sex)
    birth_date = fields.date("birth_date")
    female_category = fields.choice("female_category", Category, required=False)
    month = fields.month("retirement_month")
    months = fields.integer("contribution_months", example="360")
    index = fields.decimal("average_index", places=4, example="0.7183")
    balance = fields.amount("personal_account_balance", wage=False)
    hukou = fields.choice("hukou", Hukou)
    local = fields.integer("local_supplementary_months", required=False, example="68")
    base = fields.decimal("calculation_base", required=False, places=2, example="11293")
    as_of = today(current_app.config)
    check_person(fields, birth_date, sex, female_category, as_of)
    check_record(fields, months, index, hukou, local or 0, base, month)
    if fields.errors:
        return None, as_of, fields
    return PensionQuestion(birth_date, sex, month, months, index, balance, hukou, female_category, local or 0,
                           base), as_of, fields


def answer_body(answer: PensionAnswer) -> dict[str, Any]:
    retirement = answer.retirement
    window = answer.window.window
    return {
        "retirement": {
            "month": str(retirement.month),
            "age_years": retirement.age_years,
            "age_months": retirement.age_months,
            "kind": retirement.kind.value,
            "statutory_month": str(window.statutory.month),
            "earliest_month": str(window.earliest),
            "latest_month": str(window.latest),
            "category": window.statutory.category.value,
        },
        "status": answer.status,
        "calculation_base": {"value": money(answer.calculation_base.value), "year": answer.calculation_base.year,
                             "given": answer.calculation_base.given,
                             "previous_year": answer.calculation_base.previous_year},
        "basic_pension": money(answer.lines.basic_pension),
        "payout_months": rate(answer.lines.payout_months),
        "personal_account_pension": money(answer.lines.personal_account_pension),
        "local_subsidy": money(answer.lines.local_subsidy),
        "transitional_pension": None,
        "total": money(answer.total),
        "minimum_months": answer.minimum_months,
        "figures": [
            {"line": line.code, "name": line_name(line.code),
             "amount": money(line.amount) if line.amount is not None else None,
             "formula": line.formula, "status": line.status, "notes": list(line.notes),
             "sources": [_figure(parameter_id, figure) for parameter_id, figure in line.figures]}
            for line in lines(answer)
        ],
        "notices": [{"code": n.code, "message": notice_message(content(), n)} for n in answer.notices],
    }


def window_reason(error: OutsideWindow) -> dict[str, list[str]]:
    return {"retirement_month": [outside_window_message(error)]}


@bp.post("/pension-at-retirement")
@takes_json_object
def pension_at_retirement_api(data: dict):
    question, as_of, fields = read_question(data)
    if question is None:
        return errors_response(fields.errors)
    try:
        answer = pension_at_retirement(content(), question, as_of)
    except OutsideWindow as exc:
        return errors_response(window_reason(exc))
    except FiguresNotInForce as exc:
        return errors_response({"retirement_month": [not_in_force_message(content(), e) for e in exc.errors]})
    return jsonify(answer_body(answer))

