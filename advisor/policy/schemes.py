"""Union schemes in content/schemes/: the structure checked at start-up, and the rules' inputs built from it.

Texts (both languages, known sources) are checked by content.py like content/rules/; this module
checks what the rules and pages rely on: the payout tiers fit together, amounts are decimals,
every benefit a group lists exists, condition ids are unique.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from advisor.policy.content import Content
from advisor.policy.errors import ContentError
from advisor.rules.union_schemes import PayoutSchedule, PayoutTier

REQUIRED_FILES = ("e_road", "union_membership", "gd_mutual_aid", "other_regions")
QUIZ_STATUSES = ("to_confirm", "from_text")  # to_confirm: the seed does not answer it
_BENEFIT_AMOUNTS = ("up_to", "per_day", "lump_sum", "deductible_per_incident")


def _file(stem: str) -> str:
    return f"content/schemes/{stem}.yaml"


def _decimal(value: Any, stem: str, where: str) -> Decimal:
    """Amounts are quoted decimal strings or ints (the loader already refuses floats)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ContentError(_file(stem), where, "must be an amount written as a quoted decimal or an integer")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ContentError(_file(stem), where, f"{value!r} is not an amount") from None
    if not amount.is_finite() or amount < 0:
        raise ContentError(_file(stem), where, f"{value!r} is not an amount")
    return amount


def _payout_schedule(raw: Mapping[str, Any]) -> PayoutSchedule:
    stem = "gd_mutual_aid"
    tiers_raw = raw.get("payout_tiers", {}).get("tiers")
    if not isinstance(tiers_raw, list) or not tiers_raw:
        raise ContentError(_file(stem), "payout_tiers.tiers", "needs at least one tier")
    tiers: list[PayoutTier] = []
    for i, tier in enumerate(tiers_raw):
        where = f"payout_tiers.tiers[{i}]"
        lower = _decimal(tier.get("from"), stem, f"{where}.from")
        upper = _decimal(tier["to"], stem, f"{where}.to") if tier.get("to") is not None else None
        included = tier.get("from_included")
        if not isinstance(included, bool):
            raise ContentError(_file(stem), f"{where}.from_included", "must be true or false")
        if upper is not None and upper <= lower:
            raise ContentError(_file(stem), f"{where}.to", "must be above 'from'")
        if upper is None and i != len(tiers_raw) - 1:
            raise ContentError(_file(stem), f"{where}.to", "only the top tier may be open")
        if tiers:
            previous = tiers[-1]
            # Tiers must meet without a gap or an overlap: the previous tier includes its end.
            if lower != previous.upper or included:
                raise ContentError(_file(stem), f"{where}.from",
                                   "must equal the previous tier's 'to', with from_included: false")
        tiers.append(PayoutTier(lower, included, upper, _decimal(tier.get("payout"), stem, f"{where}.payout")))
    cap = _decimal(raw.get("cumulative_cap", {}).get("amount"), stem, "cumulative_cap.amount")
    if cap <= 0:
        raise ContentError(_file(stem), "cumulative_cap.amount", "must be above zero")
    return PayoutSchedule(tuple(tiers), cap)


def _check_periods(raw: Mapping[str, Any]) -> None:
    for name in ("plan_year", "gift_period"):
        period = raw.get("period", {}).get(name, {})
        start, end = period.get("start"), period.get("end")
        if not isinstance(start, date) or not isinstance(end, date) or end < start:
            raise ContentError(_file("gd_mutual_aid"), f"period.{name}", "needs dates start <= end")


def _check_e_road(raw: Mapping[str, Any]) -> None:
    stem = "e_road"
    ids = [condition.get("id") for condition in raw.get("conditions", [])]
    if not ids or len(set(ids)) != len(ids) or not all(isinstance(i, str) for i in ids):
        raise ContentError(_file(stem), "conditions", "needs conditions with unique ids")
    for i, condition in enumerate(raw["conditions"]):
        if not condition.get("text") or not condition.get("quote"):
            raise ContentError(_file(stem), f"conditions[{i}]", "needs a text and a quote")
        proof = condition.get("proof", "absent")
        if proof == "absent" or (proof is not None and not proof.get("quote")):
            raise ContentError(_file(stem), f"conditions[{i}].proof", "needs a quote, or null if the seed lists none")
    benefits = raw.get("benefits", {})
    for benefit_id, benefit in benefits.items():
        for level_index, part in enumerate([benefit, *benefit.get("levels", [])]):
            where = f"benefits.{benefit_id}" + (f".levels[{level_index - 1}]" if level_index else "")
            for key in _BENEFIT_AMOUNTS:
                if key in part:
                    _decimal(part[key], stem, f"{where}.{key}")
        if benefit.get("category") not in raw.get("benefit_categories", {}):
            raise ContentError(_file(stem), f"benefits.{benefit_id}.category", "is not in benefit_categories")
    for group_id, group in raw.get("benefit_groups", {}).items():
        for benefit_id in group.get("benefits", []):
            if benefit_id not in benefits:
                raise ContentError(_file(stem), f"benefit_groups.{group_id}.benefits",
                                   f"{benefit_id!r} is not in benefits")
    for i, occupation in enumerate(raw.get("occupations", {}).get("groups", [])):
        group = occupation.get("benefit_group")
        if group is not None and group not in raw.get("benefit_groups", {}):
            raise ContentError(_file(stem), f"occupations.groups[{i}].benefit_group", f"{group!r} is not a group")
    for i, question in enumerate(raw.get("quiz", [])):
        if question.get("status") not in QUIZ_STATUSES:
            raise ContentError(_file(stem), f"quiz[{i}].status", f"must be one of {', '.join(QUIZ_STATUSES)}")
        say = question.get("say")
        if question["status"] == "to_confirm" and not (isinstance(say, dict) and set(say) == {"zh", "en"}):
            raise ContentError(_file(stem), f"quiz[{i}].say",
                               "an open question needs what the presenter can say, in 'zh' and 'en'")


def check_schemes(schemes: Mapping[str, Mapping[str, Any]]) -> None:
    """Raise ContentError naming the file and field of the first structural problem."""
    for stem in REQUIRED_FILES:
        if stem not in schemes:
            raise ContentError(_file(stem), "(file)", "file is missing")
    _check_e_road(schemes["e_road"])
    _payout_schedule(schemes["gd_mutual_aid"])
    _check_periods(schemes["gd_mutual_aid"])


def mutual_aid_schedule(content: Content) -> PayoutSchedule:
    """The Guangdong plan's payout tiers and cumulative cap (seed 002 annex 4, 第五条)."""
    return _payout_schedule(content.schemes["gd_mutual_aid"])


def mutual_aid_gift_period_end(content: Content) -> date:
    return content.schemes["gd_mutual_aid"]["period"]["gift_period"]["end"]


def e_road_condition_ids(content: Content) -> tuple[str, ...]:
    """The five E路守护 claim conditions, in the seed's order."""
    return tuple(condition["id"] for condition in content.schemes["e_road"]["conditions"])


def e_road_condition(content: Content, condition_id: str) -> Mapping[str, Any]:
    return next(c for c in content.schemes["e_road"]["conditions"] if c["id"] == condition_id)
