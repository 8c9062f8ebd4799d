"""可以参保吗 — can I enroll as a flexible worker, insurance by insurance, and why.

One URL, three states: the questions (with a live result under them when JavaScript is on), the
result with a "your answers" summary, and the questions again after "Change" on one answer. The
answers travel only in POST bodies and hidden fields.
"""

from __future__ import annotations

from flask import request

from advisor.answers.eligibility import check_eligibility
from advisor.answers.explain import (
    not_in_force_message,
)
from advisor.policy import NotInForce
from advisor.web import journey
from advisor.web.blueprint import bp
from advisor.web.choices import content
from advisor.web.pages.check.form import ANSWER_NAMES, build_form
from advisor.web.pages.check.view_model import answer_rows, result_view
from advisor.web.rendering import render_page_or_fragment


def requested_change() -> tuple[bool, str | None]:
    """Whether "Change" was pressed, and on which question (None when the name is unknown)."""
    if "edit" not in request.form:
        return False, None
    name = request.form.get("edit")
    return True, name if name in ANSWER_NAMES else None


@bp.route("/check", methods=["GET", "POST"])
def check():
    form = build_form()
    journey.start(journey.CHECK, form)
    result = problem = None
    changing, focus = requested_change() if request.method == "POST" else (False, None)
    submitted = request.method == "POST" and not changing
    if submitted and form.validate():
        try:
            result = result_view(check_eligibility(content(), form.person(), form.as_of, *form.pathway_answers()))
        except NotInForce as exc:
            problem = not_in_force_message(content(), exc)
    return render_page_or_fragment(
        "check/page.html", "check/_result.html",
        form=form, result=result, problem=problem, submitted=submitted, changing=changing, focus=focus,
        answers=answer_rows(form) if result else [],
    )
