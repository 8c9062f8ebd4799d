"""我的参保方案 — the plan at the end of the journey (issue 23): this person's answers on one printable page.

Reached by POST from the last steps of the journey (the forecast, register, the check and the calculator), with
every answer in the body (advisor/web/journey.py); a GET says what the page is for and where to begin. The plan
asks nothing and decides nothing: advisor.answers.plan puts together the answers of the other pages.
"""

from __future__ import annotations

from flask import current_app, request

from advisor.answers.plan import make_plan
from advisor.clock import today
from advisor.web import journey
from advisor.web.blueprint import bp
from advisor.web.choices import content
from advisor.web.handoff import save_link_of
from advisor.web.pages.plan.form import read_question
from advisor.web.pages.plan.view_model import plan_view
from advisor.web.rendering import render_page_or_fragment


@bp.route("/plan", methods=["GET", "POST"])
def plan():
    as_of = today(current_app.config)
    steps = journey.start(journey.PLAN, None)
    view = None
    if request.method == "POST" and steps.posted:
        question = read_question(request.form, as_of)
        hukou = question.hukou or (question.person.hukou if question.person else None)
        view = plan_view(make_plan(content(), question, as_of), hukou)
    saved = save_link_of(steps.answers()) if view else None
    return render_page_or_fragment("plan/page.html", "plan/_plan.html", view=view, steps=steps, saved_link=saved,
                                   restore_names=journey.RESTORE_NAMES)
