"""The optional question "Does a platform subsidise your insurance?" for the calculator and the
forecast, and what the result shows: full cost, subsidy, net cost, with the condition and its status.

Amounts come from advisor.answers.protections, as POST /api/v1/contribution computes them.
"""

from __future__ import annotations

from decimal import Decimal

from wtforms import RadioField, SelectChoice

from advisor.answers.contribution import CostAdvice
from advisor.answers.protections import SubsidyAnswer, cost_subsidy, status_label, subsidy_answer
from advisor.i18n import lazy_gettext as _l
from advisor.i18n import localized
from advisor.policy.protections import subsidy_entry
from advisor.rules.calendar import YearMonth
from advisor.rules.protections import net_cost
from advisor.web.choices import YES_NO_UNKNOWN, content, tri_state
from advisor.web.figures import citation, figure_view

NONE = "none"
SUBSIDY_CHOICES = (
    SelectChoice(NONE, _l("No, or I don't know")), SelectChoice("meituan", _l("Meituan (美团)")),
    SelectChoice("eleme", _l("Ele.me / Taobao Shangou (饿了么 / 淘宝闪购)")),
    SelectChoice("jd", _l("I am a full-time JD (京东) rider")))


def subsidy_field() -> RadioField:
    return RadioField(
        _l("Does a platform subsidise your insurance? (optional)"), choices=SUBSIDY_CHOICES,
        validate_choice=False,
        description=_l("Only Meituan's subsidy has a published amount; 饿了么 / 淘宝闪购 publish only "
                       "“at least 50%”."))


def condition_field() -> RadioField:
    return RadioField(_l("Did you meet the platform's condition this month? (optional)"), choices=YES_NO_UNKNOWN,
                      validate_choice=False,
                      description=_l("Meituan: your platform income reached the lowest base this month, and in 3 "
                                     "of the last 6 months."))


def chosen_platform(form) -> str | None:
    chosen = form.platform_subsidy.data
    return chosen if chosen in ("meituan", "eleme") else None


def employer_route(form) -> dict | None:
    """A full-time JD rider is a JD employee: the result says so instead of counting a subsidy."""
    if form.platform_subsidy.data != "jd":
        return None
    entry = subsidy_entry(content(), "jd")
    source_text = citation(entry["condition"]["source"])
    return {"employer": True, "rule": localized(entry["rule"]), "condition": localized(entry["condition"]["text"]),
            "status": entry["condition"]["status"],
            "status_label": status_label(content(), entry["condition"]["status"]), "citation": source_text}


def subsidy_display(answer: SubsidyAnswer) -> dict:
    subsidy = answer.subsidy
    source_text = citation(answer.source) if answer.source else None
    share = None
    if subsidy.share is not None:
        share = figure_view(content().figure(answer.share_parameter, answer.on))
    return {
        "answer": answer, "subsidy": subsidy, "status_label": status_label(content(), answer.status),
        "citation": source_text, "share": share,
        "floor": content().figure("pension.base_floor", answer.on).value,
        "rate": content().figure("pension.total_rate", answer.on).value,
    }


def calculator_subsidy(form, advice: CostAdvice) -> dict | None:
    platform = chosen_platform(form)
    if platform is None:
        return employer_route(form)
    answer = cost_subsidy(content(), platform, tri_state(form.subsidy_condition_met.data), advice)
    return subsidy_display(answer)


def forecast_subsidy(form, month: YearMonth, rows) -> dict | None:
    """The subsidy for this month and the net cost of each compared base (pension only)."""
    platform = chosen_platform(form)
    if platform is None:
        return employer_route(form)
    chosen = next((row for row in rows if row.chosen), rows[0])
    answer = subsidy_answer(content(), platform, tri_state(form.subsidy_condition_met.data), month, chosen.cost,
                            True, content().figure("money.rounding", month.first_day).value)
    display = subsidy_display(answer)
    display["net"] = {row.base: net_cost(row.cost, answer.subsidy.amount) for row in rows}
    return display


def net_for(display: dict | None, base: Decimal) -> Decimal | None:
    return display["net"].get(base) if display else None
