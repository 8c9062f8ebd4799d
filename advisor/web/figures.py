"""How a policy figure is shown: value, status in words, source and note, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from advisor.i18n import format_long_date, format_rate, format_yuan, localized
from advisor.i18n import gettext as _
from advisor.policy import Figure
from advisor.web.choices import content
from advisor.web.citations import STATUS_BADGES, Citation, cite

STATUS_LABELS = STATUS_BADGES  # a figure's status in the words every page uses


@dataclass(frozen=True)
class FigureView:
    parameter_id: str
    description: str
    value: Any
    status: str
    status_label: str
    explanation: str  # why the status is what it is, in plain words ("" when confirmed)
    citation: Citation | None
    url: str | None
    quote: str | None


@dataclass(frozen=True)
class NoticeView:
    """A notice under a result, with its source."""

    code: str
    message: str
    citation: Citation | None
    url: str | None
    extras: tuple[str, ...] = ()  # further paragraphs (the pension-place condition, the alternatives)
    kind_label: str = ""  # "third-party source" when the notice rests on one
    link: object = None  # a guide that says more (guide_views.Link)


def citation(source_key: str | None) -> Citation | None:
    """The document a figure or text cites, as pages show it (advisor/web/citations.py)."""
    return cite(source_key)


def figure_view(figure: Figure) -> FigureView:
    # A figure is one entry of a parameter in content/, carried forward or not: that is all it shows.
    explanation = localized(figure.note) if figure.status != "confirmed" else ""
    if figure.carried_forward and figure.until:
        explanation = _(
            "The figures for the period from %(date)s have not been published yet; the figure of the previous "
            "period is used until they are.", date=format_long_date(figure.until + timedelta(days=1)))
    cited = citation(figure.source)
    return FigureView(
        parameter_id=figure.parameter_id,
        description=localized(content().parameters[figure.parameter_id].description),
        value=figure.value,
        status=figure.status,
        status_label=str(STATUS_LABELS[figure.status]),
        explanation=explanation,
        citation=cited,
        url=cited.url if cited else None,
        quote=figure.quote,
    )


def figure_value(value, parameter_id: str) -> str:
    """A figure as users read it: money in yuan, ratios in per cent."""
    unit = content().parameters[parameter_id].unit
    if unit in ("CNY/month", "CNY/year"):
        return format_yuan(value)
    if unit == "ratio":
        return format_rate(value)
    return str(value)
