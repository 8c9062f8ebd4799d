"""The pension forecast, composed from content/ and the rules. No web framework here.

Both the JSON API and the forecast page call `forecast_pension`, so they always agree. The result
carries every content figure used (with status and source), every assumption (with its value,
whether the user gave it, and the content default behind it) and the notices to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.answers.explain import back_dated_from
from advisor.answers.pathways import medical_years_notice, minimum_months
from advisor.answers.pension_at_retirement import window_around
from advisor.policy import Content, Figure, NotInForce
from advisor.policy.forecast_inputs import ForecastInputs, forecast_inputs
from advisor.policy.inputs import STATUS_SEVERITY, female_default_category, retirement_schedules
from advisor.rules.calendar import YearMonth, add_months
from advisor.rules.contributions import clamp_base
from advisor.rules.extension import Extension, near_retirement, pension_start, shortfall
from advisor.rules.flexible_retirement import OutsideWindow, choose_retirement
from advisor.rules.forecast import (
    Assumptions,
    Forecast,
    PastContributions,
    contribution_index,
    estimated_past_balance,
    forecast,
    in_todays_money,
)
from advisor.rules.money import to_fen
from advisor.rules.pension_at_retirement import LocalSubsidyRule, local_subsidy
from advisor.rules.retirement import Retirement, retirement_category, statutory_retirement
from advisor.rules.types import Category, Notice, Sex

# Bounds of the editable inputs. Rates are ratios ("0.03" is 3%).
WAGE_GROWTH_RANGE = (Decimal("-0.10"), Decimal("0.20"))
INTEREST_RANGE = (Decimal("0"), Decimal("0.20"))
MULTIPLE_RANGE = (Decimal("0"), Decimal("10"))  # exclusive of 0; above 3 the ceiling applies
PAST_INDEX_RANGE = (Decimal("0"), Decimal("5"))  # exclusive of 0
EARLIEST_WORKING_AGE = 16  # no contribution month can fall before the 16th birthday


def months_since_working_age(birth_date: date, as_of: date) -> int:
    """The most months anyone can have paid: none can fall before the 16th birthday."""
    start = add_months(birth_date, EARLIEST_WORKING_AGE * 12)
    if start > as_of:
        return 0
    return (as_of.year - start.year) * 12 + (as_of.month - start.month)


@dataclass(frozen=True)
class ForecastQuestion:
    birth_date: date
    sex: Sex
    contributed_months: int  # months already paid, not counting the current month
    base_wage: Decimal | None = None  # exactly one of base_wage and base_multiple
    base_multiple: Decimal | None = None  # of the average wage in force now
    female_category: Category | None = None
    balance: Decimal | None = None  # personal-account balance today, if known
    past_index: Decimal | None = None  # average contribution index of the months already paid, if known
    wage_growth: Decimal | None = None
    interest: Decimal | None = None
    retirement_month: YearMonth | None = None  # a month of the flexible window; None: the statutory month


@dataclass(frozen=True)
class Assumption:
    """One thing the estimate takes for granted. `status` is None when the user gave the value;
    otherwise the content figure's status, and at best provisional for a method or projection."""

    code: str
    value: Any
    user_supplied: bool = False
    figure: Figure | None = None  # the content figure behind it, for its status, source and note
    facts: Mapping[str, Any] = field(default_factory=dict)
    status: str | None = "provisional"


def _assumed(code: str, value: Any, figure: Figure | None = None, user_supplied: bool = False,
             facts: Mapping[str, Any] | None = None, at_best: str = "provisional") -> Assumption:
    status = None
    if not user_supplied:
        statuses = [at_best] + ([figure.status] if figure else [])
        status = max(statuses, key=STATUS_SEVERITY.__getitem__)
    return Assumption(code, value, user_supplied, figure, facts or {}, status)


@dataclass(frozen=True)
class ExtensionView:
    """Past the statutory age with a shortfall: the months paid on (延缴) at the chosen base."""

    extension: Extension
    statutory: Retirement  # when the statutory age was reached
    monthly_cost: Decimal  # the first month's, at the chosen base
    total_cost: Decimal  # every month of 延缴, with the base growing as in the forecast


@dataclass(frozen=True)
class ForecastAdvice:
    as_of: date
    forecast: Forecast
    inputs: ForecastInputs
    assumptions: tuple[Assumption, ...]
    notices: tuple[Notice, ...]
    extension: ExtensionView | None = None
    statutory: Retirement | None = None  # when a flexible month was chosen: the statutory retirement

    @property
    def retirement(self) -> Retirement:
        return self.forecast.retirement

    @property
    def basic_pension_range(self):
        """The chosen base's basic pension across the candidate denominators; None when one of their
        averages is not recorded for the day of the forecast."""
        return self.forecast.estimate.basic_pension_range if self.inputs.range_known else None

    @property
    def retirement_kind(self) -> str:
        """"statutory", "early" or "deferred"."""
        if self.statutory is None or self.statutory.month == self.retirement.month:
            return "statutory"
        return "early" if self.retirement.month < self.statutory.month else "deferred"

    @property
    def status(self) -> str:
        """The worst status of every figure and default used; an estimate is never better than provisional."""
        statuses = [f.status for f in self.inputs.used.values()]
        statuses += [a.status for a in self.assumptions if a.status]
        return max(statuses + ["provisional"], key=STATUS_SEVERITY.__getitem__)


    @property
    def wage_growth(self) -> Decimal:
        """The yearly wage growth the estimate uses (the person's or the content default)."""
        return next(a.value for a in self.assumptions if a.code == "wage_growth")

    @property
    def years_to_retirement(self) -> int:
        """Whole calendar years from now to the retirement year: how often wages grow in between."""
        return self.retirement.month.year - self.as_of.year

    def in_todays_money(self, amount: Decimal) -> Decimal:
        return in_todays_money(amount, self.wage_growth, self.years_to_retirement, self.inputs.figures.rounding)


class AlreadyRetired(ValueError):
    """The statutory retirement age is reached on or before `as_of`: nothing left to forecast."""

    def __init__(self, retirement: Retirement) -> None:
        super().__init__(f"statutory retirement age reached on {retirement.date.isoformat()}")
        self.retirement = retirement


class RetiredBeforeRecords(AlreadyRetired):
    """The statutory age was reached before the first minimum contribution period on record (July 2011): this site
    cannot say what paying on would need (content/rules/notices.yaml extension_before_records says so)."""


class ExtensionBeyondTable(ValueError):
    """Paying on (延缴) would end past the last age of the payout-month table: no estimate is made."""

    def __init__(self, extension: Extension, age_years: int, last_age: int) -> None:
        super().__init__(f"延缴 to {extension.end_month} ends at {age_years}, past the table's {last_age}")
        self.extension = extension
        self.age_years = age_years
        self.last_age = last_age


def person_retirement(content: Content, birth_date: date, sex: Sex, female_category: Category | None,
                      as_of: date) -> Retirement:
    category, assumed = retirement_category(sex, female_category, female_default_category(content, as_of))
    return statutory_retirement(birth_date, category, retirement_schedules(content, as_of), assumed)


def _assumptions(question: ForecastQuestion, inputs: ForecastInputs, result: Forecast,
                 chosen: Assumptions) -> tuple[Assumption, ...]:
    defaults = inputs.defaults
    estimate = result.estimate
    months = estimate.future_months
    first, last = result.first_month, result.retirement.month.plus(-1)
    payout_rule = "pension.payout_months_by_month" if result.retirement.age_months else "pension.payout_months"
    found = [
        _assumed("wage_growth", chosen.wage_growth, defaults["wage_growth"], question.wage_growth is not None),
        _assumed("account_interest", chosen.interest, defaults["interest"], question.interest is not None,
                 {"published_years": tuple(sorted(inputs.published_interest))}),
        _assumed("index_denominator", defaults["index_denominator"].value, defaults["index_denominator"],
                 facts={"average_wage": inputs.figures.denominator,
                        "others": {code: (figure.value if figure is not None else None)
                                   for code, figure in inputs.other_denominators.items()},
                        "range": estimate.basic_pension_range if inputs.range_known else None,
                        "basic_pension": estimate.basic_pension}),
    ]
    if estimate.calculation_base.projected:
        found.append(_assumed("calculation_base_projected", estimate.calculation_base.value,
                              inputs.used["pension.calculation_base"],
                              facts={"year": estimate.calculation_base.year,
                                     "known_value": estimate.calculation_base.known_value,
                                     "known_year": estimate.calculation_base.known_year,
                                     "growth": chosen.wage_growth}))
    found += [
        _assumed("future_base", estimate.index, facts={"base": estimate.base.applied}),
        _assumed("past_index", result.past.index, user_supplied=question.past_index is not None,
                 facts={"months": result.past.months}),
        _assumed("past_balance", result.past.balance, user_supplied=question.balance is not None,
                 facts={"months": result.past.months, "estimated": result.past.balance_estimated}),
        _assumed("contribution_months", months,
                 facts={"first": first if months else None, "last": last if months else None}),
        _assumed("interest_method", None),
        # The whole-age table is confirmed; an interpolated age carries the interpolation rule's status.
        _assumed("payout_months", estimate.payout_months, inputs.used[payout_rule],
                 facts={"age_years": result.retirement.age_years, "age_months": result.retirement.age_months},
                 at_best="confirmed"),
        _assumed("nominal_amounts", None),
        _assumed("transitional_pension_excluded", None),
    ]
    return tuple(found)


def _notices(result: Forecast, inputs: ForecastInputs, minimum_year: int) -> tuple[Notice, ...]:
    estimate = result.estimate
    found = [Notice("estimate_only")]
    if not estimate.minimum.met:
        found.append(Notice("minimum_not_met", {
            "required": estimate.minimum.required_months, "total": estimate.minimum.total_months,
            "missing": estimate.minimum.missing_months, "year": minimum_year}))
    if estimate.base.clamped:
        found.append(Notice(f"base_raised_to_{estimate.base.clamped}" if estimate.base.clamped == "floor"
                            else "base_lowered_to_ceiling",
                            {"declared": estimate.base.declared, "applied": estimate.base.applied}))
    if any(row.multiple is not None and row.estimate.base.clamped == "floor" for row in result.comparison):
        found.append(Notice("comparison_row_raised_to_floor", {"floor": inputs.figures.floor}))
    carried = sorted(pid for pid, figure in inputs.used.items() if figure.carried_forward)
    if carried:
        found.append(Notice("figures_carried_forward", {"parameters": tuple(carried),
                                                        "start": back_dated_from(inputs.used.values())}))
    found.append(Notice("shenzhen_hukou_supplementary", {"rate": inputs.figures.local_supplementary_rate,
                                                         "amount": estimate.local_supplementary_now}))
    if result.retirement.category_assumed:
        found.append(Notice("female_category_to_confirm", {"category": result.retirement.category.value}))
    return tuple(found)


def forecast_pension(content: Content, question: ForecastQuestion, as_of: date) -> ForecastAdvice:
    """Raises AlreadyRetired (past the statutory age with the minimum met; RetiredBeforeRecords when it was
    reached before the first minimum on record), ExtensionBeyondTable (延缴 would
    end past the payout table's last age), OutsideWindow (a retirement month outside the
    flexible-retirement window), or FiguresNotInForce when a figure the forecast needs is not in force.

    Past the statutory age with a shortfall, the forecast is of 延缴: the months still needed are
    paid from this month on, and the pension is estimated from the month after the last one. With a
    `retirement_month` of the flexible window, the forecast is for retiring in that month.
    """
    statutory = person_retirement(content, question.birth_date, question.sex, question.female_category, as_of)
    flexible = None
    if question.retirement_month is not None and question.retirement_month != statutory.month:
        flexible = _flexible_retirement(content, question, statutory, as_of)
    first_month = YearMonth.of(as_of)
    retirement, extension = statutory, None
    if flexible is not None:
        retirement = flexible
    elif statutory.reached_on(as_of):
        try:
            required = minimum_months(content, statutory)
        except NotInForce as exc:  # retired before the first minimum on record: say so, and whom to ask
            raise RetiredBeforeRecords(statutory) from exc
        extension = shortfall(statutory, as_of, question.contributed_months, required)
        if extension is None:
            raise AlreadyRetired(statutory)
        retirement = pension_start(statutory, extension)
    inputs = forecast_inputs(content, first_month, retirement)
    if extension is not None or retirement.month > statutory.month:
        # 延缴 and a deferred retirement both need the minimum of the statutory year, not of the later year
        inputs = _statutory_minimum(content, inputs, statutory)
    if extension is not None:
        last_age = max(inputs.figures.payout_months)
        if retirement.age_years + (1 if retirement.age_months else 0) > last_age:
            raise ExtensionBeyondTable(extension, retirement.age_years, last_age)
    figures = inputs.figures
    chosen = Assumptions(
        wage_growth=question.wage_growth if question.wage_growth is not None else inputs.defaults["wage_growth"].value,
        interest=question.interest if question.interest is not None else inputs.defaults["interest"].value,
    )
    if question.base_wage is not None:
        declared = question.base_wage
    else:
        declared = to_fen(question.base_multiple * figures.average_wage, figures.rounding)
    # The months already paid are fixed whatever base is chosen now: when not given, their index is
    # taken as the index of today's base and their balance is estimated from it (both stated).
    base_now = clamp_base(declared, figures.floor, figures.ceiling).applied
    past = PastContributions(
        months=question.contributed_months,
        index=(question.past_index if question.past_index is not None
               else contribution_index(base_now, figures.denominator)),
        balance=(to_fen(question.balance, figures.rounding) if question.balance is not None
                 else estimated_past_balance(question.contributed_months, base_now, figures)),
        balance_estimated=question.balance is None,
        index_base=base_now if question.past_index is None else None,
    )
    result = forecast(declared, past, first_month, retirement, figures, chosen)
    # early retirement needs the minimum of the year retired in; otherwise it is the statutory year's
    minimum_year = retirement.month.year if retirement.month < statutory.month else statutory.month.year
    notices = _notices(result, inputs, minimum_year)
    extension_view = None
    if extension is not None:
        extension_view = ExtensionView(extension, statutory, result.estimate.monthly_cost_now,
                                       result.estimate.total_contributions)
        notices += (Notice("extension_estimate", {"months": extension.months_needed,
                                                  "end_month": extension.end_month}),)
    if flexible is not None:
        notices += (Notice("retirement_month_chosen", {"month": retirement.month, "statutory": statutory.month}),)
    if near_retirement(statutory, as_of):
        notices += (medical_years_notice(content),)
    notices = tuple(_with_local_subsidy(content, notice, result) for notice in notices)
    return ForecastAdvice(as_of, result, inputs, _assumptions(question, inputs, result, chosen), notices,
                          extension=extension_view, statutory=statutory if flexible is not None else None)


def _statutory_minimum(content: Content, inputs: ForecastInputs, statutory: Retirement) -> ForecastInputs:
    """延缴 is to the minimum of the year the statutory age was reached, not of the year the pension starts."""
    figure = content.figure("retirement.minimum_contribution_months", statutory.date)
    used = dict(inputs.used)
    used["retirement.minimum_contribution_months"] = figure
    return replace(inputs, figures=replace(inputs.figures, minimum_months=int(figure.value)), used=used)


def _flexible_retirement(content: Content, question: ForecastQuestion, statutory: Retirement,
                         as_of: date) -> Retirement:
    """The retirement at the month asked for, or OutsideWindow: early needs the minimum months by
    then (the months paid plus every month from now to the one before it)."""

    month = question.retirement_month
    if month <= YearMonth.of(as_of):
        raise OutsideWindow("in_the_past", window_around(content, statutory, as_of).window)
    window = window_around(content, statutory, as_of)
    total = question.contributed_months + month.months_since(YearMonth.of(as_of))
    chosen = choose_retirement(question.birth_date, month, window.window, total,
                               lambda year: window.minimum_by_year.get(year) or 0)
    return replace(statutory, age_in_months=chosen.age_in_months, month=chosen.month,
                   date=add_months(question.birth_date, chosen.age_in_months))


def _with_local_subsidy(content: Content, notice: Notice, result: Forecast) -> Notice:
    """The Shenzhen hukou notice also says what the 1% buys: the local subsidy for paying it from now
    to retirement, at the estimate's average index (a secondary-source formula; see content)."""
    if notice.code != "shenzhen_hukou_supplementary":
        return notice
    try:
        figure = content.figure("pension.local_subsidy", result.retirement.date)
    except NotInForce:
        return notice
    rule = LocalSubsidyRule(Decimal(figure.value["yuan_per_year_and_index"]), Decimal(figure.value["fixed_yuan"]))
    months = result.estimate.future_months
    subsidy = local_subsidy(months, result.estimate.average_index, rule)
    return Notice(notice.code, {**notice.facts, "subsidy": subsidy, "subsidy_months": months,
                                "subsidy_status": figure.status, "per_year": rule.yuan_per_year_and_index,
                                "fixed": rule.fixed_yuan})

