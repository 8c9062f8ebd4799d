"""The check's result as the page shows it: a card per insurance with its reasons, retirement and notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advisor.answers.eligibility import EligibilityAdvice
from advisor.answers.explain import (
    check_message,
    notice_extras,
    notice_message,
    rule_quote,
    scheme_name,
    work_name,
)
from advisor.answers.protections import employee_route, status_label
from advisor.i18n import format_age, format_long_date, format_year_month, format_yuan
from advisor.i18n import gettext as _
from advisor.policy.inputs import REFORM_FIRST_DAY
from advisor.rules.types import Outcome, Scheme
from advisor.web.choices import content
from advisor.web.citations import Citation
from advisor.web.figures import FigureView, NoticeView, citation, figure_view
from advisor.web.guide_views import link
from advisor.web.pages.check.form import ANSWER_NAMES, CheckForm
from advisor.web.person import CATEGORY_NAMES, DONT_KNOW
from advisor.web.retirement_window import window_view
from advisor.web.summary import join_names, summary

# Notices with a guide page that says more (guide_views.LINKS keys).
NOTICE_GUIDES = {"stop_when_leaving_shenzhen": "leaving", "continue_contributing": "resident"}
FEMALE_DEFAULT_PARAMETER = "retirement.female_flexible_worker_category"
@dataclass(frozen=True)
class RuleView:
    """A condition in plain words, with the rule it comes from and where that rule is published."""

    message: str
    quote: str
    citation: Citation | None
    url: str | None


@dataclass(frozen=True)
class CardView:
    scheme: Scheme
    eligible: bool
    reasons: tuple[RuleView, ...]  # every failing condition
    met: tuple[RuleView, ...]  # the conditions met, so a "yes" is explained too

    @property
    def met_quotes(self) -> list[str]:
        """The rules behind the conditions met, each once (several conditions quote the same line)."""
        return list(dict.fromkeys(view.quote for view in self.met))

    @property
    def sources(self) -> list[tuple[Citation | None, str | None]]:
        return list(dict.fromkeys((view.citation, view.url) for view in (*self.reasons, *self.met)))

    @property
    def rules(self) -> tuple:
        """What "What the rules say" shows: the rules' words and sources, the same for everyone they apply to (the
        messages, which hold the person's facts, are not in it). Keys that part's rendering."""
        return (len(self.reasons), *((view.quote, view.citation, view.url) for view in (*self.reasons, *self.met)))


@dataclass(frozen=True)
class RetirementView:
    age: str
    month: object
    date: date
    category: str
    assumed: bool
    reached: bool
    schedule: FigureView
    default: FigureView | None  # the assumed category's status and source, when it was assumed
    window: object = None  # the flexible-retirement window (pages/pension_at_retirement/window.py)


def rule_view(check, scheme: Scheme, as_of: date) -> RuleView:
    return RuleView(check_message(content(), check, scheme, as_of), *rule_source(check))


def rule_source(check) -> tuple[str, Citation | None, str | None]:
    """A condition's rule and where it is published (the same for everyone)."""
    text = citation(content().texts["eligibility"][check.condition]["source"])
    return rule_quote(content(), check), text, text.url if text else None


def card_view(verdict, as_of: date) -> CardView:
    def views(outcome: Outcome) -> tuple[RuleView, ...]:
        return tuple(rule_view(c, verdict.scheme, as_of) for c in verdict.checks if c.outcome is outcome)

    return CardView(verdict.scheme, verdict.eligible, reasons=views(Outcome.NOT_MET), met=views(Outcome.MET))


def retirement_view(advice: EligibilityAdvice) -> RetirementView:
    retirement = advice.retirement
    on = max(advice.as_of, REFORM_FIRST_DAY)  # as the rules read the schedule (policy.inputs)
    default = figure_view(content().figure(FEMALE_DEFAULT_PARAMETER, on)) if retirement.category_assumed else None
    return RetirementView(
        age=format_age(retirement.age_years, retirement.age_months),
        month=retirement.month,
        date=retirement.date,
        category=str(CATEGORY_NAMES[retirement.category]),
        assumed=retirement.category_assumed,
        reached=retirement.reached_on(advice.as_of),
        schedule=figure_view(content().figure("retirement.reform", on)),
        default=default,
        window=window_view(retirement, advice.as_of),
    )


def notice_view(notice) -> NoticeView:
    source = content().texts["notices"][notice.code]["source"]
    text = citation(source)
    return NoticeView(notice.code, notice_message(content(), notice), text, text.url if text else None,
                      tuple(notice_extras(content(), notice)), "", link(NOTICE_GUIDES.get(notice.code)))


def eligibility_headline(cards: list[CardView], extension: bool = False) -> str:
    """The headline: which insurances this person can join and which not (the reasons follow); past the
    statutory age with months short, that paying on (延缴) is the way."""
    if extension and not any(card.eligible for card in cards):
        return _("You can no longer newly join as a flexible worker, but you can pay on into your pension (延缴).")
    yes = [scheme_name(content(), card.scheme) for card in cards if card.eligible]
    no = [scheme_name(content(), card.scheme) for card in cards if not card.eligible]
    if not no:
        return _("You can join %(names)s.", names=join_names(yes))
    if not yes:
        return _("You cannot join %(names)s as a flexible worker now. The reasons are below.", names=join_names(no))
    return _("You can join %(yes)s. You cannot join %(no)s now. The reasons are below.",
             yes=join_names(yes), no=join_names(no))


def employee_route_view(advice: EligibilityAdvice) -> dict | None:
    """A full-time JD rider: the verdict card sending them to employee insurance through JD."""
    if not any(check.code == "platform_employee" for verdict in advice.verdicts.values() for check in verdict.checks):
        return None
    route = employee_route(content(), "jd")
    text = citation(route.source) if route.source else None
    return {"route": route, "status_label": status_label(content(), route.status), "citation": text,
            "url": text.url if text else None}


def extension_summary(advice: EligibilityAdvice) -> tuple[str, list[tuple[str, str]]] | None:
    """Past the statutory age with months short and the pension drawn here (or not known where): paying on
    (延缴) is what this person can do, so it opens the result, with its months, cost and last month."""
    notice = next((n for n in advice.notices if n.code == "continue_contributing"), None)
    if notice is None:
        return None
    facts = notice.facts
    line = _("You can pay on (延缴) for %(months)s more months at about %(cost)s a month, until %(end)s; "
             "from %(start)s you can draw a monthly pension.", months=facts["months_needed"],
             cost=format_yuan(facts["monthly_cost"]), end=format_year_month(facts["end_month"]),
             start=format_year_month(facts["end_month"].plus(1)))
    if facts.get("place_unknown"):
        line += " " + _("Only where the pension will be drawn in Shenzhen: ask 12333 first.")
    figures = [(_("Months to pay"), str(facts["months_needed"])),
               (_("A month"), format_yuan(facts["monthly_cost"])),
               (_("Until"), format_year_month(facts["end_month"]))]
    return line, figures


def result_view(advice: EligibilityAdvice) -> dict:
    cards = [card_view(advice.verdicts[scheme], advice.as_of) for scheme in Scheme]
    employee = employee_route_view(advice)
    view = {
        "employee_route": employee,
        "as_of": advice.as_of,
        "cards": cards,
        "any_eligible": any(card.eligible for card in cards),
        "retirement": retirement_view(advice),
        "notices": [notice_view(notice) for notice in advice.notices],
    }
    retirement = view["retirement"]
    lines = [_("Your statutory retirement age: %(age)s, reached in %(month)s.",
               age=retirement.age, month=format_year_month(retirement.month))]
    extension = extension_summary(advice)
    view["extension"] = extension is not None
    view["key_figures"] = extension[1] if extension else []
    if extension:  # what he can do replaces the retirement age (which stays under its own heading below)
        lines = [extension[0]]
    if employee:
        lines.insert(0, _("As a full-time JD rider you are insured through JD as an employee: ask your JD station or "
                          "12333."))
    view["summary"] = summary("check", eligibility_headline(cards, extension is not None), view, lines=lines)
    return view


def capitalized(text: str) -> str:
    """"platform worker" → "Platform worker" when it stands alone (no change in Chinese)."""
    return text[:1].upper() + text[1:]


def choice_label(field, value) -> str:
    return next((str(choice.label) for choice in field.iter_choices() if choice.value == value), "")


def answer_rows(form: CheckForm) -> list[tuple[str, str, str]]:
    """(question name, short name, answer as the user reads it) for each question that applies."""
    person = form.person()
    values = {
        "birth_date": format_long_date(person.birth_date),
        "sex": choice_label(form.sex, form.sex.data),
        "female_category": choice_label(form.female_category, form.female_category.data or DONT_KNOW),
        "hukou": choice_label(form.hukou, form.hukou.data),
        "residence_permit": choice_label(form.residence_permit, form.residence_permit.data),
        "work": capitalized(work_name(content(), person.work.value)),
        "platform_qualified": choice_label(form.platform_qualified, form.platform_qualified.data),
        "jd_full_time": choice_label(form.jd_full_time, form.jd_full_time.data),
        "full_time_student": choice_label(form.full_time_student, form.full_time_student.data),
        "employer_insured": choice_label(form.employer_insured, form.employer_insured.data),
        "insured_before": choice_label(form.insured_before, form.insured_before.data),
        "first_insured_month": (format_year_month(person.first_insured_month)
                                if person.first_insured_month else ""),
        "contributed_months": form.contributed_months.data or "",
        "pension_place": choice_label(form.pension_place, form.pension_place.data),
    }
    optional_unanswered = {"jd_full_time"} - {name for name in values if values[name]}
    return [(name, str(short), values[name]) for name, short in ANSWER_NAMES.items()
            if form.is_asked(name) and name not in optional_unanswered]
