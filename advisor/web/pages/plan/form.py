"""The plan asks nothing: it reads the answers the earlier pages carried forward (advisor/web/journey.py) into a
PlanQuestion. Those pages checked every answer when it was given; here an answer that is missing or garbled
(an edited page, an old saved link) leaves its part of the plan out, and the plan offers the page that asks it.
The answers are read as the pages read them: the check's Person, the calculator's base and insurances, the
forecast's question (the base as a choice, the rates in per cent)."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from advisor.answers.contribution import pension_base_presets
from advisor.answers.forecast import ForecastQuestion
from advisor.answers.plan import PlanQuestion
from advisor.policy import NotInForce
from advisor.rules.calendar import YearMonth
from advisor.rules.extension import PensionPlace
from advisor.rules.money import AmountError, parse_yuan
from advisor.rules.types import Category, Hukou, Person, Scheme, Sex, Work
from advisor.web.choices import content, tri_state
from advisor.web.numbers import HUNDRED

DEFAULT_RATES = {"wage_growth": "forecast.wage_growth", "interest": "forecast.account_interest"}


class Answers:
    """The posted answers, read leniently: None for anything missing or not as the pages send it."""

    def __init__(self, form) -> None:
        self.form = form

    def text(self, name: str) -> str:
        return unicodedata.normalize("NFKC", self.form.get(name, "")).strip()

    def choice(self, name: str, kind):
        try:
            return kind(self.text(name))
        except ValueError:
            return None

    def whole(self, name: str) -> int | None:
        text = self.text(name)
        return int(text) if text.isdigit() and len(text) <= 4 else None

    def amount(self, name: str) -> Decimal | None:
        try:
            return parse_yuan(self.text(name)) if self.text(name) else None
        except AmountError:
            return None

    def number(self, name: str) -> Decimal | None:
        try:
            value = Decimal(self.text(name).removesuffix("%"))
        except InvalidOperation:
            return None
        return value if value.is_finite() else None

    def day(self, stem: str) -> date | None:
        try:
            return date(int(self.text(f"{stem}-year")), int(self.text(f"{stem}-month")), int(self.text(f"{stem}-day")))
        except (ValueError, OverflowError):  # a day far past any calendar's is no date either
            return None

    def month(self, stem: str) -> YearMonth | None:
        try:
            return YearMonth(int(self.text(f"{stem}-year")), int(self.text(f"{stem}-month")))
        except (ValueError, OverflowError):
            return None

    def yes(self, name: str) -> bool:
        return self.text(name) == "yes"


def read_person(answers: Answers) -> Person | None:
    """The check's answers as the check reads them (pages/check/form.py: questions that do not apply ignored)."""
    born, sex = answers.day("birth_date"), answers.choice("sex", Sex)
    hukou, work = answers.choice("hukou", Hukou), answers.choice("work", Work)
    student, employer = answers.text("full_time_student"), answers.text("employer_insured")
    if None in (born, sex, hukou, work) or student not in ("yes", "no") or employer not in ("yes", "no"):
        return None
    platform = work is Work.PLATFORM
    category = answers.choice("female_category", Category) if sex is Sex.FEMALE else None
    insured_before = hukou is Hukou.OTHER_PROVINCE and answers.yes("insured_before")
    return Person(
        birth_date=born, sex=sex, hukou=hukou,
        residence_permit=hukou is not Hukou.SHENZHEN and answers.yes("residence_permit"),
        full_time_student=student == "yes", employer_insured=employer == "yes", work=work,
        female_category=category if category in (Category.F55, Category.F50) else None,
        platform_qualified=answers.yes("platform_qualified") if platform else True,
        first_insured_month=answers.month("first_insured_month") if insured_before else None,
        platform_employee=platform and answers.yes("jd_full_time"),
    )


def read_base(answers: Answers, month: YearMonth) -> Decimal | None:
    """The base declared: the amount typed, or the amount of the choice (the lowest, 60%… of the average)."""
    chosen = answers.text("base")
    if chosen and chosen != "wage":
        try:
            preset = next((p for p in pension_base_presets(content(), month) if p.key == chosen), None)
        except NotInForce:
            preset = None
        if preset:
            return preset.amount
    return answers.amount("wage")


def rate(answers: Answers, name: str, as_of: date) -> Decimal | None:
    """A rate typed in per cent as a ratio; None when it is the content default (as the forecast reads it)."""
    typed = answers.number(name)
    if typed is None:
        return None
    ratio = typed / HUNDRED
    try:
        default = content().figure(DEFAULT_RATES[name], as_of).value
    except NotInForce:
        default = None
    return None if ratio == default else ratio


def read_forecast(answers: Answers, as_of: date) -> ForecastQuestion | None:
    born, sex = answers.day("birth_date"), answers.choice("sex", Sex)
    years, months = answers.whole("paid_years"), answers.whole("paid_months")
    if born is None or sex is None or (years is None and months is None):
        return None
    chosen = answers.text("base")
    wage = multiple = None
    if chosen.startswith("avg") and chosen[3:].isdigit() and len(chosen) <= 6:  # avg60 … avg300, the choices offered
        multiple = Decimal(chosen[3:]) / HUNDRED
    else:
        wage = read_base(answers, YearMonth.of(as_of))
    if wage is None and multiple is None:
        return None
    category = answers.choice("female_category", Category) if sex is Sex.FEMALE else None
    return ForecastQuestion(
        birth_date=born, sex=sex, contributed_months=(years or 0) * 12 + (months or 0),
        base_wage=wage, base_multiple=multiple,
        female_category=category if category in (Category.F55, Category.F50) else None,
        balance=answers.amount("balance"), past_index=answers.number("past_index"),
        wage_growth=rate(answers, "wage_growth", as_of), interest=rate(answers, "interest", as_of),
        retirement_month=answers.month("retirement_month"),
    )


def read_question(form, as_of: date) -> PlanQuestion:
    """Every answer the journey carried, as the plan's question."""
    answers = Answers(form)
    month = None
    try:
        month = YearMonth.parse(answers.text("month"))
    except ValueError:
        month = YearMonth.of(as_of)
    insurances = tuple(Scheme(value) for value in form.getlist("insurances") if value in {s.value for s in Scheme})
    contributed = answers.whole("contributed_months")
    place = answers.choice("pension_place", PensionPlace) if contributed is not None else None
    have = tuple(form.getlist("have")) or None
    return PlanQuestion(
        person=read_person(answers), contributed_months=contributed, pension_place=place,
        hukou=answers.choice("hukou", Hukou), month=month, wage=read_base(answers, month),
        insurances=insurances, platform=answers.text("platform_subsidy") or None,
        condition_met=tri_state(answers.text("subsidy_condition_met")),
        forecast=read_forecast(answers, as_of), have=have,
    )
