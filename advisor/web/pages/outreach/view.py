"""Tools for union staff who explain the rules to a group: presenter slides, quiz, handout, membership table.

Nothing here is personal: slides and quiz steps are plain GET pages (a step in the URL is fine,
and staff can share the link). Figures come from the same advice functions as the other pages.
"""

from __future__ import annotations

from flask import abort, current_app, redirect, url_for
from markupsafe import Markup

from advisor.clock import today
from advisor.i18n import gettext
from advisor.i18n import lazy_gettext as _l
from advisor.rules.calendar import YearMonth
from advisor.web.blueprint import bp
from advisor.web.pages.outreach.view_model import (
    HANDOUT_CONDITIONS,
    channels,
    channels_source,
    conditions,
    cost_view,
    e_road,
    handout_sources,
    official_addresses,
    plain_conditions,
    quiz_entries,
    quiz_question,
    rule_quote,
    work_kinds,
)
from advisor.web.qr import qr_svg
from advisor.web.rendering import render_page_or_fragment, render_template

# The presenter's slides, in order: (template under outreach/slides/, title).
SLIDES = (
    ("title", _l("Social insurance for flexible workers in Shenzhen")),
    ("conditions", _l("Who may enroll")),
    ("work", _l("Which kinds of work count")),
    ("costs", _l("What it costs each month")),
    ("register", _l("Where to register: four ways")),
    ("e_road", _l("E路守护: the union's free cover, and how to claim")),
)
PRESENTER_BASES = ("floor", "avg100", "avg300")
HANDOUT_BASES = ("floor", "avg60", "avg100", "avg300")


def this_month() -> YearMonth:
    return YearMonth.of(today(current_app.config))


@bp.get("/outreach")
def outreach():
    return render_template("outreach/index.html")


@bp.get("/outreach/present")
def present_start():
    return redirect(url_for("web.present", number=1))


@bp.get("/outreach/present/<int:number>")
def present(number: int):
    if not 1 <= number <= len(SLIDES):
        abort(404)
    kind, title = SLIDES[number - 1]
    context = {"kind": kind, "title": str(title), "number": number, "count": len(SLIDES),
               "titles": [str(t) for _, t in SLIDES]}
    if kind == "conditions":
        context.update(conditions=conditions(), plain=plain_conditions(HANDOUT_CONDITIONS))
    elif kind == "work":
        context.update(work_kinds=work_kinds(short=True), pension_rule=rule_quote("work_pension_medical"),
                       unemployment_rule=rule_quote("work_unemployment"),
                       unemployment_plain=plain_conditions(("work_unemployment",))[0])
    elif kind == "costs":
        context["costs"] = cost_view(this_month(), PRESENTER_BASES)
    elif kind == "register":
        context.update(channels=channels(), channels_source=channels_source())
    elif kind == "e_road":
        context["e_road"] = e_road()
    return render_template("outreach/present.html", month=this_month(), **context)


@bp.get("/outreach/quiz")
def quiz():
    questions = [quiz_question(i, entry) for i, entry in enumerate(quiz_entries(), start=1)]
    return render_template("outreach/quiz_index.html", questions=questions)


def quiz_step(number: int, revealed: bool):
    entries = quiz_entries()
    if not 1 <= number <= len(entries):
        abort(404)
    return render_page_or_fragment(
        "outreach/quiz.html", "outreach/_quiz_step.html",
        question=quiz_question(number, entries[number - 1]), count=len(entries), revealed=revealed,
    )


@bp.get("/outreach/quiz/<int:number>")
def quiz_question_page(number: int):
    return quiz_step(number, revealed=False)


@bp.get("/outreach/quiz/<int:number>/answer")
def quiz_answer(number: int):
    return quiz_step(number, revealed=True)


@bp.get("/outreach/handout")
def handout():
    costs = cost_view(this_month(), HANDOUT_BASES, lowest=True)
    return render_template(
        "outreach/handout.html",
        month=this_month(), conditions=plain_conditions(HANDOUT_CONDITIONS), work_kinds=work_kinds(short=True),
        costs=costs, channels=channels(), e_road=e_road(), codes=qr_codes(), sources=handout_sources(costs),
    )


def qr_codes() -> list[tuple[str, str, Markup]]:
    """(caption, address, SVG): this site in the page's language, then the official websites."""
    site = url_for("web.home", _external=True)
    codes = [(gettext("This site: check and calculate"), site, qr_svg(site, site))]
    return codes + [(channel.name, channel.address, qr_svg(channel.address, channel.address))
                    for channel in official_addresses()]

