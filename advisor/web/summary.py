"""One plain sentence first: the summary that opens every result (check, calculate, forecast…).

A result's summary is a headline (the answer to the page's question in one sentence) and, under it,
a few short lines. A page builds its headline with one function here; a feature that wants one more
line in a page's summary registers a function for that page, without touching the templates:

    @summary_line("calculate")
    def platform_subsidy(result) -> str | None:
        return _("…") if result["subsidy"] else None

Each function receives the page's result view (as the page's template gets it) and returns a line
in the reader's language, or None when it has nothing to say for this person. Lines appear in the
order they were registered, under the headline, in templates/macros/summary.html.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from advisor.i18n import current_language, gettext

LineBuilder = Callable[[object], "str | None"]
_LINES: dict[str, list[LineBuilder]] = {}


def summary_line(page: str) -> Callable[[LineBuilder], LineBuilder]:
    """Register a function that may add a line to a page's result summary."""
    def register(builder: LineBuilder) -> LineBuilder:
        _LINES.setdefault(page, []).append(builder)
        return builder
    return register


@dataclass(frozen=True)
class Summary:
    headline: str
    lines: tuple[str, ...] = field(default_factory=tuple)


def summary(page: str, headline: str, view: object, lines: Sequence[str] = ()) -> Summary:
    """The headline, the page's own lines, then every registered line that applies to this view."""
    extra = [text for builder in _LINES.get(page, []) if (text := builder(view))]
    return Summary(headline, tuple(line for line in (*lines, *extra) if line))


def join_names(names: Sequence[str]) -> str:
    """"pension, medical insurance and unemployment insurance" / "养老保险、医疗保险和失业保险"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    if current_language() == "zh":
        return "、".join(names[:-1]) + "和" + names[-1]
    if len(names) == 2:
        return gettext("%(first)s and %(last)s", first=names[0], last=names[1])
    return gettext("%(first)s and %(last)s", first=", ".join(names[:-1]) + ",", last=names[-1])
