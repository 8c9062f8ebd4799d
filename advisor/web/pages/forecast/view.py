"""能领多少 — what a pension base means at retirement: the estimate and the comparison of bases.

The page calls advisor.answers.forecast.forecast_pension, as POST /api/v1/forecast does, so the page
and the API always show the same figures for the same answers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import current_app, request

from advisor.answers.contribution import pension_base_presets
from advisor.answers.explain import before_records_message, not_in_force_message
from advisor.answers.forecast import AlreadyRetired, ExtensionBeyondTable, RetiredBeforeRecords, forecast_pension
from advisor.answers.forecast_explain import beyond_table_message
from advisor.answers.retirement_explain import outside_window_message
from advisor.clock import today
from advisor.i18n import format_long_date, format_yuan
from advisor.i18n import gettext as _
from advisor.policy import NotInForce
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.calendar import YearMonth
from advisor.rules.flexible_retirement import OutsideWindow
from advisor.rules.types import Hukou
from advisor.web import journey
from advisor.web.blueprint import bp
from advisor.web.choices import content
from advisor.web.figures import FigureView, figure_view
from advisor.web.numbers import ratio_as_percent
from advisor.web.pages.forecast.form import ForecastForm, base_choices
from advisor.web.pages.forecast.view_model import forecast_view, with_subsidy
from advisor.web.rendering import render_page_or_fragment
from advisor.web.subsidy import forecast_subsidy

OTHER_HUKOUS = {h.value for h in Hukou if h is not Hukou.SHENZHEN}
DEFAULT_RATES = {"wage_growth": "forecast.wage_growth", "interest": "forecast.account_interest"}


def default_rates(on: date) -> dict[str, FigureView]:
    """The content defaults of the editable rates, shown with their status beside the inputs."""
    found = {}
    for name, parameter_id in DEFAULT_RATES.items():
        try:
            found[name] = figure_view(content().figure(parameter_id, on))
        except NotInForce:
            continue
    return found


def base_presets(on: date) -> list:
    try:
        return pension_base_presets(content(), YearMonth.of(on))
    except NotInForce:
        return []


def build_form(as_of: date, presets: list, defaults: dict[str, FigureView]) -> ForecastForm:
    prefilled = {name: ratio_as_percent(view.value) for name, view in defaults.items()}
    form = ForecastForm(request.form if request.method == "POST" else None, **prefilled)
    form.base.choices = base_choices(presets)
    form.as_of = as_of
    form.defaults = {name: view.value for name, view in defaults.items()}
    form.floor_amount = next((p.amount for p in presets if p.key == "floor"), None)
    return form


@bp.route("/forecast", methods=["GET", "POST"])
def forecast():
    as_of = today(current_app.config)
    presets = base_presets(as_of)
    defaults = default_rates(as_of)
    form = build_form(as_of, presets, defaults)
    journey.start(journey.FORECAST, form)
    result = problem = subsidy = None
    # Answers carried from an earlier page ("carried"), or Change on a later one: they fill the form, nothing is
    # checked yet.
    submitted = request.method == "POST" and request.form.get("carried") != "1" and "edit" not in request.form
    if submitted and form.validate():
        try:
            result = forecast_view(forecast_pension(content(), form.question(), as_of), form.birth_date.data)
            subsidy = forecast_subsidy(form, YearMonth.of(as_of), result.rows)
            if subsidy and not subsidy.get("employer"):
                result = with_subsidy(result, subsidy)
            if form.hukou.data in OTHER_HUKOUS:  # the Shenzhen supplementary pension does not concern them
                result = replace(result, notices=tuple(
                    n for n in result.notices if n.code != "shenzhen_hukou_supplementary"))
        except RetiredBeforeRecords as exc:
            problem = [before_records_message(content(), exc.retirement.date)]
            form.add_error(form.birth_date, problem[0])
        except AlreadyRetired as exc:
            problem = [_("You reached the statutory retirement age on %(date)s with the minimum contribution months: "
                         "apply for your pension. This forecast is for people who have not reached the age yet, or "
                         "who still lack months.", date=format_long_date(exc.retirement.date))]
            form.add_error(form.birth_date, problem[0])
        except ExtensionBeyondTable as exc:
            problem = [beyond_table_message(exc)]
            form.add_error(form.paid_years, problem[0])
        except OutsideWindow as exc:
            form.add_error(form.retirement_month, outside_window_message(exc))
        except FiguresNotInForce as exc:
            problem = [not_in_force_message(content(), e) for e in exc.errors]
    return render_page_or_fragment(
        "forecast/page.html", "forecast/_result.html",
        form=form, result=result, problem=problem, submitted=submitted, defaults=defaults,
        base_hints={p.key: format_yuan(p.amount) for p in presets},
        default_inputs={name: ratio_as_percent(view.value) for name, view in defaults.items()},
        subsidy=subsidy,
    )
