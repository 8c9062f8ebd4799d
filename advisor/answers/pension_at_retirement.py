"""The pension at retirement from a known record, and the flexible-retirement window, composed from
content/ and the rules. No web framework here.

Both POST /api/v1/pension-at-retirement and the 退休时能领多少 page call `pension_at_retirement`, so
they always agree; the check page's retirement section calls `flexible_window`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from advisor.i18n import gettext as _
from advisor.policy import Content, Figure, NotInForce
from advisor.policy.errors import FigureMissing
from advisor.policy.forecast_inputs import INTERPOLATION_RULE
from advisor.policy.inputs import STATUS_SEVERITY, FiguresNotInForce, female_default_category, retirement_schedules
from advisor.rules.calendar import YearMonth, add_months
from advisor.rules.flexible_retirement import (
    ChosenRetirement,
    FlexibleLimits,
    RetirementKind,
    RetirementWindow,
    choose_retirement,
    retirement_window,
)
from advisor.rules.pension_at_retirement import LocalSubsidyRule, PensionLines, Record
from advisor.rules.pension_at_retirement import pension_at_retirement as lines_for
from advisor.rules.retirement import Retirement, retirement_category, statutory_retirement
from advisor.rules.types import Category, Hukou, Notice, Sex

MINIMUM = "retirement.minimum_contribution_months"
FLEXIBLE = "retirement.flexible"
CALCULATION_BASE = "pension.calculation_base"
PAYOUT = "pension.payout_months"
PAYOUT_BY_MONTH = "pension.payout_months_by_month"
LOCAL_SUBSIDY = "pension.local_subsidy"
TRANSITIONAL = "pension.transitional_pension"
ROUNDING = "money.rounding"


@dataclass(frozen=True)
class Window:
    """The flexible window with the figures behind it, for the check page and the API's reasons."""

    window: RetirementWindow
    used: dict[str, Figure]
    # minimum contribution months by year, for the years the window spans (None: no figure that year)
    minimum_by_year: Mapping[int, int | None]

    @property
    def statutory(self) -> Retirement:
        return self.window.statutory


def _minimum_lookup(content: Content):
    cache: dict[int, int | None] = {}

    def minimum_months(year: int) -> int | None:
        if year not in cache:
            try:
                cache[year] = int(content.figure(MINIMUM, date(year, 1, 1)).value)
            except NotInForce:
                cache[year] = None
        return cache[year]
    return minimum_months


def flexible_window(content: Content, birth_date: date, sex: Sex, female_category: Category | None,
                    as_of: date) -> Window:
    category, assumed = retirement_category(sex, female_category, female_default_category(content, as_of))
    statutory = statutory_retirement(birth_date, category, retirement_schedules(content, as_of), assumed)
    return window_around(content, statutory, as_of)


def window_around(content: Content, statutory: Retirement, as_of: date) -> Window:
    """The flexible window around a statutory retirement (the check page has no birth date at hand:
    the birth month is the statutory month less the statutory age)."""
    schedule = retirement_schedules(content, as_of)[statutory.category]
    birth_date = add_months(statutory.date, -statutory.age_in_months)
    flexible = content.figure(FLEXIBLE, max(statutory.date, date(2025, 1, 1)))
    limits = FlexibleLimits(int(flexible.value["early_max_months"]), int(flexible.value["late_max_months"]))
    minimum_months = _minimum_lookup(content)
    window = retirement_window(birth_date, statutory, schedule, limits, minimum_months)
    years = range(window.earliest.year, window.latest.year + 1)
    used = {FLEXIBLE: flexible}
    try:
        used[MINIMUM] = content.figure(MINIMUM, statutory.date)
    except NotInForce:
        pass
    return Window(window, used, {year: minimum_months(year) for year in years})


@dataclass(frozen=True)
class PensionQuestion:
    birth_date: date
    sex: Sex
    retirement_month: YearMonth
    contribution_months: int  # deemed months included
    average_index: Decimal
    personal_account_balance: Decimal
    hukou: Hukou
    female_category: Category | None = None
    local_supplementary_months: int = 0
    calculation_base: Decimal | None = None  # overrides the published one


@dataclass(frozen=True)
class CalculationBase:
    value: Decimal
    year: int  # the year of the figure used (the retirement year, or an earlier one still in force)
    given: bool
    figure: Figure | None  # the published figure (also when overridden, for comparison)

    @property
    def previous_year(self) -> bool:
        """The retirement year's base is not published yet: the latest one stands in for it."""
        return self.figure is not None and self.figure.carried_forward


@dataclass(frozen=True)
class PensionAnswer:
    question: PensionQuestion
    retirement: ChosenRetirement
    window: Window
    lines: PensionLines
    calculation_base: CalculationBase
    minimum_months: int | None  # for a monthly pension: of the year retired in when early, else of the statutory year
    used: dict[str, Figure]  # parameter id → figure, for every line
    transitional_note: Mapping[str, str]  # why the transitional pension is not computed (content)
    notices: tuple[Notice, ...]

    @property
    def transitional_pension(self) -> Decimal | None:
        return None  # its Shenzhen rule was not found (content: pension.transitional_pension is missing)

    @property
    def total(self) -> Decimal:
        return self.lines.total

    @property
    def status(self) -> str:
        statuses = [f.status for f in self.used.values()] + ["provisional"]
        return max(statuses, key=STATUS_SEVERITY.__getitem__)


def _calculation_base(content: Content, year: int, given: Decimal | None) -> CalculationBase:
    try:
        figure = content.figure(CALCULATION_BASE, date(year, 1, 1))
    except NotInForce:
        if given is None:
            raise
        figure = None
    if given is not None:
        return CalculationBase(given, year, True, figure)
    return CalculationBase(Decimal(figure.value), figure.effective.year, False, figure)


def _transitional_note(content: Content, on: date) -> Mapping[str, str]:
    try:
        content.figure(TRANSITIONAL, on)
    except FigureMissing as exc:
        return exc.note or {}
    except NotInForce:
        return {}
    raise ValueError(f"{TRANSITIONAL}: a rule was recorded, but this site does not implement it")


def pension_at_retirement(content: Content, question: PensionQuestion, as_of: date) -> PensionAnswer:
    """Raises OutsideWindow (with its reason) or FiguresNotInForce."""
    window = flexible_window(content, question.birth_date, question.sex, question.female_category, as_of)
    minimum_months = _minimum_lookup(content)
    chosen = choose_retirement(question.birth_date, question.retirement_month, window.window,
                               question.contribution_months, lambda year: minimum_months(year) or 0)
    on = question.retirement_month.first_day
    errors: list[NotInForce] = []
    used: dict[str, Figure] = {}

    def look(parameter_id: str, day: date) -> Figure | None:
        try:
            used[parameter_id] = content.figure(parameter_id, day)
        except NotInForce as exc:
            errors.append(exc)
            return None
        return used[parameter_id]

    try:
        base = _calculation_base(content, question.retirement_month.year, question.calculation_base)
    except NotInForce as exc:
        errors.append(exc)
        base = None
    payout = look(PAYOUT, on)
    if chosen.age_months:
        rule = look(PAYOUT_BY_MONTH, on)
        if rule is not None and rule.value != INTERPOLATION_RULE:
            raise ValueError(f"{PAYOUT_BY_MONTH}: unknown rule {rule.value!r}")
    subsidy = None
    if question.local_supplementary_months > 0:
        subsidy = look(LOCAL_SUBSIDY, on)
    rounding = look(ROUNDING, on)
    if errors:
        raise FiguresNotInForce(errors)
    if base.figure is not None:
        used[CALCULATION_BASE] = base.figure
    minimum_year = _minimum_year(chosen)
    try:
        used[MINIMUM] = content.figure(MINIMUM, date(minimum_year, 1, 1))
    except NotInForce:
        pass
    used[FLEXIBLE] = window.used[FLEXIBLE]

    record = Record(question.contribution_months, question.average_index, question.personal_account_balance,
                    question.local_supplementary_months)
    subsidy_rule = (LocalSubsidyRule(Decimal(subsidy.value["yuan_per_year_and_index"]),
                                     Decimal(subsidy.value["fixed_yuan"])) if subsidy else None)
    lines = lines_for(record, chosen.age_in_months, base.value,
                      {int(age): Decimal(months) for age, months in payout.value.items()},
                      subsidy_rule, rounding.value)
    required = minimum_months(minimum_year)
    answer_notices = _notices(question, chosen, base, lines, required)
    return PensionAnswer(question, chosen, window, lines, base, required, used,
                         _transitional_note(content, on), answer_notices)


def _minimum_year(chosen: ChosenRetirement) -> int:
    """Early retirement needs the minimum of the year actually retired in; at the statutory month or deferred,
    the minimum is the one of the year the statutory age is reached (2024 办法 Art. 2; 人社部发〔2024〕94号:
    a deferred retiree needs only the minimum of that year)."""
    if chosen.kind is RetirementKind.EARLY:
        return chosen.month.year
    return chosen.statutory.month.year


def _notices(question: PensionQuestion, chosen: ChosenRetirement, base: CalculationBase, lines: PensionLines,
             required: int | None) -> tuple[Notice, ...]:
    found = [Notice("record_estimate")]
    if chosen.kind is RetirementKind.EARLY:
        found.append(Notice("retiring_early", {"months": -chosen.months_from_statutory,
                                               "statutory": chosen.statutory.month, "required": required,
                                               "total": question.contribution_months}))
    elif chosen.kind is RetirementKind.DEFERRED:
        found.append(Notice("retiring_deferred", {"months": chosen.months_from_statutory,
                                                  "statutory": chosen.statutory.month}))
    if required is not None and chosen.kind is not RetirementKind.EARLY and question.contribution_months < required:
        found.append(Notice("minimum_not_met", {"required": required, "total": question.contribution_months,
                                                "missing": required - question.contribution_months,
                                                "year": _minimum_year(chosen)}))
    if base.given:
        found.append(Notice("calculation_base_given", {
            "value": base.value, "published": base.figure.value if base.figure else None,
            "published_year": base.figure.effective.year if base.figure else None}))
    elif base.previous_year:
        found.append(Notice("calculation_base_previous_year", {"year": question.retirement_month.year,
                                                               "used_year": base.year, "value": base.value}))
    else:
        found.append(Notice("calculation_base_until_published", {"year": base.year, "value": base.value}))
    if chosen.age_months:
        found.append(Notice("payout_months_interpolated", {"age_years": chosen.age_years,
                                                           "age_months": chosen.age_months,
                                                           "months": lines.payout_months}))
    if question.hukou is Hukou.SHENZHEN and question.local_supplementary_months == 0:
        found.append(Notice("no_local_supplementary_months"))
    found.append(Notice("transitional_not_included"))
    if chosen.statutory.category_assumed:
        found.append(Notice("female_category_to_confirm", {"category": chosen.statutory.category.value}))
    return tuple(found)


# Bounds of what a person may enter (checks on input, not rules).
INDEX_RANGE = (Decimal("0"), Decimal("3"))  # the base may not exceed 300% of the average wage
MAX_CONTRIBUTION_MONTHS = 720  # 60 years
CALCULATION_BASE_RANGE = (Decimal("1000"), Decimal("100000"))


def check_record(fields, months: int | None, index: Decimal | None, hukou: Hukou | None, local: int,
                 base: Decimal | None, month) -> None:
    """Checks shared by the API and the page (`fields` needs only `error(field, message)`)."""
    if months is not None and months > MAX_CONTRIBUTION_MONTHS:
        fields.error("contribution_months", _("Enter at most %(max)s months.", max=MAX_CONTRIBUTION_MONTHS))
    if index is not None and not INDEX_RANGE[0] < index <= INDEX_RANGE[1]:
        fields.error("average_index", _("Enter a number above %(low)s and at most %(high)s.",
                                        low=INDEX_RANGE[0], high=INDEX_RANGE[1]))
    if local and hukou is not None and hukou is not Hukou.SHENZHEN:
        fields.error("local_supplementary_months", _("Only people with Shenzhen hukou pay the local supplementary "
                                                     "pension; leave this at 0."))
    elif local and months is not None and local > months:
        fields.error("local_supplementary_months", _("This cannot be more than your total contribution months."))
    if base is not None and not CALCULATION_BASE_RANGE[0] <= base <= CALCULATION_BASE_RANGE[1]:
        fields.error("calculation_base", _("Enter a number from %(low)s to %(high)s.",
                                           low=CALCULATION_BASE_RANGE[0], high=CALCULATION_BASE_RANGE[1]))
