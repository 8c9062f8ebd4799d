"""Platform workers' protections composed from content/protections/ and advisor.rules.protections:
"Am I covered by 新职伤?", the platform subsidy beside a contribution, and the after-accident checklist.

Messages are localised here (request time, like advisor.answers.explain); the API and the pages both call
these functions, so they always show the same verdicts, amounts and reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.answers.contribution import CostAdvice
from advisor.i18n import current_language, format_long_date, localized
from advisor.policy import Content, NotInForce
from advisor.policy.protections import employer_platform_ids, platform, platform_facts, subsidy_entry, work_kind
from advisor.policy.schemes import e_road_condition_ids, mutual_aid_gift_period_end
from advisor.rules.calendar import YearMonth
from advisor.rules.protections import (
    AccidentAnswers,
    Checklist,
    InjuryCheck,
    Subsidy,
    SubsidyKind,
    SubsidyTerms,
    after_accident_checklist,
    injury_check,
    platform_subsidy,
)
from advisor.rules.types import Scheme
from advisor.rules.union_schemes import is_period_over


def _texts(content: Content, stem: str) -> Mapping[str, Any]:
    return content.protections[stem]


def platform_name(content: Content, platform_id: str) -> str:
    return localized(platform(content, platform_id)["name"])


def work_name(content: Content, work_id: str) -> str:
    return localized(work_kind(content, work_id)["name"])


def status_label(content: Content, status: str) -> str:
    return localized(_texts(content, "injury_protection")["statuses"][status])


# 新职伤 self-check ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Message:
    code: str
    message: str
    status: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class InjuryAnswer:
    check: InjuryCheck
    verdict: str
    reasons: tuple[Message, ...]
    asks: tuple[Message, ...]


def _reason_status(content: Content, code: str, platform_id: str) -> tuple[str, str | None]:
    if code == "platform_work_not_named":  # no list found names the platform for this industry
        return "not_found", None
    if code.startswith("platform_"):
        injury = platform(content, platform_id)["injury"]
        return injury["status"], injury.get("source")
    if code.startswith("work_"):
        return "official", "mohrss-2025-24"
    if code == "during_order":
        return "secondary", "cyol-2025-07-injury"
    return "not_found", None


def injury_answer(content: Content, platform_id: str, work: str, during_order: bool | None,
                  as_of: date) -> InjuryAnswer:
    texts = _texts(content, "injury_protection")
    check = injury_check(platform_facts(content)[platform_id], work, during_order, as_of)
    reasons = []
    for reason in check.reasons:
        facts = reason.facts
        values = {
            "platform": platform_name(content, facts["platform"]) if "platform" in facts else "",
            "since": format_long_date(facts["since"]) if facts.get("since") else "",
            "work": work_name(content, facts["work"]) if "work" in facts else "",
            "industries": ("、" if current_language() == "zh" else ", ").join(
                localized(work_kind(content, w)["industry"]) for w in facts.get("industries", ())),
        }
        status, source = _reason_status(content, reason.code, platform_id)
        reasons.append(Message(reason.code, localized(texts["reasons"][reason.code]).format(**values), status, source))
    asks = tuple(Message(code, localized(texts["asks"][code])) for code in check.asks)
    return InjuryAnswer(check, localized(texts["verdicts"][check.verdict.value]), tuple(reasons), asks)


UNKNOWN_PLATFORM = "unknown"
UNKNOWN_WORK = "unknown"
INJURY_PLATFORMS = ("meituan", "eleme", "jd")  # the platforms a summary can name; any other is "unknown"


def platform_injury(content: Content, platform_id: str | None, as_of: date) -> InjuryAnswer | None:
    """新职伤 for a platform's worker before any accident: the platform's part of the self-check (the work
    and the accident's own questions are for the 新职伤 page). None when the figures are not in force."""
    platform_id = platform_id if platform_id in INJURY_PLATFORMS else UNKNOWN_PLATFORM
    try:
        return injury_answer(content, platform_id, UNKNOWN_WORK, None, as_of)
    except (KeyError, NotInForce):
        return None


COVERED_PLATFORM_REASONS = ("platform_first_batch", "platform_added_2025")  # 新职伤's pilot platforms today


def covered_orders(content: Content, answer: InjuryAnswer) -> tuple[str, str] | None:
    """(platform name, the industries its covered orders are in) when 新职伤 covers the platform's orders today:
    ("美团", "即时配送"); None when it does not or it is not known."""
    for reason in answer.check.reasons:
        if reason.code in COVERED_PLATFORM_REASONS:
            industries = ("、" if current_language() == "zh" else ", ").join(
                localized(work_kind(content, w)["industry"]) for w in reason.facts.get("industries", ()))
            return platform_name(content, reason.facts["platform"]), industries
    return None


# Platform subsidy --------------------------------------------------------------------------------

@dataclass(frozen=True)
class SubsidyAnswer:
    subsidy: Subsidy
    rule: str
    condition: str
    status: str          # the condition's status (secondary, not_found…)
    source: str | None
    applies_text: str
    share_parameter: str | None
    on: date  # the month's first day, for the share's figure


def subsidy_answer(content: Content, platform_id: str, condition_met: bool | None, month: YearMonth,
                   monthly_total: Decimal, pension_included: bool, rounding: str) -> SubsidyAnswer:
    """The subsidy ("meituan" or "eleme") for a month whose contributions total `monthly_total`."""
    entry = subsidy_entry(content, platform_id)
    on = month.first_day
    try:
        share = content.figure(entry["share"], on).value
    except NotInForce:
        share = None
    terms = SubsidyTerms(platform_id, SubsidyKind(entry["kind"]), share, entry["insurances"] == ["pension"])
    subsidy = platform_subsidy(
        terms, condition_met, monthly_total, content.figure("pension.base_floor", on).value,
        content.figure("pension.total_rate", on).value, pension_included, rounding)
    words = _texts(content, "subsidies")["applies"]
    if subsidy.reason in ("not_in_force", "not_published"):
        applies_text = words[subsidy.reason]
    else:
        applies_text = words[{True: "true", False: "false", None: "null"}[subsidy.applies]]
    condition = entry["condition"]
    return SubsidyAnswer(subsidy, localized(entry["rule"]), localized(condition["text"]), condition["status"],
                         condition.get("source"), localized(applies_text), entry["share"], on)


def cost_subsidy(content: Content, platform_id: str, condition_met: bool | None, advice: CostAdvice) -> SubsidyAnswer:
    """The subsidy beside a calculated month (the calculator and POST /api/v1/contribution)."""
    return subsidy_answer(content, platform_id, condition_met, advice.month, advice.contribution.monthly_total,
                          Scheme.PENSION in advice.contribution.bases, advice.inputs.rounding.value)


# The check: a platform's full-time rider is its employee ------------------------------------------

@dataclass(frozen=True)
class EmployeeRoute:
    """Why a platform's full-time rider is sent to employee insurance, and what to do (the check's
    verdict card and POST /api/v1/eligibility's `employee_insurance`)."""

    platform_id: str
    platform: str
    heading: str
    rule: str
    condition: str
    status: str
    source: str | None
    asks: tuple[str, ...]


def is_employer_platform(content: Content, platform_id: str) -> bool:
    return platform_id in employer_platform_ids(content)


def employee_route(content: Content, platform_id: str) -> EmployeeRoute:
    entry = subsidy_entry(content, platform_id)
    condition = entry["condition"]
    return EmployeeRoute(platform_id, platform_name(content, platform_id), localized(entry["check"]["heading"]),
                         localized(entry["rule"]), localized(condition["text"]), condition["status"],
                         condition.get("source"), tuple(localized(ask) for ask in entry["check"]["asks"]))


# After an accident -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SchemeLine:
    scheme: str
    applies: bool | None
    name: str
    applies_text: str
    reason: str
    needs: str
    pays: str
    third_party: str | None  # medical insurance, when someone else may be liable: the law's words


@dataclass(frozen=True)
class PayoutTier:
    """One tier of the Guangdong members' plan: a self-paid amount from `low` (included only for the
    lowest tier) up to and including `high` (None: no upper end) pays `payout` once."""

    low: Decimal
    low_included: bool
    high: Decimal | None
    payout: Decimal


@dataclass(frozen=True)
class MutualAidPlan:
    """The Guangdong members' accident-medical plan in full (seed 002 annex 4), for the checklist."""

    tiers: tuple[PayoutTier, ...]
    cap: Decimal
    conditions: tuple[Message, ...]  # who, what it pays, the hospital, the claim deadline, the cap, how to claim
    period_start: date
    period_end: date
    period_over: bool
    period_note: str  # the document's own period, and that it has passed (or not)
    ask: str          # whom to ask: 956030, 粤工惠
    source: str


def mutual_aid_plan(content: Content, as_of: date) -> MutualAidPlan:
    """The plan in the request's language, and whether its period is over on `as_of`."""
    over = is_period_over(mutual_aid_gift_period_end(content), as_of)
    plan = content.schemes["gd_mutual_aid"]
    texts = _texts(content, "after_accident")["schemes"]["gd_mutual_aid"]
    tiers = tuple(PayoutTier(Decimal(t["from"]), bool(t["from_included"]),
                             Decimal(t["to"]) if t.get("to") is not None else None, Decimal(t["payout"]))
                  for t in plan["payout_tiers"]["tiers"])
    conditions = (
        Message("covered", localized(plan["covered"]["text"])),
        Message("what_it_pays", localized(plan["what_it_pays"]["text"])),
        Message("hospital", localized(plan["hospital_rule"]["text"])),
        Message("claim_deadline", localized(plan["time_limits"]["claim_deadline"])),
        Message("cap", localized(plan["cumulative_cap"]["text"])),
        Message("how_to_claim", localized(plan["how_to_claim"]["text"])),
        Message("exclusions", localized(texts["exclusions"])),
    )
    period = plan["period"]["gift_period"]
    return MutualAidPlan(tiers, Decimal(plan["cumulative_cap"]["amount"]), conditions, period["start"], period["end"],
                         over, localized(texts["period_note"] if over else plan["period"]["current"]),
                         localized(texts["period_ask"]), plan["source"])


@dataclass(frozen=True)
class ChecklistAnswer:
    checklist: Checklist
    injury: InjuryAnswer
    steps: tuple[Message, ...]
    schemes: tuple[SchemeLine, ...]
    evidence: tuple[Message, ...]
    contacts: tuple[Mapping[str, str | None], ...]
    gd_period_over: bool
    gd_plan: MutualAidPlan


def checklist_answer(content: Content, answers: Mapping[str, Any], as_of: date) -> ChecklistAnswer:
    """`answers`: platform, work, during_order, union_member, months_in_work, medical_insured (bool or
    None), place, happened (a set of codes), as the page's form and the API read them."""
    facts = platform_facts(content)[answers["platform"]]
    accident = AccidentAnswers(facts, answers["work"], answers["during_order"], answers["union_member"],
                               answers["months_in_work"], answers["medical_insured"], answers["place"],
                               frozenset(answers["happened"]))
    period_over = is_period_over(mutual_aid_gift_period_end(content), as_of)
    checklist = after_accident_checklist(accident, as_of, e_road_condition_ids(content), period_over)
    texts = _texts(content, "after_accident")
    steps = tuple(Message(code, localized(texts["steps"][code])) for code in checklist.steps)
    schemes = []
    for line in checklist.schemes:
        scheme = texts["schemes"][line.scheme]
        third_party = localized(scheme["quote"]) if line.third_party and "quote" in scheme else None
        schemes.append(SchemeLine(
            line.scheme, line.applies, localized(scheme["name"]),
            localized(texts["applies"][{True: "true", False: "false", None: "null"}[line.applies]]),
            localized(texts["scheme_reasons"][line.reason]), localized(scheme["needs"]), localized(scheme["pays"]),
            third_party))
    evidence_texts = {item["id"]: item["text"] for item in texts["evidence"]}
    evidence = tuple(Message(code, localized(evidence_texts[code])) for code in checklist.evidence)
    contact_texts = {item["id"]: item for item in texts["contacts"]}
    contacts = tuple({"code": code, "number": contact_texts[code].get("number"),
                      "message": localized(contact_texts[code]["text"])} for code in checklist.contacts)
    injury = injury_answer(content, answers["platform"], answers["work"], answers["during_order"], as_of)
    return ChecklistAnswer(checklist, injury, steps, tuple(schemes), evidence, contacts, period_over,
                           mutual_aid_plan(content, as_of))


def money_text(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"
