"""JSON views for the union protections: the Guangdong mutual-aid payout and the E路守护 claim self-check.

Amounts are read exactly: decimal strings ("12000.50", also "12,000.50", "¥350", full-width
digits) or JSON numbers, which the body parser turns into Decimal, never float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import current_app, jsonify

from advisor.answers.union import (
    claim_verdict_text,
    condition_texts,
    e_road_claim,
    mutual_aid_advice,
    mutual_aid_period_text,
    no_proof_text,
)
from advisor.api.blueprint import bp
from advisor.api.common import content, errors_response, money, takes_json_object
from advisor.api.validation import FieldReader
from advisor.clock import today
from advisor.i18n import gettext as _
from advisor.i18n import localized
from advisor.policy.schemes import e_road_condition_ids
from advisor.rules.money import AmountError, parse_yuan
from advisor.rules.union_schemes import Answer

# A worker rarely has more than a handful of accidents a year; 50 leaves room for a caseworker
# and keeps one request small.
MAX_AMOUNTS = 50


def _amount_problem(number: int, item: Any) -> tuple[Decimal | None, str | None]:
    """One list item as yuan, or the message that says what is wrong with it."""
    if isinstance(item, bool) or not isinstance(item, (str, int, Decimal)):
        return None, _("Amount %(number)s: write the amount in yuan as a string, for example \"350\".",
                       number=number)
    text = str(item)
    if (isinstance(item, (int, Decimal)) and item < 0) or text.strip().startswith("-"):
        return None, _("Amount %(number)s: the amount cannot be negative.", number=number)
    try:
        return parse_yuan(text), None
    except AmountError as exc:
        if exc.kind == "empty":
            return None, _("Amount %(number)s is empty: enter the self-paid amount in yuan.", number=number)
        if exc.kind == "too_many_decimals":
            return None, _("Amount %(number)s: use at most 2 decimal places (fen).", number=number)
        if exc.kind == "too_large":
            return None, _("Amount %(number)s is too large.", number=number)
        return None, _("Amount %(number)s: enter digits only, for example 350 or 12000.50.", number=number)


def read_amounts(fields: FieldReader, field: str) -> tuple[Decimal, ...] | None:
    """A list of 1 to MAX_AMOUNTS self-paid amounts; every bad item is reported, by its position."""
    value = fields.data.get(field)
    if value is None:
        fields.error(field, _("This answer is required."))
        return None
    if not isinstance(value, list) or not value:
        fields.error(field, _("Give a list of one or more self-paid amounts in yuan, for example "
                              "[\"350\", \"12000.50\"]."))
        return None
    if len(value) > MAX_AMOUNTS:
        fields.error(field, _("Give at most %(max)s amounts.", max=MAX_AMOUNTS))
        return None
    amounts = []
    for number, item in enumerate(value, start=1):
        amount, problem = _amount_problem(number, item)
        if problem:
            fields.error(field, problem)
        else:
            amounts.append(amount)
    return tuple(amounts) if len(amounts) == len(value) else None


def read_answers(fields: FieldReader, field: str, conditions: tuple[str, ...]) -> dict[str, Answer] | None:
    """One answer (yes, no or unknown) per condition; errors go under "answers.<condition>"."""
    choices = ", ".join(answer.value for answer in Answer)
    value = fields.data.get(field)
    if not isinstance(value, dict):
        fields.error(field, _("Give an object with an answer for each condition: %(conditions)s.",
                              conditions=", ".join(conditions)))
        return None
    for stray in sorted(set(value) - set(conditions), key=str):
        fields.error(field, _("Unknown condition %(name)s. The conditions are: %(conditions)s.",
                              name=stray, conditions=", ".join(conditions)))
    answers: dict[str, Answer] = {}
    for condition in conditions:
        given = value.get(condition)
        if given is None:
            fields.error(f"{field}.{condition}", _("This answer is required."))
        elif isinstance(given, str) and given in {a.value for a in Answer}:
            answers[condition] = Answer(given)
        else:
            fields.error(f"{field}.{condition}", _("Choose one of: %(choices)s.", choices=choices))
    return answers if len(answers) == len(conditions) else None


@bp.post("/union/mutual-aid-payout")
@takes_json_object
def mutual_aid_payout(data: dict):
    fields = FieldReader(data)
    amounts = read_amounts(fields, "amounts")
    as_of = fields.date("as_of", required=False) or today(current_app.config)
    if fields.errors:
        return errors_response(fields.errors)
    advice = mutual_aid_advice(content(), amounts, as_of)
    result = advice.payouts
    return jsonify({
        "payouts": [{"amount": money(i.amount), "tier_payout": money(i.tier_payout), "payout": money(i.payout)}
                    for i in result.incidents],
        "total": money(result.total),
        "cap": money(result.cap),
        "cap_reached": result.cap_reached,
        "period": {
            "as_of": as_of.isoformat(),
            "gift_period_end": advice.gift_period_end.isoformat(),
            "over": advice.period_over,
            "message": localized(mutual_aid_period_text(content(), advice)),
        },
        "source": "seed-002-gd-union",
    })


@bp.post("/union/e-road-claim-check")
@takes_json_object
def e_road_claim_check(data: dict):
    fields = FieldReader(data)
    answers = read_answers(fields, "answers", e_road_condition_ids(content()))
    if fields.errors:
        return errors_response(fields.errors)
    check = e_road_claim(content(), answers)
    conditions = []
    for result in check.conditions:
        texts = condition_texts(content(), result)
        conditions.append({
            "id": result.condition,
            "answer": result.answer.value,
            "outcome": result.outcome.value,
            "condition": localized(texts.text),
            "quote": texts.quote["zh"],  # the seed's words, always in Chinese
            "proof": localized(texts.proof) if texts.proof else None,
            "proof_note": None if texts.proof else localized(no_proof_text(content())),
        })
    return jsonify({
        "verdict": check.verdict.value,
        "message": localized(claim_verdict_text(content(), check)),
        "conditions": conditions,
        "source": "seed-000-union",
    })
