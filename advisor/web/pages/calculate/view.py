"""要交多少钱 — what a month of flexible-worker insurance costs."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request
from wtforms import SelectChoice, SelectField
from wtforms.validators import ValidationError

from advisor.answers.contribution import CostAdvice, calculate_cost, pension_base_presets
from advisor.answers.explain import not_in_force_message, scheme_name
from advisor.answers.pathways import unemployment_benefit
from advisor.answers.protections import platform_injury
from advisor.clock import today
from advisor.i18n import format_year_month, format_yuan
from advisor.i18n import gettext as _
from advisor.i18n import lazy_gettext as _l
from advisor.policy import NotInForce
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.calendar import YearMonth
from advisor.rules.types import Hukou, Scheme
from advisor.web import journey
from advisor.web.blueprint import bp
from advisor.web.choices import HUKOU_CHOICES, ChoiceField, content
from advisor.web.fields import AmountField, CheckboxesField, PlainForm, YuanAmount
from advisor.web.figures import FigureView, figure_view
from advisor.web.injury_cover import injury_line
from advisor.web.prepared import prepared
from advisor.web.rendering import render_page_or_fragment
from advisor.web.subsidy import calculator_subsidy, chosen_platform, condition_field, subsidy_field
from advisor.web.summary import join_names, summary

FIRST_MONTH = YearMonth(2022, 7)  # the first contribution period with figures in content/
MONTHS_AHEAD = 6


class AtLeastOneInsurance:
    def __call__(self, form, field) -> None:
        valid = {scheme.value for scheme in Scheme}
        if not field.data:
            raise ValidationError(_l("Choose at least one insurance."))
        if not set(field.data) <= valid:
            raise ValidationError(_l("Choose insurances from the list."))


class OptionalYuanAmount(YuanAmount):
    """An amount that may be left empty (then field.amount is None)."""

    def __call__(self, form, field) -> None:
        if not (field.data or "").strip():
            field.amount = None
            return
        super().__call__(form, field)


class CalculateForm(PlainForm):
    wage = AmountField(
        _l("Monthly wage you declare (yuan)"),
        [YuanAmount()],
        description=_l("The base you choose for your contributions. For example 8000."),
    )
    hukou = ChoiceField(_l("Your hukou (household registration)"), choices=HUKOU_CHOICES,
                        required_message=_l("Choose where your hukou is."))
    unemployment_wage = AmountField(
        _l("Wage you declare for unemployment insurance (yuan), if different"),
        [OptionalYuanAmount()],
        description=_l("Only if you join unemployment insurance; optional. Its base is your real income, declared "
                       "separately (“失业缴费工资” on the form). Leave it empty to use the wage above."))
    insurances = CheckboxesField(_l("Which insurances"), validators=[AtLeastOneInsurance()],
                                 default=["pension", "medical"])
    month = SelectField(_l("Which month"), validate_choice=False)
    # Platform subsidy (issue 12): optional, see advisor/web/subsidy.py
    platform_subsidy = subsidy_field()
    subsidy_condition_met = condition_field()

    def validate_month(self, field) -> None:
        try:
            month = YearMonth.parse(field.data or "")
        except ValueError:
            raise ValidationError(_l("Choose a month from the list.")) from None
        if not FIRST_MONTH <= month <= self.last_month:
            raise ValidationError(_l("Choose a month from the list."))
        field.month = month


def month_choices(now: YearMonth) -> tuple[SelectChoice, ...]:
    """The months the calculator offers, the latest first."""
    last = now.plus(MONTHS_AHEAD)
    months = []
    month = last
    while month >= FIRST_MONTH:
        months.append(SelectChoice(str(month), format_year_month(month)))
        month = month.plus(-1)
    return tuple(months)


def build_form() -> CalculateForm:
    now = YearMonth.of(today(current_app.config))
    form = CalculateForm(request.form if request.method == "POST" else None, month=str(now))
    form.insurances.choices = prepared().schemes
    form.month.choices = month_choices(now)
    form.last_month = now.plus(MONTHS_AHEAD)
    return form


@dataclass(frozen=True)
class LineView:
    scheme: Scheme
    part: str
    label: str
    base: object
    rate: object
    amount: object


PART_LABELS = {
    "pooled_fund": _l("Pooled fund"),
    "personal_account": _l("Personal account"),
    "local_supplementary": _l("Local supplementary pension (Shenzhen hukou)"),
    "tier1": _l("Medical insurance, tier 1"),
    "unemployment": _l("Unemployment insurance"),
}


def cost_headline(view: dict) -> str:
    names = join_names([scheme_name(content(), item["scheme"]) for item in view["schemes"]])
    return _("You would pay %(month)s a month, %(year)s a year, for %(names)s.",
             month=format_yuan(view["monthly_total"]), year=format_yuan(view["yearly_total"]), names=names)


def result_view(advice: CostAdvice) -> dict:
    result = advice.contribution
    schemes = []
    for scheme, base in result.bases.items():
        used = advice.inputs.used[scheme]
        schemes.append({
            "scheme": scheme,
            "base": base,
            "floor": figure_view(used["floor"]),
            "ceiling": figure_view(used["ceiling"]),
            "rates": [figure_view(figure) for name, figure in used.items() if name not in ("floor", "ceiling")],
            "lines": [LineView(line.scheme, line.part, str(PART_LABELS[line.part]), line.base, line.rate, line.amount)
                      for line in result.lines if line.scheme is scheme],
            "monthly": result.scheme_total(scheme),
        })
    figures: list[FigureView] = []
    for item in schemes:
        for figure in [item["floor"], item["ceiling"], *item["rates"]]:
            if figure.parameter_id not in {f.parameter_id for f in figures}:
                figures.append(figure)
    view = {
        "month": advice.month,
        "hukou": advice.hukou,
        "schemes": schemes,
        "monthly_total": result.monthly_total,
        "monthly_sum": " + ".join(format_yuan(item["monthly"]) for item in schemes),  # "¥1,600.00 + ¥640.00"
        "yearly_total": result.yearly_total,
        "figures": figures,
        "rounding": figure_view(advice.inputs.rounding),
        "local_supplementary_skipped": advice.hukou is not Hukou.SHENZHEN and Scheme.PENSION in result.bases,
        "back_dating": advice.back_dating(content()),
        "unemployment_benefit": (benefit_view(advice.month) if Scheme.UNEMPLOYMENT in result.bases else None),
    }
    view["summary"] = summary("calculate", cost_headline(view), view)
    return view


def add_first_screen(view: dict) -> None:
    """The figures that matter beside the answer, and a platform's subsidy (it changes what the person pays) and
    its 新职伤 cover (the rider need not insure the orders' accidents) as lines of the summary (issue 23: the first
    screen decides)."""
    figures = [(_("Per month"), format_yuan(view["monthly_total"])), (_("Per year"), format_yuan(view["yearly_total"]))]
    subsidy = view.get("subsidy")
    lines = []
    if subsidy and subsidy.get("employer"):
        lines.append(subsidy["rule"])
    elif subsidy:
        if subsidy["subsidy"].amount is not None:  # what the person pays each month replaces the year's total
            figures[1:] = [(_("After the subsidy"), format_yuan(subsidy["subsidy"].net_monthly_total))]
        lines.append(subsidy["answer"].applies_text)
    lines.append(injury_line(view.get("injury")))  # the platform already insures the rider's orders: say so here
    view["key_figures"] = figures
    view["summary"] = summary("calculate", cost_headline(view), view, lines=lines)


def benefit_view(month: YearMonth) -> dict | None:
    """What unemployment insurance can later pay, with the status of each figure; None when not in force."""
    try:
        benefit = unemployment_benefit(content(), month.first_day)
    except NotInForce:
        return None
    return {"monthly": benefit.monthly, "durations": benefit.durations,
            "figures": [figure_view(f) for f in (benefit.rate, benefit.minimum_wage, benefit.duration)]}


def apply_quick_choice(form: CalculateForm) -> None:
    """A quick-choice button (floor, 60%…300% of the average) fills the wage with that base."""
    quick = request.form.get("quick")
    if not quick:
        return
    try:
        month = YearMonth.parse(form.month.data or "")
    except ValueError:
        return
    if not FIRST_MONTH <= month <= form.last_month:
        return  # not a month of the list: no quick choices
    chosen = next((p for p in base_presets(month) if p.key == quick), None)
    if chosen:
        form.wage.data = str(chosen.amount)


def base_choice(amount, presets) -> str:
    """The base as a choice for the pages after this one: the quick choice whose amount was declared
    ("floor", "avg60"…), or "wage" for an amount of the person's own."""
    return next((preset.key for preset in presets if preset.amount == amount), "wage")


def apply_carried_base(form: CalculateForm) -> None:
    """A base chosen as a choice on a later page (Change, or the forecast first) fills the wage box."""
    chosen = request.form.get("base", "")
    if (form.wage.data or "").strip() or not chosen or chosen == "wage":
        return
    try:
        month = YearMonth.parse(form.month.data or "")
    except ValueError:
        return
    preset = next((p for p in base_presets(month) if p.key == chosen), None)
    if preset:
        form.wage.data = str(preset.amount)


def base_presets(month: YearMonth) -> tuple:
    """The quick choices of a month (the same for everyone)."""
    try:
        return tuple(pension_base_presets(content(), month))
    except NotInForce:
        return ()


@bp.route("/calculate", methods=["GET", "POST"])
def calculate():
    form = build_form()
    steps = journey.start(journey.CALCULATE, form)
    result = None
    # Answers carried from an earlier page, or Change on a later one: they fill the form, nothing is checked yet.
    carried = request.method == "POST" and (request.form.get("carried") == "1" or "edit" in request.form)
    if carried:
        apply_carried_base(form)
    if request.method == "POST" and not carried:
        apply_quick_choice(form)
        if form.validate():
            try:
                advice = calculate_cost(content(), form.month.month, Hukou(form.hukou.data), form.wage.amount,
                                        tuple(Scheme(s) for s in form.insurances.data),
                                        getattr(form.unemployment_wage, "amount", None))
                result = result_view(advice)
                result["subsidy"] = calculator_subsidy(form, advice)
                platform = chosen_platform(form)
                result["injury"] = platform_injury(content(), platform, advice.month.first_day) if platform else None
                declared = result["schemes"][0]["base"].declared
                steps.extra = [("base", base_choice(declared, base_presets(form.month.month))),
                               ("wage", str(declared))]
                add_first_screen(result)
            except FiguresNotInForce as exc:
                form.month.errors = [not_in_force_message(content(), e) for e in exc.errors]
    month = getattr(form.month, "month", None) or YearMonth.of(today(current_app.config))
    return render_page_or_fragment(
        "calculate/page.html", "calculate/_result.html",
        form=form, result=result, presets=base_presets(month), submitted=request.method == "POST" and not carried,
    )
