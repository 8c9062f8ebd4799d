"""The figures a pension forecast needs, looked up in content/ for the person's dates.

Figures of today (average wage, base limits, rates) are taken on the first month of the forecast;
figures of retirement (calculation base, payout months, minimum contribution months) on the
statutory retirement date. Every figure used is returned with its status and source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from advisor.policy.content import Content
from advisor.policy.errors import NotInForce
from advisor.policy.inputs import FiguresNotInForce
from advisor.policy.parameters import Figure
from advisor.rules.calendar import YearMonth
from advisor.rules.forecast import PensionFigures
from advisor.rules.retirement import Retirement

INTERPOLATION_RULE = "linear_by_month_round_0.1"  # the only rule rules.forecast implements
# The contribution index's candidate denominators (forecast.index_denominator's value and candidates)
# and the average wage each one divides by.
INDEX_DENOMINATORS = {
    "guangdong_average_wage": "pension.average_wage",
    "shenzhen_average_wage": "pension.shenzhen_average_wage",
}

# Figures of today, looked up on the first month: key in the result → parameter id.
TODAY_PARAMETERS = {
    "average_wage": "pension.average_wage",
    "floor": "pension.base_floor",
    "ceiling": "pension.base_ceiling",
    "pooled_fund_rate": "pension.pooled_fund_rate",
    "personal_account_rate": "pension.personal_account_rate",
    "local_supplementary_rate": "pension.local_supplementary_rate",
    "rounding": "money.rounding",
}
DEFAULT_PARAMETERS = {
    "wage_growth": "forecast.wage_growth",
    "interest": "forecast.account_interest",
    "index_denominator": "forecast.index_denominator",
}


@dataclass(frozen=True)
class ForecastInputs:
    figures: PensionFigures
    used: dict[str, Figure]  # parameter id → the figure used (the calculation base: the one published)
    defaults: dict[str, Figure]  # "wage_growth", "interest", "index_denominator" → content default
    published_interest: dict[int, Figure]  # year → published account interest rate, years of the forecast
    # code → the average wage figure of every other candidate index denominator; None when that
    # average is not recorded for the first month (the range is then unknown, see `range_known`).
    other_denominators: dict[str, Figure | None] = field(default_factory=dict)

    @property
    def range_known(self) -> bool:
        return all(figure is not None for figure in self.other_denominators.values())


def _published(content: Content, parameter_id: str, on: date) -> Figure | None:
    """The figure published for `on`'s period and confirmed, or None when only an older one is carried
    forward or the recorded one is not confirmed (its document not seen): the assumption applies then."""
    try:
        figure = content.figure(parameter_id, on)
    except NotInForce:
        return None
    return None if figure.carried_forward or figure.status != "confirmed" else figure


def _optional(content: Content, parameter_id: str, on: date) -> Figure | None:
    try:
        return content.figure(parameter_id, on)
    except NotInForce:
        return None


def forecast_inputs(content: Content, first_month: YearMonth, retirement: Retirement) -> ForecastInputs:
    """Raises FiguresNotInForce listing every figure that is not in force."""
    errors: list[NotInForce] = []
    used: dict[str, Figure] = {}

    def look(parameter_id: str, on: date, record: bool = True) -> Figure | None:
        try:
            figure = content.figure(parameter_id, on)
        except NotInForce as exc:
            errors.append(exc)
            return None
        if record:
            used[parameter_id] = figure
        return figure

    today = {key: look(parameter_id, first_month.first_day) for key, parameter_id in TODAY_PARAMETERS.items()}
    # Defaults are reported as assumptions (the user may replace them), not among the figures used.
    defaults = {key: look(parameter_id, first_month.first_day, record=False)
                for key, parameter_id in DEFAULT_PARAMETERS.items()}

    year = retirement.month.year
    calculation_base = look("pension.calculation_base", date(year, 1, 1))
    if calculation_base is not None and calculation_base.carried_forward:
        # Report the last published figure as published; the forecast says it was projected.
        calculation_base = content.figure("pension.calculation_base", calculation_base.effective)
        used["pension.calculation_base"] = calculation_base
    payout = look("pension.payout_months", retirement.date)
    if retirement.age_months:
        rule = look("pension.payout_months_by_month", retirement.date)
        if rule is not None and rule.value != INTERPOLATION_RULE:
            raise ValueError(f"pension.payout_months_by_month: unknown rule {rule.value!r}")
    minimum = look("retirement.minimum_contribution_months", retirement.date)
    codes: list[str] = []
    headline: Figure | None = today["average_wage"]
    if defaults["index_denominator"] is not None:
        denominator = defaults["index_denominator"]
        codes = [denominator.value] + [c.value for c in denominator.candidates if c.value != denominator.value]
        for code in codes:
            if code not in INDEX_DENOMINATORS:
                raise ValueError(f"forecast.index_denominator: unknown denominator {code!r}")
        if codes[0] != "guangdong_average_wage":
            headline = look(INDEX_DENOMINATORS[codes[0]], first_month.first_day)
    others = {code: _optional(content, INDEX_DENOMINATORS[code], first_month.first_day) for code in codes[1:]}
    for code, figure in others.items():
        if figure is not None:
            used[INDEX_DENOMINATORS[code]] = figure
    if errors:
        raise FiguresNotInForce(errors)
    published_interest: dict[int, Figure] = {}
    for interest_year in range(first_month.year, year + 1):
        figure = _published(content, "pension.account_interest_rate", date(interest_year, 1, 1))
        if figure is not None:
            published_interest[interest_year] = figure

    figures = PensionFigures(
        pooled_fund_rate=today["pooled_fund_rate"].value,
        personal_account_rate=today["personal_account_rate"].value,
        local_supplementary_rate=today["local_supplementary_rate"].value,
        average_wage=today["average_wage"].value,
        floor=today["floor"].value,
        ceiling=today["ceiling"].value,
        calculation_base=calculation_base.value,
        calculation_base_year=calculation_base.effective.year,
        payout_months={int(age): Decimal(months) for age, months in payout.value.items()},
        minimum_months=int(minimum.value),
        published_interest={y: figure.value for y, figure in published_interest.items()},
        rounding=today["rounding"].value,
        index_denominator=headline.value,
        # An unknown candidate leaves no range at all rather than a narrower one.
        other_index_denominators=(tuple(f.value for f in others.values())
                                  if all(f is not None for f in others.values()) else ()),
    )
    return ForecastInputs(figures, used, defaults, published_interest, others)
