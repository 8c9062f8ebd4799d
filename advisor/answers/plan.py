"""我的参保方案 — one person's plan (issue 23): the answers of the journey's pages, put together.

Nothing is decided here: each part is the answer its own page gives (eligibility, contribution and the
platform subsidy, forecast, 新职伤, the way to register), called with the same answers. A part whose answers
are missing, or which cannot be worked out for them (figures not in force, past retirement age…), is None;
the page then offers the page that asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.answers.contribution import CostAdvice, calculate_cost
from advisor.answers.eligibility import EligibilityAdvice, check_eligibility
from advisor.answers.forecast import (
    AlreadyRetired,
    ExtensionBeyondTable,
    ForecastAdvice,
    ForecastQuestion,
    forecast_pension,
)
from advisor.answers.protections import InjuryAnswer, SubsidyAnswer, cost_subsidy, platform_injury
from advisor.answers.registration import Suggestion, suggested_channel
from advisor.policy import Content, NotInForce
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.calendar import YearMonth
from advisor.rules.extension import PensionPlace
from advisor.rules.flexible_retirement import OutsideWindow
from advisor.rules.types import Hukou, Person, Scheme

# 新职伤 for a platform named in the journey (the subsidy question names it); "unknown" otherwise.


@dataclass(frozen=True)
class PlanQuestion:
    person: Person | None = None  # the check's answers, when all were given
    contributed_months: int | None = None
    pension_place: PensionPlace | None = None
    hukou: Hukou | None = None  # also without the check (the calculator, the forecast, register ask it)
    month: YearMonth | None = None
    wage: Decimal | None = None  # the base declared
    insurances: tuple[Scheme, ...] = ()  # as chosen on the calculator; else every insurance this person can join
    platform: str | None = None  # "meituan", "eleme", "jd" or None
    condition_met: bool | None = None
    forecast: ForecastQuestion | None = None
    have: tuple[str, ...] | None = None  # what the person has with them; None: not asked


@dataclass(frozen=True)
class Plan:
    as_of: date
    eligibility: EligibilityAdvice | None
    joinable: tuple[Scheme, ...]  # the insurances this person can join (empty without the check)
    cost: CostAdvice | None
    subsidy: SubsidyAnswer | None
    forecast: ForecastAdvice | None
    pension_today: Decimal | None  # the forecast's monthly pension in today's money
    injury: InjuryAnswer | None  # 新职伤 for a platform worker
    registration: Suggestion | None

    @property
    def net_monthly(self) -> Decimal | None:
        """The monthly cost after the platform's subsidy, when one is published for this person."""
        if self.cost is None:
            return None
        if self.subsidy is not None and self.subsidy.subsidy.net_monthly_total is not None:
            return self.subsidy.subsidy.net_monthly_total
        return self.cost.contribution.monthly_total


def _eligibility(content: Content, question: PlanQuestion, as_of: date) -> EligibilityAdvice | None:
    if question.person is None:
        return None
    try:
        return check_eligibility(content, question.person, as_of, question.contributed_months,
                                 question.pension_place)
    except NotInForce:
        return None


def _cost(content: Content, question: PlanQuestion, joinable: tuple[Scheme, ...],
          eligibility: EligibilityAdvice | None) -> CostAdvice | None:
    hukou = question.hukou or (question.person.hukou if question.person else None)
    if question.wage is None or question.month is None or hukou is None:
        return None
    schemes = question.insurances or joinable
    if eligibility is not None:  # only what this person can join
        schemes = tuple(scheme for scheme in schemes if scheme in joinable)
    if not schemes:
        return None
    try:
        return calculate_cost(content, question.month, hukou, question.wage, schemes)
    except FiguresNotInForce:
        return None


def _forecast(content: Content, question: PlanQuestion, as_of: date) -> ForecastAdvice | None:
    if question.forecast is None:
        return None
    try:
        return forecast_pension(content, question.forecast, as_of)
    except (AlreadyRetired, ExtensionBeyondTable, OutsideWindow, FiguresNotInForce, NotInForce, ValueError):
        return None


def _injury(content: Content, question: PlanQuestion, as_of: date) -> InjuryAnswer | None:
    """新职伤 for a platform worker: the platform's part of the self-check."""
    if question.person is not None and question.person.work.value != "platform":
        return None
    if question.person is None and question.platform is None:
        return None
    return platform_injury(content, question.platform, as_of)


def make_plan(content: Content, question: PlanQuestion, as_of: date) -> Plan:
    eligibility = _eligibility(content, question, as_of)
    joinable = tuple(scheme for scheme, verdict in eligibility.verdicts.items() if verdict.eligible) \
        if eligibility else ()
    cost = _cost(content, question, joinable, eligibility)
    subsidy = None
    if cost is not None and question.platform in ("meituan", "eleme"):
        subsidy = cost_subsidy(content, question.platform, question.condition_met, cost)
    forecast = _forecast(content, question, as_of)
    today = forecast.in_todays_money(forecast.forecast.estimate.monthly_pension) if forecast else None
    hukou = question.hukou or (question.person.hukou if question.person else None)
    registration = None
    if hukou is not None and question.have:
        registration = suggested_channel(content.texts["channels"], hukou.value, question.have)
    return Plan(as_of, eligibility, joinable, cost, subsidy, forecast, today, _injury(content, question, as_of),
                registration)


def plan_facts(plan: Plan) -> Mapping[str, Any]:
    """The plan's key figures, plainly (for tests and the page's summary)."""
    return {
        "joinable": [scheme.value for scheme in plan.joinable],
        "monthly": plan.cost.contribution.monthly_total if plan.cost else None,
        "net_monthly": plan.net_monthly,
        "pension_today": plan.pension_today,
        "channel": plan.registration.channel if plan.registration else None,
    }
