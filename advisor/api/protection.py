"""JSON views for platform workers' protections: the 新职伤 self-check and the after-accident checklist.

The pages call the same functions in advisor.answers.protections, so both give the same answers.
"""

from __future__ import annotations

from flask import current_app, jsonify

from advisor.answers.protections import ChecklistAnswer, InjuryAnswer, checklist_answer, injury_answer
from advisor.api.blueprint import bp
from advisor.api.common import content, errors_response, money, takes_json_object
from advisor.api.validation import FieldReader
from advisor.clock import today
from advisor.rules.protections import Happened, Place, Platform, WorkKind


def injury_body(answer: InjuryAnswer) -> dict:
    return {
        "verdict": answer.check.verdict.value,
        "message": answer.verdict,
        "reasons": [{"code": r.code, "message": r.message, "status": r.status, "source": r.source}
                    for r in answer.reasons],
        "ask": [{"code": a.code, "message": a.message} for a in answer.asks],
    }


@bp.post("/protection/injury-check")
@takes_json_object
def injury_check(data: dict):
    fields = FieldReader(data)
    platform = fields.choice("platform", Platform)
    work = fields.choice("work", WorkKind)
    during_order = fields.boolean("during_order", required=False, default=None)
    if fields.errors:
        return errors_response(fields.errors)
    answer = injury_answer(content(), platform.value, work.value, during_order, today(current_app.config))
    return jsonify(injury_body(answer))


def mutual_aid_body(plan) -> dict:
    """The Guangdong members' plan in full: its tiers, conditions and stated period."""
    return {
        "tiers": [{"from": money(t.low), "from_included": t.low_included,
                   "to": None if t.high is None else money(t.high), "payout": money(t.payout)} for t in plan.tiers],
        "cap": money(plan.cap),
        "conditions": [{"code": c.code, "message": c.message} for c in plan.conditions],
        "period": {"start": plan.period_start.isoformat(), "end": plan.period_end.isoformat(),
                   "over": plan.period_over, "message": plan.period_note},
        "ask": plan.ask,
        "source": plan.source,
    }


def scheme_body(line, answer: ChecklistAnswer) -> dict:
    body = {"scheme": line.scheme, "applies": line.applies, "name": line.name, "reason": line.reason,
            "needs": line.needs, "pays": line.pays, "third_party": line.third_party}
    if line.scheme == "gd_mutual_aid":
        body["plan"] = mutual_aid_body(answer.gd_plan)
    return body


def checklist_body(answer: ChecklistAnswer) -> dict:
    return {
        "steps": [{"code": s.code, "message": s.message} for s in answer.steps],
        "schemes": [scheme_body(s, answer) for s in answer.schemes],
        "evidence": [{"code": e.code, "message": e.message} for e in answer.evidence],
        "contacts": list(answer.contacts),
        "injury_check": injury_body(answer.injury),
    }


@bp.post("/protection/after-accident")
@takes_json_object
def after_accident(data: dict):
    fields = FieldReader(data)
    answers = {
        "platform": fields.choice("platform", Platform),
        "work": fields.choice("work", WorkKind),
        "during_order": fields.boolean("during_order", required=False, default=None),
        "union_member": fields.boolean("union_member", required=False, default=None),
        "months_in_work": fields.boolean("months_in_work", required=False, default=None),
        "medical_insured": fields.boolean("medical_insured", required=False, default=None),
        "place": fields.choice("place", Place),
        "happened": fields.choices("happened", Happened),
    }
    if fields.errors:
        return errors_response(fields.errors)
    answers = {key: getattr(value, "value", value) for key, value in answers.items()}
    answers["happened"] = {h.value for h in answers["happened"]}
    return jsonify(checklist_body(checklist_answer(content(), answers, today(current_app.config))))
