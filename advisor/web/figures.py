"""How a policy figure is shown: value, status in words, source and note, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from advisor.i18n import current_language, format_long_date, format_rate, format_yuan, localized
from advisor.i18n import gettext as _
from advisor.i18n import lazy_gettext as _l
from advisor.policy import Figure
from advisor.web.choices import content

STATUS_LABELS = {
    "confirmed": _l("Confirmed"),
    "provisional": _l("Provisional"),
    "conflicting": _l("Sources disagree"),
    "missing": _l("Not found"),
}


@dataclass(frozen=True)
class FigureView:
    parameter_id: str
    description: str
    value: Any
    status: str
    status_label: str
    explanation: str  # why the status is what it is, in plain words ("" when confirmed)
    citation: str
    url: str | None
    quote: str | None


@dataclass(frozen=True)
class NoticeView:
    """A notice under a result, with its source."""

    code: str
    message: str
    citation: str
    url: str | None
    extras: tuple[str, ...] = ()  # further paragraphs (the pension-place condition, the alternatives)
    kind_label: str = ""  # "third-party source" when the notice rests on one
    link: object = None  # a guide that says more (guide_views.Link)


def citation(source_key: str | None) -> tuple[str, str | None]:
    source = content().sources.get(source_key or "", {})
    parts = [str(source.get(k)) for k in ("number", "title") if source.get(k)]
    text = " ".join(parts)
    if source.get("issuer"):
        opening, comma, closing = ("（", "，", "）") if current_language() == "zh" else (" (", ", ", ")")
        text += f"{opening}{source['issuer']}{comma}{source['date']}{closing}"
    return text, source.get("url")


def figure_view(figure: Figure) -> FigureView:
    # A figure is one entry of a parameter in content/, carried forward or not: that is all it shows.
    explanation = localized(figure.note) if figure.status != "confirmed" else ""
    if figure.carried_forward and figure.until:
        explanation = _(
            "The figures for the period from %(date)s have not been published yet; the figure of the previous "
            "period is used until they are.", date=format_long_date(figure.until + timedelta(days=1)))
    text, url = citation(figure.source)
    return FigureView(
        parameter_id=figure.parameter_id,
        description=localized(content().parameters[figure.parameter_id].description),
        value=figure.value,
        status=figure.status,
        status_label=str(STATUS_LABELS[figure.status]),
        explanation=explanation,
        citation=text,
        url=url,
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
