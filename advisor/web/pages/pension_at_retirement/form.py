"""The questions of the pension-at-retirement page, read into the API's PensionQuestion.

Numbers are read the way people type them (full-width digits, "30年", "0.7183"); the bounds and the
cross-field checks are the API's (advisor.answers.pension_at_retirement.check_record).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from wtforms import StringField
from wtforms.validators import ValidationError

from advisor.answers.pension_at_retirement import PensionQuestion, check_record
from advisor.i18n import lazy_gettext as _l
from advisor.rules.types import Category, Hukou, Sex
from advisor.web.choices import HUKOU_CHOICES, ChoiceField
from advisor.web.dates import DatePartsField, check_birth_date
from advisor.web.fields import PlainForm
from advisor.web.numbers import Balance, WholeNumber, clean
from advisor.web.person import (
    BIRTH_DATE_MESSAGES,
    CATEGORY_CHOICES,
    RETIREMENT_MONTH_MESSAGES,
    SEX_CHOICES,
    FollowUpChoiceField,
)

BALANCE_REQUIRED = _l("Enter your personal account balance in yuan")
_INDEX = re.compile(r"^[0-9](\.[0-9]{1,4})?$")
_BASE = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,2})?$")

class IndexNumber:
    def __call__(self, form, field) -> None:
        field.index = None
        text = clean(field.data)
        if not text:
            raise ValidationError(_l("Enter your average contribution index, for example 0.7183"))
        if not _INDEX.match(text):
            raise ValidationError(_l("Enter the index as a number with up to 4 decimals, for example 0.7183"))
        field.index = Decimal(text)


class OptionalBase:
    def __call__(self, form, field) -> None:
        field.amount = None
        text = clean(field.data).replace(",", "").removesuffix("元")
        if not text:
            return
        if not _BASE.match(text):
            raise ValidationError(_l("Enter the calculation base in yuan, for example 11293"))
        field.amount = Decimal(text)


class PensionAtRetirementForm(PlainForm):
    # About you
    birth_date = DatePartsField(
        _l("What is your date of birth?"), messages=BIRTH_DATE_MESSAGES,
        description=_l("It decides your statutory retirement age. For example 1975, 10, 15."))
    sex = ChoiceField(_l("Are you a man or a woman?"), choices=SEX_CHOICES, required_message=_l("Choose man or woman"))
    female_category = FollowUpChoiceField(
        _l("Women only: what was your original retirement age?"), choices=CATEGORY_CHOICES,
        description=_l("Before the 2025 reform women retired at 50 or 55, depending on the job. If you are not "
                       "sure, choose “I don't know”."))
    hukou = ChoiceField(_l("Where is your hukou?"), choices=HUKOU_CHOICES, required_message=_l("Choose your hukou"))
    # When you retire
    retirement_month = DatePartsField(
        _l("In which month do you retire?"), parts=("year", "month"), messages=RETIREMENT_MONTH_MESSAGES,
        description=_l("Your statutory month, or an earlier or later one within the flexible-retirement window. "
                       "For example 2026, 3."))
    # Your record
    paid_years = StringField(_l("Years"), [WholeNumber(_l("Enter the years as a whole number, for example 30."))])
    paid_months = StringField(_l("Months"), [WholeNumber(_l("Enter the months as a whole number, for example 6."))])
    average_index = StringField(
        _l("Average contribution index"), [IndexNumber()],
        description=_l("On your record or approval sheet as “平均缴费指数” (average contribution index), for example "
                       "0.7183. 1 means you paid on "
                       "the average wage."))
    balance = StringField(
        _l("Personal account balance at retirement (yuan)"), [Balance(required=BALANCE_REQUIRED)],
        description=_l("On your record as “个人账户储存额” (personal account balance), for example 163426.28."))
    local_years = StringField(_l("Years"), [WholeNumber(_l("Enter the years as a whole number, for example 5."))])
    local_months = StringField(_l("Months"), [WholeNumber(_l("Enter the months as a whole number, for example 8."))])
    calculation_base = StringField(
        _l("Calculation base, if you want to use another one (yuan)"), [OptionalBase()],
        description=_l("Optional. The office uses last year's base until this year's is published, then "
                       "recalculates. To check an approval sheet, enter the base printed on it."))

    as_of: date  # today, set by the view

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        check_birth_date(self, self.birth_date, self.as_of)
        if self.is_woman() and self.female_category.data not in {c.value for c in
                                                                  self.female_category.iter_choices()}:
            self.add_error(self.female_category, _l("Choose 55, 50 or “I don't know”"))
        if not (self.paid_years.errors or self.paid_months.errors) and self.paid_years.number is None \
                and self.paid_months.number is None:
            self.add_error(self.paid_years, _l("Enter how long you have paid, deemed years included"))
        if not self.error_list():
            check_record(self, self.contribution_months(), self.average_index.index, self.chosen_hukou(),
                         self.local_supplementary_months(), self.calculation_base.amount, self.retirement_month.data)
        return not self.error_list()

    # check_record reports by the API's field names; these are the boxes they belong to.
    API_FIELDS = {"contribution_months": "paid_years", "local_supplementary_months": "local_years"}

    def error(self, field: str, message: str) -> None:
        self.add_error(self[self.API_FIELDS.get(field, field)], message)

    def is_woman(self) -> bool:
        return self.sex.data == Sex.FEMALE.value

    def chosen_hukou(self) -> Hukou | None:
        return Hukou(self.hukou.data) if self.hukou.data in {h.value for h in Hukou} else None

    def contribution_months(self) -> int:
        return (self.paid_years.number or 0) * 12 + (self.paid_months.number or 0)

    def local_supplementary_months(self) -> int:
        return (self.local_years.number or 0) * 12 + (self.local_months.number or 0)

    def question(self) -> PensionQuestion:
        category = self.female_category.data if self.is_woman() else None
        return PensionQuestion(
            birth_date=self.birth_date.data,
            sex=Sex(self.sex.data),
            retirement_month=self.retirement_month.data,
            contribution_months=self.contribution_months(),
            average_index=self.average_index.index,
            personal_account_balance=self.balance.amount,
            hukou=self.chosen_hukou(),
            female_category=Category(category) if category in (Category.F55, Category.F50) else None,
            local_supplementary_months=self.local_supplementary_months(),
            calculation_base=self.calculation_base.amount,
        )
