"""Plain-words messages for verdicts and notices, from the bilingual texts in content/rules/."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from advisor.i18n import format_age, format_long_date, format_year_month, format_yuan, gettext, localized
from advisor.policy import Content, Figure
from advisor.policy.errors import NotInForce
from advisor.rules.calendar import YearMonth
from advisor.rules.types import Check, Notice, Outcome, Scheme


def scheme_name(content: Content, scheme: Scheme, short: bool = True) -> str:
    return localized(content.texts["schemes"][scheme.value]["short" if short else "name"])


def work_name(content: Content, kind: str) -> str:
    return localized(content.texts["work_kinds"][kind]["short"])


def check_message(content: Content, check: Check, scheme: Scheme, as_of: date) -> str:
    rule = content.texts["eligibility"][check.condition]
    facts = check.facts
    key = "met" if check.outcome is Outcome.MET else "not_met"
    if check.condition == "residence" and facts.get("shenzhen_hukou") and key == "met":
        key = "met_shenzhen"
    values = {
        "scheme": scheme_name(content, scheme),
        "as_of": format_long_date(as_of),
        "age": facts.get("age"),
        "min_age": facts.get("min_age"),
        "reach_date": format_long_date(facts["reach_date"]) if "reach_date" in facts else "",
        "retirement_date": format_long_date(facts["retirement_date"]) if "retirement_date" in facts else "",
        "retirement_age": format_age(facts["age_years"], facts["age_months"]) if "age_years" in facts else "",
        "work": work_name(content, facts["work"]) if "work" in facts else "",
    }
    return localized(rule[key]).format(**values)


def rule_quote(content: Content, check: Check) -> str:
    return localized(content.texts["eligibility"][check.condition]["quote"])


def notice_message(content: Content, notice: Notice) -> str:
    text = content.texts["notices"][notice.code]
    values = {}
    if notice.code == "temporary_pension_account":
        values = {"first_age": notice.facts["first_age"],
                  "sex_threshold": localized(text["thresholds"][notice.facts["sex"]])}
    else:
        values = {key: _fact(value) for key, value in notice.facts.items()}
    if "variants" in text:
        return localized(text["variants"][notice.facts["variant"]]).format(**values)
    return localized(text["message"]).format(**values)


def back_dated_from(figures) -> date | None:
    """The first day of the unpublished period when a figure carried forward past its period is among `figures`."""
    ends = [figure.until for figure in figures if figure.carried_forward and figure.until]
    return min(ends) + timedelta(days=1) if ends else None


def back_dating_message(content: Content, figures: list[Figure] | tuple[Figure, ...]) -> str | None:
    """Where a carried-forward figure sets a cost: new figures are applied back to 1 July, so a top-up may follow
    (content/rules/notices.yaml back_dated); None when every figure is of its own period."""
    start = back_dated_from(figures)
    if start is None:
        return None
    return localized(content.texts["notices"]["back_dated"]["message"]).format(start=format_long_date(start))


def before_records_message(content: Content, retirement_date: date) -> str:
    """The statutory age was reached before July 2011, the first minimum contribution period on record: what this
    site does not cover and whom to ask (the eligibility notice's words)."""
    return notice_message(content, Notice("extension_before_records", {"retirement_date": retirement_date,
                                                                       "first": date(2011, 7, 1)}))


def notice_extras(content: Content, notice: Notice) -> list[str]:
    """Further paragraphs of a notice: the pension-place condition when it is not known, the alternatives, and
    the back-dating line when the cost rests on a carried-forward figure."""
    text = content.texts["notices"][notice.code]
    extras = []
    if notice.facts.get("back_dated_from"):
        extras.append(localized(content.texts["notices"]["back_dated"]["message"]).format(
            start=format_long_date(notice.facts["back_dated_from"])))
    if notice.facts.get("place_unknown") and "place_unknown" in text:
        extras.append(localized(text["place_unknown"]))
    if "alternatives" in text:
        extras.append(localized(text["alternatives"]))
    return extras


def _fact(value):
    """A notice's figure as users read it: months as a month label, money in yuan, days as a long date."""
    if isinstance(value, YearMonth):
        return format_year_month(value)
    if isinstance(value, Decimal):
        return format_yuan(value)
    if isinstance(value, date):
        return format_long_date(value)
    return value


def figure_description(content: Content, parameter_id: str) -> str:
    return localized(content.parameters[parameter_id].description)


def not_in_force_message(content: Content, error: NotInForce) -> str:
    name = figure_description(content, error.parameter_id)
    if error.reason == "missing" and error.note:
        return gettext("%(figure)s: not available for %(date)s. %(why)s",
                       figure=name, date=format_long_date(error.on), why=localized(error.note))
    first = content.parameters[error.parameter_id].entries[0].effective
    if error.reason == "before_first":
        return gettext("%(figure)s: this site has figures from %(first)s onwards, not for %(date)s.",
                       figure=name, first=format_long_date(first), date=format_long_date(error.on))
    return gettext("%(figure)s: no figure is in force on %(date)s.", figure=name, date=format_long_date(error.on))
