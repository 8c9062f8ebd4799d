"""Platform workers' protections: the 新职伤 page with its self-check, and the after-accident checklist.

One package for the two pages: forms in forms.py, views here, view-models in views.py. Answers come
from advisor.answers.protections, exactly as the JSON API (advisor/api/protection.py) calls them.
"""

from __future__ import annotations

from flask import current_app, request

from advisor.answers.protections import checklist_answer, injury_answer
from advisor.clock import today
from advisor.web.blueprint import bp
from advisor.web.choices import tri_state
from advisor.web.pages.protection.form import AfterAccidentForm, InjuryForm
from advisor.web.pages.protection.view_model import checklist_context, injury_page_context
from advisor.web.rendering import render_page_or_fragment


@bp.route("/protection/injury", methods=["GET", "POST"])
def protection_injury():
    form = InjuryForm(request.form if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.validate():
        result = injury_answer(form.content, form.platform.data, form.work.data, tri_state(form.during_order.data),
                               today(current_app.config))
    return render_page_or_fragment(
        "protection/injury.html", "protection/_injury_result.html",
        form=form, result=result, submitted=request.method == "POST", **injury_page_context())


@bp.route("/protection/after-accident", methods=["GET", "POST"])
def protection_after_accident():
    form = AfterAccidentForm(request.form if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.validate():
        result = checklist_answer(form.content, form.answers(), today(current_app.config))
    return render_page_or_fragment(
        "protection/after_accident.html", "protection/_checklist.html",
        form=form, result=result, submitted=request.method == "POST", **checklist_context())
