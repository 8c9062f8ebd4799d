"""常见问题 — seed 000's questions with the official answer quoted, and common myths set right."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from advisor.answers.explain import not_in_force_message
from advisor.clock import today
from advisor.i18n import localized
from advisor.policy import NotInForce
from advisor.web.blueprint import bp
from advisor.web.choices import content
from advisor.web.figures import FigureView, figure_view
from advisor.web.guide_views import Cited, Link, cited, link
from advisor.web.rendering import render_template


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str
    cited: Cited
    figures: tuple[FigureView, ...]
    figures_missing: tuple[str, ...]  # why a figure the answer names has no value today
    link: Link | None


@dataclass(frozen=True)
class Myth:
    id: str
    myth: str
    fact: str
    cited: Cited
    link: Link | None


def question_view(item: dict, as_of) -> Question:
    """Figures the answer names are shown as in force today, with their status, never typed into the text."""
    figures, missing = [], []
    for parameter_id in item.get("figures", ()):
        try:
            figures.append(figure_view(content().figure(parameter_id, as_of)))
        except NotInForce as error:
            missing.append(not_in_force_message(content(), error))
    return Question(item["id"], localized(item["question"]), localized(item["answer"]), cited(item),
                    tuple(figures), tuple(missing), link(item.get("see_also")))


def faq_view(as_of) -> dict:
    guide = content().texts["faq"]
    return {
        "questions": [question_view(item, as_of) for item in guide["questions"]],
        "myths": [Myth(m["id"], localized(m["myth"]), localized(m["fact"]), cited(m), link(m.get("see_also")))
                  for m in guide["myths"]],
    }


@bp.get("/faq")
def faq():
    # The same page for everyone on the same day (its figures are today's): worked out and rendered once a day.
    as_of = today(current_app.config)
    return render_template("faq/page.html", as_of=as_of, **faq_view(as_of))
