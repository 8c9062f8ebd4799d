"""The plan as the page shows it: one line per part, each with its figure, its first steps and its full page."""

from __future__ import annotations

from dataclasses import dataclass, field

from advisor.answers.explain import scheme_name
from advisor.answers.plan import Plan
from advisor.i18n import (
    current_language,
    format_age,
    format_shown,
    format_year_month,
    format_yuan,
    gettext,
    localized,
)
from advisor.rules.money import as_shown
from advisor.rules.types import Hukou
from advisor.web.choices import content
from advisor.web.injury_cover import injury_lines
from advisor.web.prepared import prepared
from advisor.web.summary import join_names, summary

FIRST_STEPS = 3  # how many steps of the way to register the plan shows (the register page has them all)


@dataclass(frozen=True)
class PlanLine:
    key: str
    heading: str
    figure: str  # the figure that matters ("" when the part has none or is missing)
    lines: tuple[str, ...]  # the answer in short sentences
    endpoint: str  # its full page
    button: str  # "See the full result", or the question to answer when the part is missing
    missing: bool = False
    steps: tuple = field(default_factory=tuple)  # the way to register's first steps (Markup)


def _names(schemes) -> str:
    return join_names([scheme_name(content(), scheme) for scheme in schemes])


def insurances_line(plan: Plan) -> PlanLine:
    heading = gettext("Which insurances you can join")
    advice = plan.eligibility
    if advice is None:
        return PlanLine("insurances", heading, "", (gettext("Answer a few questions to see which insurances you can "
                                                            "join."),), "web.check", gettext("Can I enroll?"), True)
    no = [scheme for scheme, verdict in advice.verdicts.items() if not verdict.eligible]
    lines = []
    if plan.joinable:
        lines.append(gettext("You can join %(names)s.", names=_names(plan.joinable)))
    if no:
        lines.append(gettext("Not now: %(names)s.", names=_names(no)))
    retirement = advice.retirement
    lines.append(gettext("Your statutory retirement age: %(age)s, reached in %(month)s.",
                         age=format_age(retirement.age_years, retirement.age_months),
                         month=format_year_month(retirement.month)))
    return PlanLine("insurances", heading, "", tuple(lines), "web.check", gettext("Why: the full result"))


def cost_line(plan: Plan) -> PlanLine:
    heading = gettext("What you pay each month")
    cost = plan.cost
    if cost is None:
        return PlanLine("cost", heading, "", (gettext("Choose a base to see the monthly cost."),), "web.calculate",
                        gettext("What will I pay?"), True)
    contribution = cost.contribution
    net = plan.net_monthly
    lines = [gettext("%(month)s a month (%(year)s a year) for %(names)s, in %(when)s.",
                     month=format_yuan(contribution.monthly_total), year=format_yuan(contribution.yearly_total),
                     names=_names(tuple(contribution.bases)), when=format_year_month(cost.month))]
    if plan.subsidy is not None:
        subsidy = plan.subsidy.subsidy
        if subsidy.amount is not None:
            lines.append(gettext("The platform's subsidy: %(amount)s a month. %(applies)s",
                                 amount=format_yuan(subsidy.amount), applies=plan.subsidy.applies_text))
        else:
            lines.append(plan.subsidy.applies_text)
    return PlanLine("cost", heading, format_yuan(net) if net is not None else "", tuple(lines), "web.calculate",
                    gettext("How it is worked out"))


def pension_line(plan: Plan) -> PlanLine:
    heading = gettext("Your pension, estimated")
    forecast = plan.forecast
    if forecast is None or plan.pension_today is None:
        return PlanLine("pension", heading, "", (gettext("Say how long you have paid to see an estimate."),),
                        "web.forecast", gettext("What will I get?"), True)
    estimate = forecast.forecast.estimate
    years = forecast.years_to_retirement  # far ahead: to the yuan, "about" (the forecast's own rule)
    lines = (gettext("A month from %(month)s, in today's money; %(nominal)s in the money of %(year)s.",
                     month=format_year_month(forecast.retirement.month),
                     nominal=format_shown(as_shown(estimate.monthly_pension, years)),
                     year=forecast.retirement.month.year),
             gettext("This is an estimate. The official figure is calculated by the social-insurance agency when you "
                     "retire."))
    return PlanLine("pension", heading, format_shown(as_shown(plan.pension_today, years)), lines, "web.forecast",
                    gettext("The estimate in full"))


def protections_line(plan: Plan) -> PlanLine | None:
    if plan.injury is None:
        return None
    lines = list(injury_lines(plan.injury))
    lines.append(gettext("Trade-union members also have %(scheme)s.",
                         scheme=localized(content().schemes["e_road"]["name"])))
    return PlanLine("protections", gettext("Protections for platform workers"), "", tuple(lines),
                    "web.protection_injury",
                    gettext("新职伤 in full"))


def register_line(plan: Plan, hukou: Hukou | None) -> PlanLine:
    heading = gettext("Where to register")
    if hukou is None:
        return PlanLine("register", heading, "", (gettext("Say where your hukou is to see the ways to register."),),
                        "web.register", gettext("Where do I register?"), True)
    found = plan.registration.channel if plan.registration else None
    channels = {channel.id: channel for channel in prepared().channels[hukou]}
    if found is None:
        lines = (gettext("For most people the easiest way is on the phone, in the “深圳社保” (Shenzhen Social "
                         "Insurance) WeChat account. Without a smartphone, use a self-service terminal or go to a "
                         "social insurance counter."),)
        chosen = channels.get("wechat")
    else:
        chosen = channels[found]
        lines = (gettext("The way that suits you: %(name)s.", name=chosen.name),)
    steps = tuple(step.variants[0].text for step in chosen.steps[:FIRST_STEPS] if step.variants) if chosen else ()
    return PlanLine("register", heading, "", lines, "web.register", gettext("Every step and what to bring"),
                    steps=steps)


def plan_headline(plan: Plan) -> str:
    """The plan in one sentence: what to join, what it costs and what it brings."""
    if not plan.joinable and plan.eligibility is not None:
        return gettext("You cannot join these insurances as a flexible worker now: the reasons are on the check's "
                       "result.")
    parts = []
    if plan.joinable:
        parts.append(gettext("You can join %(names)s.", names=_names(plan.joinable)))
    if plan.net_monthly is not None:
        parts.append(gettext("You would pay %(amount)s a month.", amount=format_yuan(plan.net_monthly)))
    if plan.pension_today is not None and plan.forecast is not None:
        shown = as_shown(plan.pension_today, plan.forecast.years_to_retirement)
        parts.append(gettext("Your pension: %(amount)s a month in today's money.", amount=format_shown(shown)))
    if not parts:
        return gettext("Your plan, as far as your answers go. The missing parts are below.")
    return ("" if current_language() == "zh" else " ").join(parts)


def plan_view(plan: Plan, hukou: Hukou | None) -> dict:
    lines = [line for line in (insurances_line(plan), cost_line(plan), pension_line(plan), protections_line(plan),
                               register_line(plan, hukou)) if line is not None]
    return {"plan": plan, "lines": lines, "complete": not any(line.missing for line in lines),
            "summary": summary("plan", plan_headline(plan), plan)}
