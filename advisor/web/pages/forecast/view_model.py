"""What the forecast page shows: the ForecastAdvice (the same one the API returns) in the page's words.

No arithmetic here beyond picking and formatting: every amount comes from advisor.answers.forecast.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from advisor.answers.forecast import Assumption, ExtensionView, ForecastAdvice
from advisor.answers.forecast_explain import assumption_message, notice_message, row_name
from advisor.i18n import format_age, format_rate, format_shown, format_year_month, format_yuan, gettext
from advisor.policy import Figure
from advisor.rules.forecast import PensionRange
from advisor.rules.money import Shown, as_shown
from advisor.web.choices import content
from advisor.web.citations import Citation
from advisor.web.figures import STATUS_LABELS, FigureView, NoticeView, citation, figure_view
from advisor.web.pages.forecast.chart import Chart, comparison_chart
from advisor.web.person import CATEGORY_NAMES
from advisor.web.summary import summary


@dataclass(frozen=True)
class AssumptionView:
    code: str
    message: str
    user_supplied: bool
    status: str | None  # None when the person gave the value
    status_label: str
    note: str  # what content/ says about the default ("" when the person gave the value)
    citation: Citation | None
    url: str | None
    default: str  # the content default the person replaced ("" otherwise)


@dataclass(frozen=True)
class FigureLine:
    figure: FigureView
    shown: str  # the value as the reader needs it (of a table: the entry used; "" when the description says it)


@dataclass(frozen=True)
class RowView:
    name: str
    base: Decimal
    raised_to_floor: bool
    cost: Decimal
    total: Decimal
    pension: Decimal
    basic_range: PensionRange | None  # None when settled (one denominator) or not known for the date
    pension_today: Decimal  # the same pension in today's money
    pension_today_shown: Shown  # as the reader sees it (far ahead: to the yuan, "about")
    pension_shown: Shown
    range_today: tuple[Shown, Shown] | None  # basic_range in today's money, as shown
    break_even: Decimal | None
    extra_break_even: Decimal | None
    chosen: bool


@dataclass(frozen=True)
class ForecastView:
    as_of: date
    birth_date: date
    status: str
    status_label: str
    estimate: object  # rules.forecast.Estimate of the chosen base
    past_months: int
    retirement_age: str
    retirement_month: object
    retirement_date: date
    category: str
    category_assumed: bool
    minimum_figure: FigureView
    calculation_base_figure: FigureView
    notices: tuple[NoticeView, ...]
    assumptions: tuple[AssumptionView, ...]
    figures: tuple[FigureLine, ...]
    rows: tuple[RowView, ...]
    chart: Chart
    pension_rate: Decimal  # the pension's pooled + personal-account rates, as the comparison costs them
    pension_today: Decimal  # the estimated monthly pension in today's money
    wage_growth: Decimal  # the growth it is deflated by
    years: int  # over this many years
    basic_range: PensionRange | None = None  # the basic pension across the open index denominators
    extension: ExtensionView | None = None  # past the statutory age with a shortfall: the 延缴 months
    statutory_age: str = ""  # the statutory retirement age, when the pension starts later (延缴)
    summary: object = None  # advisor.web.summary.Summary, set by forecast_view
    pension_today_shown: Shown | None = None  # the headline's amount (far ahead: to the yuan, "about")
    pension_shown: Shown | None = None  # the same in the money of the retirement year
    range_today: tuple[Shown, Shown] | None = None  # the basic pension's range in today's money, as shown
    key_figures: tuple[tuple[str, str], ...] = ()  # the figures that matter, beside the answer

    @property
    def minimum(self):
        return self.estimate.minimum

    @property
    def months_to_minimum(self) -> int:
        """Months still to pay from now to reach the minimum (0 once the months already paid reach it)."""
        return max(0, self.minimum.required_months - self.past_months)


def assumption_view(item: Assumption) -> AssumptionView:
    backed = item.figure is not None and not item.user_supplied
    text = citation(item.figure.source) if backed else None
    default = ""
    if item.user_supplied and item.figure is not None:
        default = format_rate(item.figure.value)
    return AssumptionView(
        code=item.code,
        message=assumption_message(item),
        user_supplied=item.user_supplied,
        status=item.status,
        status_label=str(STATUS_LABELS[item.status]) if item.status else gettext("You entered this"),
        note=figure_view(item.figure).explanation if backed else "",
        citation=text,
        url=text.url if text else None,
        default=default,
    )


def notice_view(notice) -> NoticeView:
    from_content = content().texts["notices"].get(notice.code)
    text = citation(from_content["source"]) if from_content else None
    return NoticeView(notice.code, notice_message(content(), notice), text, text.url if text else None)


def shown_value(parameter_id: str, figure: Figure, advice: ForecastAdvice) -> str:
    """Money in yuan, rates in per cent; of a table, the entry this person's age uses."""
    unit = content().parameters[parameter_id].unit
    if unit == "CNY/month":
        return format_yuan(figure.value)
    if unit == "ratio":
        return format_rate(figure.value)
    if parameter_id == "pension.payout_months":
        retirement = advice.retirement
        return gettext("%(months)s months at %(age)s", months=advice.forecast.estimate.payout_months,
                       age=format_age(retirement.age_years, retirement.age_months))
    if parameter_id == "retirement.minimum_contribution_months":
        return gettext("%(months)s months", months=figure.value)
    if parameter_id in ("money.rounding", "pension.payout_months_by_month"):
        return ""  # the description says the whole rule
    return str(figure.value)


def figure_lines(advice: ForecastAdvice) -> tuple[FigureLine, ...]:
    lines = [FigureLine(figure_view(figure), shown_value(pid, figure, advice))
             for pid, figure in advice.inputs.used.items()]
    for year, figure in sorted(advice.inputs.published_interest.items()):
        view = figure_view(figure)
        lines.append(FigureLine(view, gettext("%(rate)s in %(year)s", rate=format_rate(figure.value), year=year)))
    return tuple(lines)


def open_range(advice: ForecastAdvice, estimate) -> PensionRange | None:
    """The range to show: only while the denominator is open and both averages are recorded."""
    span = estimate.basic_pension_range if advice.inputs.range_known else None
    return None if span is None or span.collapsed else span


def range_today(advice: ForecastAdvice, span: PensionRange | None) -> tuple[Shown, Shown] | None:
    """The basic pension's range in today's money, as the headline is, rounded as it is."""
    if span is None:
        return None
    years = advice.years_to_retirement
    return (as_shown(advice.in_todays_money(span.low), years), as_shown(advice.in_todays_money(span.high), years))


def row_views(advice: ForecastAdvice) -> tuple[RowView, ...]:
    chosen = advice.forecast.estimate.base.applied
    years = advice.years_to_retirement
    return tuple(RowView(
        name=row_name(row),
        base=row.estimate.base.applied,
        raised_to_floor=row.multiple is not None and row.estimate.base.clamped == "floor",
        cost=row.estimate.monthly_cost_now,
        total=row.estimate.total_contributions,
        pension=row.estimate.monthly_pension,
        basic_range=open_range(advice, row.estimate),
        pension_today=advice.in_todays_money(row.estimate.monthly_pension),
        pension_today_shown=as_shown(advice.in_todays_money(row.estimate.monthly_pension), years),
        pension_shown=as_shown(row.estimate.monthly_pension, years),
        range_today=range_today(advice, open_range(advice, row.estimate)),
        break_even=row.estimate.break_even_years,
        extra_break_even=row.extra_break_even_years,
        chosen=row.estimate.base.applied == chosen,
    ) for row in advice.forecast.comparison)


def forecast_view(advice: ForecastAdvice, birth_date: date) -> ForecastView:
    retirement = advice.retirement
    rows = row_views(advice)
    used = advice.inputs.used
    view = ForecastView(
        as_of=advice.as_of,
        birth_date=birth_date,
        status=advice.status,
        status_label=str(STATUS_LABELS[advice.status]),
        estimate=advice.forecast.estimate,
        past_months=advice.forecast.past.months,
        retirement_age=format_age(retirement.age_years, retirement.age_months),
        retirement_month=retirement.month,
        retirement_date=retirement.date,
        category=str(CATEGORY_NAMES[retirement.category]),
        category_assumed=retirement.category_assumed,
        minimum_figure=figure_view(used["retirement.minimum_contribution_months"]),
        calculation_base_figure=figure_view(used["pension.calculation_base"]),
        notices=tuple(notice_view(n) for n in advice.notices),
        assumptions=tuple(assumption_view(a) for a in advice.assumptions),
        figures=figure_lines(advice),
        rows=rows,
        chart=comparison_chart(rows),
        pension_rate=used["pension.pooled_fund_rate"].value + used["pension.personal_account_rate"].value,
        basic_range=open_range(advice, advice.forecast.estimate),
        extension=advice.extension,
        statutory_age=(format_age(advice.extension.statutory.age_years, advice.extension.statutory.age_months)
                       if advice.extension else ""),
        pension_today=advice.in_todays_money(advice.forecast.estimate.monthly_pension),
        wage_growth=advice.wage_growth,
        years=advice.years_to_retirement,
        pension_today_shown=as_shown(advice.in_todays_money(advice.forecast.estimate.monthly_pension),
                                     advice.years_to_retirement),
        pension_shown=as_shown(advice.forecast.estimate.monthly_pension, advice.years_to_retirement),
        range_today=range_today(advice, open_range(advice, advice.forecast.estimate)),
    )
    return replace(view, summary=summary("forecast", forecast_headline(view), view, lines=minimum_lines(view)),
                   key_figures=key_figures(view))


def minimum_line(view: ForecastView) -> str:
    """The minimum contribution period: reached only by months already paid; else what is still needed."""
    minimum = view.minimum
    if not minimum.met:
        return gettext("By the statutory retirement age you would still be %(missing)s months short of the "
                       "minimum contribution period: see below.", missing=minimum.missing_months)
    if view.months_to_minimum and not view.past_months:  # nothing paid yet: all of them, said once
        return gettext("Minimum contribution period: %(months)s months to pay.", months=view.months_to_minimum)
    if view.months_to_minimum:
        return gettext("Minimum contribution period: %(months)s more months to pay (%(required)s needed in all).",
                       months=view.months_to_minimum, required=minimum.required_months)
    return gettext("Minimum contribution period: reached with the months you have paid (%(required)s months "
                   "are needed).", required=minimum.required_months)


def minimum_lines(view: ForecastView) -> list[str]:
    return [] if view.extension else [minimum_line(view)]


def key_figures(view: ForecastView, net_cost: Decimal | None = None) -> tuple[tuple[str, str], ...]:
    """Beside the answer: the pension in today's money, when it starts, and what it takes (months or 延缴); with a
    platform's subsidy, what the person pays after it."""
    figures = [(gettext("A month, in today's money"), format_shown(view.pension_today_shown)),
               (gettext("From"), format_year_month(view.retirement_month))]
    if view.extension:
        extension = view.extension
        figures += [(gettext("延缴: months to pay"), str(extension.extension.months_needed)),
                    (gettext("延缴: a month now"), format_yuan(extension.monthly_cost))]
    elif net_cost is not None:
        figures.append((gettext("After the subsidy"), format_yuan(net_cost)))
    else:
        figures.append((gettext("You pay a month now"), format_yuan(view.estimate.monthly_cost_now)))
    return tuple(figures)


def with_subsidy(view: ForecastView, subsidy: dict) -> ForecastView:
    """A platform's subsidy changes what the person pays now (issue 23: part of the answer, not a notice below):
    the cost beside the answer is the net one, and the subsidy's line joins the summary."""
    chosen = next((row for row in view.rows if row.chosen), None)
    net = subsidy["net"].get(chosen.base) if chosen is not None else None
    if net is None or view.extension:
        return view
    return replace(view, key_figures=key_figures(view, net),
                   summary=summary("forecast", forecast_headline(view), view,
                                   lines=[*minimum_lines(view), subsidy["answer"].applies_text]))


def forecast_headline(view: ForecastView) -> str:
    return gettext("In today's money you would get %(today)s a month once you retire.",
                   today=format_shown(view.pension_today_shown))
