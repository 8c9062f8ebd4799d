"""Platform workers' protections: "Am I covered by 新职伤?", the platform's subsidy towards a month's
contributions, and the ordered checklist after an accident.

Sources: ../shared/protections-sources.md (the pilot's platforms and dates: 工人日报 2023-10-27,
人社部发〔2025〕24号; scope "执行平台订单任务期间": 中青报 2025-07; Meituan's subsidy: 北京商报 2025-04-03,
羊城晚报 2025-07-19; 饿了么 "至少50%": 环球网 2025-11-07; JD: 京东黑板报 2025-02-19). The facts and their
words live in content/protections/; this module only decides, from plain values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from advisor.rules.money import to_fen
from advisor.rules.union_schemes import Answer, ClaimVerdict, e_road_claim_check

# The agreed platform ids, the same in content, forms and the API (issue 12).
PLATFORM_IDS = ("meituan", "eleme", "dada", "shansong", "huolala", "kuaigou", "caocao", "didi",
                "shunfeng_tongcheng", "didi_freight", "manbang", "jd", "other", "unknown")
# Kinds of work; the first three are the pilot's industries (出行、即时配送、同城货运).
WORK_IDS = ("delivery", "ride_hailing", "freight", "courier", "other", "unknown")
PILOT_WORK = ("delivery", "ride_hailing", "freight")
SUBSIDY_PLATFORMS = ("meituan", "eleme")
ZERO = Decimal("0.00")


class PilotGroup(StrEnum):
    FIRST_BATCH = "first_batch"  # the seven platforms of 2022-07-01 (Guangdong is a first-batch province)
    ADDED_2025 = "added_2025"    # the four added on 2025-07-01
    EMPLOYER = "employer"        # JD: full-time riders are employees
    NOT_LISTED = "not_listed"    # another platform: no Guangdong list found
    UNKNOWN = "unknown"          # the worker does not know


class InjuryVerdict(StrEnum):
    COVERED = "covered"
    NOT_COVERED = "not_covered"
    UNKNOWN = "unknown"


class SubsidyKind(StrEnum):
    EXACT = "exact"        # the amount follows from published figures (Meituan)
    AT_LEAST = "at_least"  # only a lower bound is published (饿了么/淘宝闪购)
    EMPLOYER = "employer"  # the platform insures its full-time riders as employees (JD)
    NONE = "none"


@dataclass(frozen=True)
class PlatformFacts:
    platform_id: str
    group: PilotGroup
    since: date | None
    industries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    code: str  # keys the words in content/protections/injury_protection.yaml (reasons)
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InjuryCheck:
    verdict: InjuryVerdict
    reasons: tuple[Reason, ...]
    asks: tuple[str, ...]  # keys of `asks` in injury_protection.yaml, most useful first


def _platform_part(platform: PlatformFacts, work: str, as_of: date) -> tuple[str, Reason]:
    """The pilot names platforms by industry: a pilot platform's orders in an industry it is not named
    for (Meituan's ride-hailing, say) are not known to be covered, whatever the platform's other orders."""
    facts = {"platform": platform.platform_id, "since": platform.since, "industries": platform.industries}
    if platform.group in (PilotGroup.FIRST_BATCH, PilotGroup.ADDED_2025):
        if platform.since is None or as_of < platform.since:
            return "out", Reason("platform_not_yet", facts)
        if work in PILOT_WORK and work not in platform.industries:
            return "unknown", Reason("platform_work_not_named", {**facts, "work": work})
        return "in", Reason(f"platform_{platform.group.value}", facts)
    if platform.group is PilotGroup.EMPLOYER:
        return "unknown", Reason("platform_employer", facts)
    if platform.group is PilotGroup.NOT_LISTED:
        return "unknown", Reason("platform_not_listed", facts)
    return "unknown", Reason("platform_unknown", facts)


def _work_part(work: str) -> tuple[str, Reason]:
    if work in PILOT_WORK:
        return "in", Reason("work_in_pilot", {"work": work})
    if work in WORK_IDS and work != "unknown":
        return "out", Reason("work_not_in_pilot", {"work": work})
    return "unknown", Reason("work_unknown", {"work": work})


def _order_part(during_order: bool | None) -> tuple[str, Reason]:
    if during_order is True:
        return "in", Reason("during_order")
    if during_order is False:
        return "out", Reason("not_during_order")
    return "unknown", Reason("during_order_unknown")


def injury_check(platform: PlatformFacts, work: str, during_order: bool | None, as_of: date) -> InjuryCheck:
    """Covered only when the platform is in the pilot on `as_of`, the work is a pilot industry the platform is
    named for and the injury happened while carrying out an order; any "no" makes it not covered; otherwise unknown."""
    parts = [_platform_part(platform, work, as_of), _work_part(work), _order_part(during_order)]
    states = [state for state, _ in parts]
    reasons = tuple(reason for _, reason in parts)
    if "out" in states:
        verdict = InjuryVerdict.NOT_COVERED
    elif all(state == "in" for state in states):
        verdict = InjuryVerdict.COVERED
    else:
        verdict = InjuryVerdict.UNKNOWN
    asks: list[str] = []
    if verdict is not InjuryVerdict.NOT_COVERED or during_order is not False:
        asks.append("report_in_app")
    if platform.group is PilotGroup.EMPLOYER:
        asks.append("employer_jd")
    elif (platform.group in (PilotGroup.NOT_LISTED, PilotGroup.UNKNOWN)
          or reasons[0].code == "platform_work_not_named"):
        asks.append("platform_service")
    asks.append("hotline_12333")
    if verdict is InjuryVerdict.NOT_COVERED:
        asks.append("union_956030")
    return InjuryCheck(verdict, reasons, tuple(asks))


# Platform subsidies ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SubsidyTerms:
    """One platform's subsidy for one month, already looked up in content/."""

    platform_id: str
    kind: SubsidyKind
    share: Decimal | None      # None: not in force that month
    covers_pension_only: bool  # Meituan: the pension only


@dataclass(frozen=True)
class Subsidy:
    platform_id: str
    kind: SubsidyKind
    applies: bool | None        # None: the worker does not know whether the condition is met
    in_force: bool
    share: Decimal | None
    amount: Decimal | None      # None: not published
    net_monthly_total: Decimal | None
    net_yearly_total: Decimal | None
    reason: str                 # met | not_met | condition_unknown | not_in_force | no_pension | not_published


def platform_subsidy(terms: SubsidyTerms, condition_met: bool | None, monthly_total: Decimal,
                     pension_floor: Decimal, pension_rate: Decimal, pension_included: bool,
                     rounding: str) -> Subsidy:
    """Meituan: share × (the lowest pension base × the pension rate), each step rounded like a
    contribution line; "don't know" shows the amount as if the condition were met, marked unknown.
    饿了么: only "at least" is published, so no amount and no net cost are given."""

    def result(applies, amount, reason):
        net = None if amount is None else max(monthly_total - amount, ZERO)
        return Subsidy(terms.platform_id, terms.kind, applies, terms.share is not None, terms.share, amount,
                       net, None if net is None else net * 12, reason)

    if terms.share is None:
        return result(False, ZERO, "not_in_force")
    if condition_met is False:
        return result(False, ZERO, "not_met")
    if terms.kind is SubsidyKind.AT_LEAST:
        return result(condition_met, None, "not_published")
    if terms.covers_pension_only and not pension_included:
        return result(False, ZERO, "no_pension")
    contribution = to_fen(pension_floor * pension_rate, rounding)
    amount = to_fen(contribution * terms.share, rounding)
    return result(condition_met, amount, "met" if condition_met else "condition_unknown")


def net_cost(cost: Decimal, subsidy_amount: Decimal | None) -> Decimal | None:
    """What a worker pays after a fixed monthly subsidy (never below zero); None when not published."""
    if subsidy_amount is None:
        return None
    return max(cost - subsidy_amount, ZERO)


# After an accident -------------------------------------------------------------------------------

HAPPENED = ("injury", "hospital", "traffic", "vehicle", "illness")
PLACES = ("shenzhen", "guangdong", "outside_guangdong")


@dataclass(frozen=True)
class AccidentAnswers:
    platform: PlatformFacts
    work: str
    during_order: bool | None
    union_member: bool | None       # a real-name member of a Shenzhen union (E路守护) / on 粤工惠
    months_in_work: bool | None     # 3 months or more in this work, and still at it the month before
    medical_insured: bool | None    # employee medical insurance as a flexible worker
    place: str                      # shenzhen | guangdong | outside_guangdong
    happened: frozenset[str]


@dataclass(frozen=True)
class SchemeAnswer:
    # injury_protection | employer_injury | e_road | gd_mutual_aid | platform_insurance | medical_insurance
    scheme: str
    applies: bool | None
    reason: str       # keys scheme_reasons in after_accident.yaml
    third_party: bool = False  # medical insurance: someone else may be liable (traffic accident)


@dataclass(frozen=True)
class Checklist:
    steps: tuple[str, ...]
    schemes: tuple[SchemeAnswer, ...]
    evidence: tuple[str, ...]
    contacts: tuple[str, ...]
    injury: InjuryCheck


def _tri(value: bool | None) -> Answer:
    return Answer.UNKNOWN if value is None else (Answer.YES if value else Answer.NO)


def _e_road(answers: AccidentAnswers, conditions: tuple[str, ...], hurt: bool) -> SchemeAnswer:
    happened = answers.happened
    driver = answers.work in ("ride_hailing", "freight")
    if not hurt and "illness" not in happened and not (driver and "vehicle" in happened):
        return SchemeAnswer("e_road", False, "e_road_nothing_to_pay")
    occupation = {"delivery": Answer.YES, "courier": Answer.YES, "ride_hailing": Answer.YES,
                  "freight": Answer.UNKNOWN, "other": Answer.NO}.get(answers.work, Answer.UNKNOWN)
    given = {"member": _tri(answers.union_member), "occupation": occupation,
             "three_months_in_work": _tri(answers.months_in_work),
             "working_month_before": _tri(answers.months_in_work),
             "incident_in_shenzhen": Answer.YES if answers.place == "shenzhen" else Answer.NO}
    check = e_road_claim_check({c: given.get(c, Answer.UNKNOWN) for c in conditions}, conditions)
    return {ClaimVerdict.ALL_MET: SchemeAnswer("e_road", True, "e_road_all_met"),
            ClaimVerdict.NOT_MET: SchemeAnswer("e_road", False, "e_road_not_met"),
            ClaimVerdict.UNKNOWN: SchemeAnswer("e_road", None, "e_road_unknown")}[check.verdict]


def after_accident_checklist(answers: AccidentAnswers, as_of: date, e_road_conditions: tuple[str, ...],
                             gd_period_over: bool) -> Checklist:
    happened = answers.happened
    hurt = bool(happened & {"injury", "hospital"})
    road = bool(happened & {"traffic", "vehicle"})
    ill = "illness" in happened
    accident = hurt or road
    employer = answers.platform.group is PilotGroup.EMPLOYER
    injury = injury_check(answers.platform, answers.work, answers.during_order, as_of)

    steps: list[str] = []
    if hurt:
        steps.append("emergency")
    if ill and not hurt:
        steps.append("illness")
    if road:
        steps.append("police")
    if employer and hurt:
        steps.append("report_employer")
    if accident:
        steps.append("report_app")
    if answers.place == "outside_guangdong":
        steps.append("outside_guangdong")
    if "vehicle" in happened:
        steps.append("vehicle")
    steps += ["keep_evidence", "claim_schemes"]

    schemes: list[SchemeAnswer] = []
    if not hurt:
        schemes.append(SchemeAnswer("injury_protection", False, "illness_only" if ill else "no_injury"))
    elif employer:
        schemes.append(SchemeAnswer("injury_protection", None, "jd_full_time"))
    else:
        schemes.append({InjuryVerdict.COVERED: SchemeAnswer("injury_protection", True, "injury_covered"),
                        InjuryVerdict.NOT_COVERED: SchemeAnswer("injury_protection", False, "injury_not_covered"),
                        InjuryVerdict.UNKNOWN: SchemeAnswer("injury_protection", None, "injury_unknown")}
                       [injury.verdict])
    if employer and hurt:
        schemes.append(SchemeAnswer("employer_injury", None, "jd_full_time"))
    schemes.append(_e_road(answers, e_road_conditions, hurt))
    if not hurt:
        schemes.append(SchemeAnswer("gd_mutual_aid", False, "gd_no_hospital"))
    elif answers.union_member is False:
        schemes.append(SchemeAnswer("gd_mutual_aid", False, "gd_not_member"))
    elif gd_period_over or answers.union_member is None:
        schemes.append(SchemeAnswer("gd_mutual_aid", None, "gd_period_over" if gd_period_over else "e_road_unknown"))
    else:
        schemes.append(SchemeAnswer("gd_mutual_aid", True, "gd_member"))
    if not accident:
        schemes.append(SchemeAnswer("platform_insurance", False, "illness_only"))
    else:  # the policies are not public: only the platform can say
        schemes.append(SchemeAnswer("platform_insurance", None, "platform_insurance_ask"))
    if not (hurt or ill):
        schemes.append(SchemeAnswer("medical_insurance", False, "medical_not_relevant"))
    else:
        reasons = {True: "medical_insured", False: "medical_not_insured", None: "medical_unknown"}
        reason = reasons[answers.medical_insured]
        schemes.append(SchemeAnswer("medical_insurance", answers.medical_insured, reason,
                                    third_party="traffic" in happened))

    evidence = []
    if accident:
        evidence += ["order_screenshot", "photos"]
    if hurt or ill:
        evidence += ["diagnosis", "receipts"]
    if road:
        evidence.append("police")
    evidence += ["id_card", "work_proof"]
    if answers.union_member is not False:
        evidence.append("union_card")

    contacts = []
    if hurt:
        contacts.append("emergency")
    if road:
        contacts.append("traffic_police")
    contacts += ["platform", "hrss", "union"]
    return Checklist(tuple(steps), tuple(schemes), tuple(evidence), tuple(contacts), injury)


# Enums for the API and the forms (values are the agreed ids).
Platform = StrEnum("Platform", {pid.upper(): pid for pid in PLATFORM_IDS})
WorkKind = StrEnum("WorkKind", {wid.upper(): wid for wid in WORK_IDS})
Place = StrEnum("Place", {p.upper(): p for p in PLACES})
Happened = StrEnum("Happened", {h.upper(): h for h in HAPPENED})
SubsidyPlatform = StrEnum("SubsidyPlatform", {"MEITUAN": "meituan", "ELEME": "eleme", "NONE": "none"})
# Platforms whose full-time riders are their employees (content/protections/subsidies.yaml, kind employer).
EmployerPlatform = StrEnum("EmployerPlatform", {"JD": "jd"})
