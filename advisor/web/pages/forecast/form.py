"""The questions of the pension forecast page, read into a ForecastQuestion.

Numbers are read the way people type them (full-width digits, "2.9%", "8,000元"); rates are asked
in per cent and handed to the rules as ratios. The bounds are the API's, so a question the page
accepts is one the API accepts too.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wtforms import SelectChoice, StringField
from wtforms.validators import ValidationError

from advisor.answers.forecast import (
    INTEREST_RANGE,
    WAGE_GROWTH_RANGE,
    ForecastQuestion,
    months_since_working_age,
)
from advisor.i18n import gettext
from advisor.i18n import lazy_gettext as _l
from advisor.rules.types import Category, Sex
from advisor.web.choices import HUKOU_CHOICES, ChoiceField
from advisor.web.dates import DatePartsField, check_birth_date
from advisor.web.fields import AmountField, PlainForm, YuanAmount
from advisor.web.numbers import HUNDRED, Balance, PastIndex, PercentRate, WholeNumber
from advisor.web.person import (
    BIRTH_DATE_MESSAGES,
    CATEGORY_CHOICES,
    RETIREMENT_MONTH_MESSAGES,
    SEX_CHOICES,
    FollowUpChoiceField,
)
from advisor.web.subsidy import condition_field, subsidy_field

WAGE_CHOICE = "wage"
MAX_YEARS_PAID = 99
MAX_MONTHS_PAID = 999  # months alone may be typed, e.g. 0 years and 120 months
class ForecastForm(PlainForm):
    # Platform subsidy (issue 12): optional, see advisor/web/subsidy.py
    platform_subsidy = subsidy_field()
    subsidy_condition_met = condition_field()
    # About you
    birth_date = DatePartsField(
        _l("What is your date of birth?"), messages=BIRTH_DATE_MESSAGES,
        description=_l("It decides your statutory retirement age. For example 1980, 5, 31."))
    sex = ChoiceField(_l("Are you a man or a woman?"), choices=SEX_CHOICES, required_message=_l("Choose man or woman"),
                      description=_l("Men and women have different retirement ages."))
    female_category = FollowUpChoiceField(
        _l("Women only: what was your original retirement age?"), choices=CATEGORY_CHOICES,
        description=_l("Before the 2025 reform women retired at 50 or 55, depending on the job. Most women "
                       "insured as flexible workers count as 55. If you are not sure, choose “I don't know”."))
    # What you have paid so far
    paid_years = StringField(_l("Years"), [WholeNumber(_l("Enter the years as a whole number, for example 10."))])
    paid_months = StringField(_l("Months"), [WholeNumber(_l("Enter the months as a whole number, for example 6."))])
    balance = StringField(
        _l("Your personal account balance today, if you know it (yuan)"), [Balance()],
        description=_l("Optional. It is on your contribution record (广东人社 app, “i深圳” or 12333). "
                       "Leave it empty and we estimate it."))
    hukou = FollowUpChoiceField(
        _l("Where is your hukou (household registration)?"), choices=HUKOU_CHOICES,
        description=_l("Optional. People with Shenzhen hukou also pay into a local supplementary pension; "
                       "we tell you about it only if it concerns you."))
    # Your base from now on
    base = ChoiceField(_l("Which base will you pay on from now on?"),
                       required_message=_l("Choose the base you will pay on"),
                       description=_l("The base is the monthly wage you declare. The average is last year's "
                                      "Guangdong average monthly wage."))
    wage = AmountField(_l("Your base, if you enter it yourself (yuan a month)"), [],
                       description=_l("Only if you chose “A wage I enter”. For example 8000."))
    # Assumptions
    wage_growth = StringField(
        _l("Wage growth a year (%)"),
        [PercentRate(WAGE_GROWTH_RANGE, _l("Enter the wage growth in per cent, for example 2.9."),
                     _l("Enter a wage growth from %(low)s to %(high)s per cent a year."))])
    interest = StringField(
        _l("Personal account interest a year (%)"),
        [PercentRate(INTEREST_RANGE, _l("Enter the interest in per cent, for example 1.5."),
                     _l("Enter an interest rate from %(low)s to %(high)s per cent a year."))])
    past_index = StringField(
        _l("Average contribution index of the years you have paid"), [PastIndex()],
        description=_l("Optional. Your base divided by the average wage, averaged over the months you have "
                       "paid: 1 if you paid on the average wage, 0.6 if your base was 0.6 times the average. "
                       "Leave it empty and we use the index of the base you choose now."))

    # Flexible retirement (issue 17): another month of the window instead of the statutory one
    retirement_month = DatePartsField(
        _l("Retire in another month (flexible retirement)"), parts=("year", "month"), required=False,
        messages=RETIREMENT_MONTH_MESSAGES,
        description=_l("Optional. Leave empty for your statutory retirement month. Flexible retirement lets you "
                       "retire earlier (not before your original retirement age, and only with the minimum "
                       "contribution period) or later. For example 2038, 9."))

    as_of: date  # today, set by the view
    defaults: dict[str, Decimal]  # content defaults of the rates, as ratios
    floor_amount: Decimal | None  # today's floor, for the "lowest base" choice

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        check_birth_date(self, self.birth_date, self.as_of)
        self.check_female_category()
        self.check_months_paid()
        self.check_wage()
        return not self.error_list()


    def is_woman(self) -> bool:
        return self.sex.data == Sex.FEMALE.value

    def check_female_category(self) -> None:
        chosen = self.female_category.data
        if self.is_woman() and chosen and chosen not in {c.value for c in self.female_category.iter_choices()}:
            self.add_error(self.female_category, _l("Choose 55, 50 or “I don't know”"))

    def check_months_paid(self) -> None:
        years, months = self.paid_years, self.paid_months
        if years.errors or months.errors:
            return
        if years.number is None and months.number is None:
            self.add_error(years, _l("Enter how long you have paid into the pension, or 0 if you have never paid"))
            return
        if (years.number or 0) > MAX_YEARS_PAID or (months.number or 0) > MAX_MONTHS_PAID:
            self.add_error(years, _l("That is more than has passed since your 16th birthday."))
            return
        born = self.birth_date.data
        if born is not None and not self.birth_date.errors:
            possible = months_since_working_age(born, self.as_of)
            if self.months_paid() > possible:
                self.add_error(years, _l("That is more than has passed since your 16th birthday (%(months)s "
                                         "months).") % {"months": possible})

    def months_paid(self) -> int:
        return (self.paid_years.number or 0) * 12 + (self.paid_months.number or 0)

    def check_wage(self) -> None:
        if self.base.data != WAGE_CHOICE:
            return
        try:
            YuanAmount()(self, self.wage)
        except ValidationError as exc:
            self.add_error(self.wage, exc.args[0])

    def rate(self, name: str) -> Decimal | None:
        """The rate typed, or None when it is empty or equal to the content default (then the
        estimate says the default's status rather than "you entered this")."""
        ratio = self[name].ratio
        return None if ratio is None or ratio == self.defaults.get(name) else ratio

    def question(self) -> ForecastQuestion:
        chosen = self.base.data
        wage = multiple = None
        if chosen == WAGE_CHOICE:
            wage = self.wage.amount
        elif chosen == "floor":
            wage = self.floor_amount
        else:
            multiple = Decimal(chosen.removeprefix("avg")) / HUNDRED
        category = self.female_category.data if self.is_woman() else None
        return ForecastQuestion(
            birth_date=self.birth_date.data,
            sex=Sex(self.sex.data),
            contributed_months=self.months_paid(),
            base_wage=wage,
            base_multiple=multiple,
            female_category=Category(category) if category in (Category.F55, Category.F50) else None,
            balance=self.balance.amount,
            past_index=self.past_index.index,
            wage_growth=self.rate("wage_growth"),
            interest=self.rate("interest"),
            retirement_month=self.retirement_month.data,
        )


def base_choices(presets) -> list[SelectChoice]:
    """The floor and 60–300% of the average (their amounts today go in the hints), then "a wage I enter"."""
    choices = []
    for preset in presets:
        if preset.percent:
            choices.append(SelectChoice(preset.key, gettext("%(percent)s%% of the average", percent=preset.percent)))
        else:
            choices.append(SelectChoice(preset.key, gettext("The lowest base")))
    return [*choices, SelectChoice(WAGE_CHOICE, gettext("A wage I enter"))]
