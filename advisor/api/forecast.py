"""POST /api/v1/forecast: the pension estimate at the statutory retirement age and the base comparison."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from flask import current_app, jsonify

from advisor.answers.explain import before_records_message, figure_description, not_in_force_message
from advisor.answers.forecast import (
    INTEREST_RANGE,
    MULTIPLE_RANGE,
    PAST_INDEX_RANGE,
    WAGE_GROWTH_RANGE,
    AlreadyRetired,
    Assumption,
    ExtensionBeyondTable,
    ForecastAdvice,
    ForecastQuestion,
    RetiredBeforeRecords,
    forecast_pension,
    months_since_working_age,
)
from advisor.answers.forecast_explain import assumption_message, beyond_table_message, notice_message, row_name
from advisor.answers.retirement_explain import outside_window_message
from advisor.api.blueprint import bp
from advisor.api.common import content, errors_response, money, rate, takes_json_object
from advisor.api.validation import FieldReader, check_person
from advisor.clock import today
from advisor.i18n import format_long_date, localized
from advisor.i18n import gettext as _
from advisor.policy import Content, Figure
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.flexible_retirement import OutsideWindow
from advisor.rules.forecast import Estimate
from advisor.rules.types import Category, Sex


def _in_range(fields: FieldReader, field: str, value: Decimal | None, bounds: tuple[Decimal, Decimal],
              exclusive_low: bool = False) -> None:
    low, high = bounds
    if value is None:
        return
    if value > high or value < low or (exclusive_low and value == low):
        if exclusive_low:
            fields.error(field, _("Enter a number above %(low)s and at most %(high)s.", low=low, high=high))
        else:
            fields.error(field, _("Enter a number from %(low)s to %(high)s.", low=low, high=high))


def _rate_in_range(fields: FieldReader, field: str, value: Decimal | None, bounds: tuple[Decimal, Decimal]) -> None:
    low, high = bounds
    if value is not None and not low <= value <= high:
        fields.error(field, _("Enter the yearly rate as a decimal from %(low)s to %(high)s; 0.03 means 3 per cent.",
                              low=low, high=high))


def read_question(data: dict[str, Any]) -> tuple[ForecastQuestion | None, date, FieldReader]:
    fields = FieldReader(data)
    birth_date = fields.date("birth_date", earliest=None)  # check_person words the lower bound
    sex = fields.choice("sex", Sex)
    female_category = fields.choice("female_category", Category, required=False)
    contributed = fields.integer("contributed_months")
    balance = fields.amount("personal_account_balance", required=False, wage=False)
    has_wage = data.get("base_wage") is not None
    has_multiple = data.get("base_multiple") is not None
    wage = fields.amount("base_wage") if has_wage else None
    multiple = fields.decimal("base_multiple", required=False, places=4, example="1.0") if has_multiple else None
    past_index = fields.decimal("past_contribution_index", required=False, places=4, example="0.8")
    wage_growth = fields.decimal("wage_growth", required=False)
    interest = fields.decimal("interest", required=False)
    as_of = fields.date("as_of", required=False) or today(current_app.config)
    retirement_month = fields.month("retirement_month", required=False)

    if has_wage and has_multiple:
        fields.error("base", _("Give either base_wage or base_multiple, not both."))
    elif not has_wage and not has_multiple:
        fields.error("base", _("Give your base as base_wage (yuan a month) or base_multiple (of the average wage)."))
    if (check_person(fields, birth_date, sex, female_category, as_of) and contributed is not None
            and contributed > months_since_working_age(birth_date, as_of)):
        fields.error("contributed_months", _(
            "That is more months than have passed since your 16th birthday (%(months)s).",
            months=months_since_working_age(birth_date, as_of)))
    _in_range(fields, "base_multiple", multiple, MULTIPLE_RANGE, exclusive_low=True)
    _in_range(fields, "past_contribution_index", past_index, PAST_INDEX_RANGE, exclusive_low=True)
    _rate_in_range(fields, "wage_growth", wage_growth, WAGE_GROWTH_RANGE)
    _rate_in_range(fields, "interest", interest, INTEREST_RANGE)
    if fields.errors:
        return None, as_of, fields
    question = ForecastQuestion(
        birth_date=birth_date, sex=sex, contributed_months=contributed, base_wage=wage, base_multiple=multiple,
        female_category=female_category, balance=balance, past_index=past_index, wage_growth=wage_growth,
        interest=interest, retirement_month=retirement_month)
    return question, as_of, fields


def _status(figure: Figure) -> dict[str, Any]:
    """The figure's status, source and note in the request's language."""
    return _status_of(content(), figure)


def _status_of(current: Content, figure: Figure) -> dict[str, Any]:
    source = current.sources.get(figure.source or "", {})
    return {
        "status": figure.status,
        "source": figure.source,
        "source_title": " ".join(str(p) for p in (source.get("number"), source.get("title")) if p) or None,
        "note": localized(figure.note) or None,
    }


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    return value


def _figure(parameter_id: str, figure: Figure) -> dict[str, Any]:
    """A figure used, as the API gives it."""
    return {
        "id": parameter_id,
        "description": figure_description(content(), parameter_id),
        "value": _value(figure.value),
        "effective": figure.effective.isoformat(),
        "carried_forward": figure.carried_forward,
        **_status_of(content(), figure),
    }


def _range(estimate: Estimate, known: bool) -> dict[str, str] | None:
    """The basic pension across the candidate index denominators (low == high once settled)."""
    if not known or estimate.basic_pension_range is None:
        return None
    return {"low": money(estimate.basic_pension_range.low), "high": money(estimate.basic_pension_range.high)}


def _estimate(estimate: Estimate, range_known: bool) -> dict[str, Any]:
    return {
        "base": {
            "declared": money(estimate.base.declared), "applied": money(estimate.base.applied),
            "clamped_to": estimate.base.clamped, "contribution_index": rate(estimate.index),
        },
        "monthly_cost_now": money(estimate.monthly_cost_now),
        "local_supplementary_now": money(estimate.local_supplementary_now),
        "future_months": estimate.future_months,
        "total_contributions": money(estimate.total_contributions),
        "average_contribution_index": rate(estimate.average_index),
        "basic_pension": money(estimate.basic_pension),
        "basic_pension_range": _range(estimate, range_known),
        "personal_account_balance": money(estimate.account.balance),
        "personal_account_pension": money(estimate.account_pension),
        "monthly_pension": money(estimate.monthly_pension),
        "break_even_years": rate(estimate.break_even_years) if estimate.break_even_years is not None else None,
    }


def _assumption(item: Assumption) -> dict[str, Any]:
    """Where the user replaced a content default, the default is still named, for comparison."""
    backed = item.figure is not None and not item.user_supplied
    return {
        "code": item.code,
        "value": _value(item.value),
        "user_supplied": item.user_supplied,
        "status": item.status,
        "message": assumption_message(item),
        "source": item.figure.source if backed else None,
        "note": (localized(item.figure.note) or None) if backed else None,
        "default": _value(item.figure.value) if item.user_supplied and item.figure else None,
    }


def _extension(advice: ForecastAdvice) -> dict[str, Any]:
    view = advice.extension
    return {
        "statutory_retirement_month": str(view.statutory.month),
        "months_needed": view.extension.months_needed,
        "first_month": str(view.extension.first_month),
        "end_month": str(view.extension.end_month),
        "pension_from": str(view.extension.pension_from),
        "monthly_cost": money(view.monthly_cost),
        "total_cost": money(view.total_cost),
    }


def forecast_body(advice: ForecastAdvice) -> dict[str, Any]:
    result = advice.forecast
    estimate = result.estimate
    retirement = advice.retirement
    calculation_base = estimate.calculation_base
    used = advice.inputs.used
    return {
        "as_of": advice.as_of.isoformat(),
        "status": advice.status,
        "retirement": {
            "category": retirement.category.value,
            "category_assumed": retirement.category_assumed,
            "age_years": retirement.age_years,
            "age_months": retirement.age_months,
            "month": str(retirement.month),
            "date": retirement.date.isoformat(),
            "kind": advice.retirement_kind,
            "statutory_month": str((advice.statutory or (advice.extension.statutory if advice.extension
                                                         else retirement)).month),
        },
        "contributions": {
            "past_months": result.past.months,
            "future_months": estimate.future_months,
            "total_months": estimate.total_months,
            "first_month": str(result.first_month) if estimate.future_months else None,
            "last_month": str(retirement.month.plus(-1)) if estimate.future_months else None,
        },
        "minimum": {
            "required_months": estimate.minimum.required_months,
            "total_months": estimate.minimum.total_months,
            "met": estimate.minimum.met,
            "missing_months": estimate.minimum.missing_months,
            "retirement_year": (advice.extension.statutory if advice.extension else retirement).month.year,
            **_status(used["retirement.minimum_contribution_months"]),
        },
        "calculation_base": {
            "value": money(calculation_base.value),
            "year": calculation_base.year,
            "projected": calculation_base.projected,
            "published_value": money(calculation_base.known_value),
            "published_year": calculation_base.known_year,
            **_status(used["pension.calculation_base"]),
            # A projected figure is an assumption, whatever the status of the one it grew from.
            "published_status": used["pension.calculation_base"].status,
            "status": "provisional" if calculation_base.projected else used["pension.calculation_base"].status,
        },
        "average_wage": {"value": money(advice.inputs.figures.average_wage), **_status(used["pension.average_wage"])},
        "base_limits": {"floor": money(advice.inputs.figures.floor), "ceiling": money(advice.inputs.figures.ceiling)},
        "payout_months": rate(estimate.payout_months),
        "personal_account": {
            "opening_balance": money(estimate.account.opening),
            "opening_balance_estimated": result.past.balance_estimated,
            "credits": money(estimate.account.credits),
            "interest": money(estimate.account.interest),
            "balance_at_retirement": money(estimate.account.balance),
            # "published": a confirmed rate on record; a recorded rate whose document was not seen
            # (status provisional) is not counted as published, and the assumption applies that year.
            "rates": [{"year": year, "rate": rate(value), "published": published}
                      for year, value, published in estimate.account.rates],
        },
        "estimate": _estimate(estimate, advice.inputs.range_known),
        "comparison": [
            {"row": row.label, "name": row_name(row),
             "multiple": rate(row.multiple) if row.multiple is not None else None,
             "requested_base": money(row.requested),
             "extra_break_even_years": (rate(row.extra_break_even_years)
                                        if row.extra_break_even_years is not None else None),
             **_estimate(row.estimate, advice.inputs.range_known)}
            for row in result.comparison
        ],
        **({"extension": _extension(advice)} if advice.extension else {}),
        "assumptions": [_assumption(item) for item in advice.assumptions],
        "notices": [{"code": n.code, "message": notice_message(content(), n)} for n in advice.notices],
        "figures": [_figure(parameter_id, figure) for parameter_id, figure in used.items()]
        + [_figure("pension.account_interest_rate", figure)
           for figure in advice.inputs.published_interest.values()],
    }


@bp.post("/forecast")
@takes_json_object
def forecast(data: dict):
    question, as_of, fields = read_question(data)
    if question is None:
        return errors_response(fields.errors)
    try:
        advice = forecast_pension(content(), question, as_of)
    except RetiredBeforeRecords as exc:
        return errors_response({"birth_date": [before_records_message(content(), exc.retirement.date)]})
    except AlreadyRetired as exc:
        return errors_response({"birth_date": [_(
            "You reached the statutory retirement age on %(date)s with the minimum contribution months: apply "
            "for your pension. This forecast is for people who have not reached the age yet, or who still lack "
            "months.", date=format_long_date(exc.retirement.date))]})
    except ExtensionBeyondTable as exc:
        return errors_response({"contributed_months": [beyond_table_message(exc)]})
    except OutsideWindow as exc:
        return errors_response({"retirement_month": [outside_window_message(exc)]})
    except FiguresNotInForce as exc:
        return errors_response({"as_of": [not_in_force_message(content(), e) for e in exc.errors]})
    return jsonify(forecast_body(advice))
