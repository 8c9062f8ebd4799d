"""The view: read the form, ask advisor.answers.pension_at_retirement, render the page or its fragment."""

from __future__ import annotations

from flask import current_app, request

from advisor.answers.explain import not_in_force_message
from advisor.answers.pension_at_retirement import pension_at_retirement
from advisor.answers.retirement_explain import outside_window_message
from advisor.clock import today
from advisor.policy.inputs import FiguresNotInForce
from advisor.rules.flexible_retirement import OutsideWindow
from advisor.web.blueprint import bp
from advisor.web.choices import content
from advisor.web.pages.pension_at_retirement.form import PensionAtRetirementForm
from advisor.web.pages.pension_at_retirement.view_model import pension_view
from advisor.web.rendering import render_page_or_fragment


@bp.route("/pension-at-retirement", methods=["GET", "POST"])
def pension_at_retirement_page():
    as_of = today(current_app.config)
    form = PensionAtRetirementForm(request.form if request.method == "POST" else None)
    form.as_of = as_of
    result = problem = None
    submitted = request.method == "POST"
    if submitted and form.validate():
        try:
            result = pension_view(pension_at_retirement(content(), form.question(), as_of))
        except OutsideWindow as exc:
            form.add_error(form.retirement_month, outside_window_message(exc))
        except FiguresNotInForce as exc:
            problem = [not_in_force_message(content(), e) for e in exc.errors]
    return render_page_or_fragment(
        "pension_at_retirement/page.html", "pension_at_retirement/_result.html",
        form=form, result=result, problem=problem, submitted=submitted)
