"""Ask once (issue 23): the answers given anywhere in the journey travel forward to every later page.

The journey is check → calculate → forecast → register → plan. Each answer belongs to a question, and each
question to the page that asks it first (its owner). A page's next-step buttons are small forms that POST
every answer known so far, with `known` naming the questions answered; a later page then leaves out each
known question it does not own (it rides along as a hidden field) and lists it under "Your answers" with a
Change button that POSTs everything back to the owner page, so nothing is lost. Nothing is kept on the
server: the answers live only in the request bodies and the hidden fields of the page (no cookie, no URL).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app, g, request, url_for
from wtforms import Form

from advisor.i18n import format_long_date, format_year_month, gettext
from advisor.i18n import lazy_gettext as _l
from advisor.rules.calendar import YearMonth
from advisor.web.choices import HUKOU_CHOICES, YES_NO, YES_NO_UNKNOWN
from advisor.web.handoff import answer_pairs
from advisor.web.person import CATEGORY_CHOICES, SEX_CHOICES
from advisor.web.prepared import prepared
from advisor.web.subsidy import SUBSIDY_CHOICES
from advisor.web.summary import join_names

CHECK, CALCULATE, FORECAST, REGISTER, PLAN = "web.check", "web.calculate", "web.forecast", "web.register", "web.plan"

# Each question of the journey: the page that asks it first, its short name for "Your answers", and the
# names its answer is posted under (a date is posted in parts).
@dataclass(frozen=True)
class Question:
    owner: str
    label: object
    names: tuple[str, ...] = ()
    anchor: str = ""  # the id the Change button lands on (the question's first box)


def _q(owner: str, label, *names: str, anchor: str = "") -> Question:
    return Question(owner, label, names, anchor)


QUESTIONS: dict[str, Question] = {
    "birth_date": _q(CHECK, _l("Date of birth"), "birth_date-year", "birth_date-month", "birth_date-day"),
    "sex": _q(CHECK, _l("Sex")),
    "female_category": _q(CHECK, _l("Original retirement age")),
    "hukou": _q(CHECK, _l("Hukou")),
    "residence_permit": _q(CHECK, _l("Shenzhen residence registration or permit")),
    "work": _q(CHECK, _l("Kind of work")),
    "platform_qualified": _q(CHECK, _l("Platform qualification and taking orders")),
    "jd_full_time": _q(CHECK, _l("Full-time JD (京东) rider")),
    "full_time_student": _q(CHECK, _l("Full-time student")),
    "employer_insured": _q(CHECK, _l("Insured through an employer")),
    "insured_before": _q(CHECK, _l("Insured in Guangdong before")),
    "first_insured_month": _q(CHECK, _l("First month insured in Guangdong"),
                              "first_insured_month-year", "first_insured_month-month"),
    "contributed_months": _q(CHECK, _l("Months of pension paid")),
    "pension_place": _q(CHECK, _l("Where the pension will be drawn")),
    # The base as a choice (the lowest, 60%… of the average, or an amount), and the amount ("wage").
    "base": _q(CALCULATE, _l("Your base"), "base", "wage", anchor="wage"),
    "insurances": _q(CALCULATE, _l("Which insurances"), anchor="insurances-0"),
    "month": _q(CALCULATE, _l("Which month")),
    "unemployment_wage": _q(CALCULATE, _l("Wage declared for unemployment insurance")),
    "platform_subsidy": _q(CALCULATE, _l("Platform subsidy"), anchor="platform_subsidy-0"),
    "subsidy_condition_met": _q(CALCULATE, _l("Platform's condition met"), anchor="subsidy_condition_met-0"),
    "paid": _q(FORECAST, _l("Pension paid so far"), "paid_years", "paid_months", anchor="paid_years"),
    "balance": _q(FORECAST, _l("Personal account balance")),
    "wage_growth": _q(FORECAST, _l("Wage growth a year (%)")),
    "interest": _q(FORECAST, _l("Personal account interest a year (%)")),
    "past_index": _q(FORECAST, _l("Average contribution index of the years you have paid")),
    "retirement_month": _q(FORECAST, _l("Retire in another month (flexible retirement)"),
                           "retirement_month-year", "retirement_month-month", anchor="retirement_month-year"),
    "have": _q(REGISTER, _l("What you have with you"), anchor="have-0"),
}
QUESTION_OF = {name: key for key, question in QUESTIONS.items() for name in (question.names or (key,))}
# The fields a saved plan's link fills in (static/js/handoff.js); answers with several values (the insurances,
# what the person has) are added by the script as it finds them.
RESTORE_NAMES = tuple(name for name in QUESTION_OF if name not in ("insurances", "have"))
MAX_VALUE_LENGTH = 40  # no answer of the journey is longer; anything longer is not carried


def question_of(name: str) -> str | None:
    """The journey question a posted field belongs to ("birth_date-year" → "birth_date"), or None."""
    return QUESTION_OF.get(name)


def posted_pairs() -> list[tuple[str, str]]:
    """Every journey answer in this request's body, in order (nothing on a GET)."""
    if request.method != "POST":
        return []
    return [(name, value) for name, value in request.form.items(multi=True)
            if name in QUESTION_OF and len(value) <= MAX_VALUE_LENGTH and value.strip()]


def posted_known() -> set[str]:
    """The questions the earlier pages asked (the `known` fields), as the request says."""
    if request.method != "POST":
        return set()
    return {name for name in request.form.getlist("known") if name in QUESTIONS}


@dataclass
class Journey:
    """One page's view of the journey: which of its questions are already answered, and what rides along."""

    endpoint: str
    own: set[str]  # the questions this page's form has
    known: set[str]
    posted: list[tuple[str, str]]
    form: Form | None = None
    extra: list[tuple[str, str]] = field(default_factory=list)  # answers the page works out (the base choice)

    def asks(self, question: str) -> bool:
        """Whether the page shows this question: its own, or not known yet."""
        return question not in self.known or QUESTIONS[question].owner == self.endpoint

    def hidden(self) -> list[str]:
        """The known questions this page leaves out (listed under "Your answers")."""
        posted = {question_of(name) for name, _value in self.posted}
        if self.endpoint == PLAN:  # the plan asks nothing: every answer is listed
            return [key for key in QUESTIONS if key in posted]
        return [key for key in QUESTIONS if key in self.known and not self.asks(key) and key in posted]

    def riding(self) -> list[tuple[str, str]]:
        """The hidden fields inside the page's own form: every posted answer the form does not show."""
        return [(name, value) for name, value in self.posted if not self.asks_field(name)]

    def asks_field(self, name: str) -> bool:
        key = question_of(name)
        return key in self.own and self.asks(key)

    def answers(self) -> list[tuple[str, str]]:
        """Everything known, for the next step and for Change: the answers riding along, then this page's."""
        replaced = {name for name, _value in self.extra}
        own = [(n, v) for n, v in (answer_pairs(self.form) if self.form is not None else []) if n not in replaced]
        own_keys = {question_of(name) for name, _value in own} | {question_of(name) for name, _v in self.extra}
        riding = [(name, value) for name, value in self.posted if question_of(name) not in own_keys]
        return riding + [(n, v) for n, v in own if question_of(n)] + self.extra

    @property
    def then(self) -> str:
        """The next step pressed under a live result (static/js/journey.js): the result page is sent first, so
        Back returns to it, and goes on to this address by itself. Only a page of the journey."""
        chosen = request.form.get("then", "") if request.method == "POST" else ""
        steps = {url_for(endpoint) for endpoint in (CHECK, CALCULATE, FORECAST, REGISTER, PLAN)
                 if self.offers(endpoint)}
        return chosen if chosen in steps else ""

    def platform_worker(self) -> bool:
        """The check said this person works for a platform (their subsidy question then comes first)."""
        return ("work", "platform") in self.posted

    @staticmethod
    def offers(endpoint: str) -> bool:
        """Whether the site has this page (an instance may leave some out)."""
        return endpoint in current_app.view_functions

    def next_pairs(self, extra: list[tuple[str, str]] | tuple = ()) -> list[tuple[str, str]]:
        """The answers for a next-step button; `extra` replaces answers of the same name (the check sends
        the insurances this person can join)."""
        replaced = {name for name, _value in extra}
        return [(n, v) for n, v in self.answers() if n not in replaced] + list(extra)

    def next_known(self) -> list[str]:
        """`known` for the next page: the questions known so far and those answered here."""
        keys = self.known | {question_of(name) for name, _value in self.answers()}
        return [key for key in QUESTIONS if key in keys]

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(question, short name, answer in words, where Change goes) for "Your answers"."""
        values = dict_of(self.posted)
        rows = []
        for key in self.hidden():
            shown = answer_text(key, values)
            if shown:
                question = QUESTIONS[key]
                anchor = question.anchor or (f"q-{key}" if question.owner == CHECK else key)
                rows.append((key, str(question.label), shown, url_for(question.owner) + "#" + anchor))
        return rows


def start(endpoint: str, form: Form | None) -> Journey:
    """The page's journey for this request (also kept in flask.g for the templates)."""
    own = {question_of(f.name) or question_of(f"{f.name}-year") for f in form} if form is not None else set()
    own.discard(None)
    if form is not None and "wage" in form._fields:
        own.add("base")
    journey = Journey(endpoint, own, posted_known(), posted_pairs(), form)
    g.journey = journey
    return journey


def current() -> Journey | None:
    return g.get("journey")


def dict_of(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    return values


def _label(choices, value: str) -> str:
    return next((str(choice.label) for choice in choices if choice.value == value), "")


def _date_text(values: dict[str, list[str]], stem: str, day: bool = True) -> str:
    try:
        year, month = int(values[f"{stem}-year"][0]), int(values[f"{stem}-month"][0])
        if day:
            return format_long_date(YearMonth(year, month).first_day.replace(day=int(values[f"{stem}-day"][0])))
        return format_year_month(YearMonth(year, month))
    except (KeyError, ValueError):
        return ""


def base_text(values: dict[str, list[str]]) -> str:
    chosen = (values.get("base") or [""])[0]
    amount = (values.get("wage") or [""])[0]
    if chosen == "floor":
        return gettext("The lowest base")
    if chosen.startswith("avg") and chosen[3:].isdigit():
        return gettext("%(percent)s%% of the average", percent=chosen[3:])
    return gettext("%(amount)s yuan a month", amount=amount) if amount else ""


def answer_text(key: str, values: dict[str, list[str]]) -> str:
    """An answer as the person reads it ("1996年3月15日", "男", "最低缴费基数")."""
    one = (values.get(key) or [""])[0]
    choices = {
        "sex": SEX_CHOICES, "female_category": CATEGORY_CHOICES, "hukou": HUKOU_CHOICES,
        "residence_permit": YES_NO, "platform_qualified": YES_NO, "jd_full_time": YES_NO,
        "full_time_student": YES_NO, "employer_insured": YES_NO, "insured_before": YES_NO,
        "subsidy_condition_met": YES_NO_UNKNOWN, "platform_subsidy": SUBSIDY_CHOICES,
        "work": prepared().work_kinds,
    }
    if key in choices:
        return _label(choices[key], one)
    if key == "birth_date":
        return _date_text(values, "birth_date")
    if key in ("first_insured_month", "retirement_month"):
        return _date_text(values, key, day=False)
    if key == "base":
        return base_text(values)
    if key == "paid":
        years, months = (values.get("paid_years") or ["0"])[0], (values.get("paid_months") or ["0"])[0]
        return gettext("%(years)s years %(months)s months", years=years or "0", months=months or "0")
    if key == "insurances":
        return join_names([_label(prepared().schemes, value) for value in values.get(key, ())])
    if key == "have":
        return join_names([_label(prepared().register_have, value) for value in values.get(key, ())])
    if key == "month":
        try:
            return format_year_month(YearMonth.parse(one))
        except ValueError:
            return ""
    return one


def init_app(app) -> None:
    app.jinja_env.globals.update(journey=current)
