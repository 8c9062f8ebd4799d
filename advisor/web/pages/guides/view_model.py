"""The view-model of the guide pages from content/guides/pathways.yaml (stopping, leaving, resident).

Each item shows its plain words, the verbatim quote and the source (guide_views.cited), and its
status when it rests on a third-party text or was looked for and not found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app

from advisor.answers.explain import not_in_force_message
from advisor.clock import today
from advisor.i18n import lazy_gettext as _l
from advisor.i18n import localized
from advisor.policy import NotInForce
from advisor.web.choices import content
from advisor.web.figures import FigureView, figure_view
from advisor.web.guide_views import Cited, Link, audience, cited, link
from advisor.web.rendering import render_template

ITEM_STATUS_LABELS = {
    "provisional": _l("Not confirmed by an official text"),
    "missing": _l("Not found: ask 12333"),
}


@dataclass(frozen=True)
class GuideItem:
    id: str
    title: str
    text: str
    audience: str
    cited: Cited
    link: Link | None
    status: str  # "" when the source speaks for itself
    status_label: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    items: tuple[GuideItem, ...]


@dataclass(frozen=True)
class Cell:
    text: str
    cited: Cited
    link: Link | None
    status: str
    status_label: str
    figures: tuple[FigureView, ...]
    figures_missing: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Comparison:
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Guide:
    name: str
    title: str
    summary: str  # the answer in one sentence, shown first
    lead: str
    sections: tuple[Section, ...]
    comparison: Comparison | None
    as_of: date


def _status(item: Mapping[str, Any]) -> tuple[str, str]:
    status = item.get("status", "")
    return status, str(ITEM_STATUS_LABELS[status]) if status else ""


def item_view(item: Mapping[str, Any]) -> GuideItem:
    status, label = _status(item)
    return GuideItem(item["id"], localized(item["title"]), localized(item["text"]), audience(item, None),
                     cited(item), link(item.get("see_also")), status, label)


def cell_view(cell: Mapping[str, Any], on: date) -> Cell:
    status, label = _status(cell)
    figures, missing = [], []
    for parameter_id in cell.get("figures", ()):
        try:
            figures.append(figure_view(content().figure(parameter_id, on)))
        except NotInForce as error:
            missing.append(not_in_force_message(content(), error))
    return Cell(localized(cell["text"]), cited(cell), link(cell.get("see_also")), status, label,
                tuple(figures), tuple(missing))


def comparison_view(table: Mapping[str, Any] | None, on: date) -> Comparison | None:
    if not table:
        return None
    columns = tuple(table["columns"])
    return Comparison(
        tuple(localized(table["columns"][c]) for c in columns),
        tuple(Row(row["id"], localized(row["label"]), tuple(cell_view(row[c], on) for c in columns))
              for row in table["rows"]),
    )


def guide_view(name: str) -> Guide:
    raw = content().texts["pathways"]["guides"][name]
    on = today(current_app.config)
    return Guide(
        name=name,
        title=localized(raw["title"]),
        summary=localized(raw["summary"]),
        lead=localized(raw["lead"]),
        sections=tuple(Section(s["id"], localized(s["title"]), tuple(item_view(i) for i in s["notes"]))
                       for s in raw["sections"]),
        comparison=comparison_view(raw.get("comparison"), on),
        as_of=on,
    )


def render_guide(name: str, **extra) -> str:
    return render_template("guides/page.html", guide=guide_view(name), **extra)
