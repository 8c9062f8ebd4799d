"""POST /api/v1/contribution: what a month costs, with the platform's subsidy (advisor.answers.contribution)."""

from __future__ import annotations

from flask import jsonify

from advisor.answers.contribution import calculate_cost
from advisor.answers.explain import not_in_force_message
from advisor.answers.protections import cost_subsidy
from advisor.api.blueprint import bp
from advisor.api.common import content, errors_response, money, rate, takes_json_object
from advisor.api.validation import FieldReader
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.protections import SubsidyPlatform
from advisor.rules.types import Hukou, Scheme


@bp.post("/contribution")
@takes_json_object
def contribution(data: dict):
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
                "status": advice.status(scheme),
            }
            for scheme, base in result.bases.items()
        },
        "monthly_total": money(result.monthly_total),
        "yearly_total": money(result.yearly_total),
        "back_dating": advice.back_dating(content()),
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
