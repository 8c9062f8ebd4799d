"""How a source is shown (issue 24): one short line under an item, and the page's full citations once, at its end.

A `Citation` is one document of content/sources.yaml as a page shows it, in the page's language: its title (with
its number), the place in it (`locator`, "第九条") when the item names one, its issuer and date, and its official
address when it has one. What the research behind it found (a mirror read instead of the official page, a
third-party calculator, a repost) is not here: that is the sources page's (advisor/web/pages/sources/).

`page_citations` collects, from what a page is rendered with, every Citation its view models carry, each document
once, in the order the page first uses them; advisor/web/rendering.py hands them to every page as `citations`, and
templates/base.html shows them in the collapsed "依据和来源" section (templates/macros/sources.html).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from advisor.i18n import current_language
from advisor.i18n import lazy_gettext as _l
from advisor.web.choices import content

# A status in a word or two, and what it means for the reader, with whom to ask when it is not settled.
STATUS_BADGES = {
    "confirmed": _l("Confirmed"),
    "provisional": _l("Unverified"),
    "conflicting": _l("Sources differ"),
    "missing": _l("No official rule found"),
}
STATUS_MEANINGS = {
    "confirmed": _l("Read in the official text."),
    "provisional": _l("Not yet read in an official text; ask 12333 or the platform before you rely on it."),
    "conflicting": _l("The sources give different answers; ask 12333 which one applies to you."),
    "missing": _l("We found no official rule on this; ask 12333, the platform or the union hotline 956030."),
}


@dataclass(frozen=True)
class Citation:
    key: str  # the document's key in content/sources.yaml (the sources page's anchor)
    title: str  # number and title, as the document names itself
    locator: str  # the place in it ("第九条"), "" when the item names none
    issuer: str
    date: str
    url: str | None  # the official address, never a mirror's
    kind: str

    @property
    def line(self) -> str:
        """The short line under an item: the title, and the place in it."""
        if not self.locator:
            return self.title
        return f"{self.title}{self.locator}" if current_language() == "zh" else f"{self.title}, {self.locator}"

    def __str__(self) -> str:
        return self.line

    def at(self, locator: str) -> Citation:
        return replace(self, locator=locator or "")


def document_title(source: Mapping[str, Any]) -> str:
    """《Title》 for a document that has a number or an issuer's own title; a report's headline as it is."""
    if current_language() == "en" and source.get("title_en"):
        return str(source["title_en"])
    title = str(source["title"])
    if source.get("kind") in ("official", "official-unseen", "seed") and "《" not in title:
        title = f"《{title}》"
    if not source.get("number"):
        return title
    return f"{title}（{source['number']}）" if current_language() == "zh" else f"{title} ({source['number']})"


def cite(source_key: str | None, locator: str = "") -> Citation | None:
    """The document `source_key` names, as this page's language shows it; None when there is none."""
    source = content().sources.get(source_key or "")
    if not source:
        return None
    return Citation(
        key=str(source_key), title=document_title(source), locator=locator or "", issuer=str(source["issuer"]),
        date=str(source.get("date", "")), url=source.get("url"), kind=str(source["kind"]))


def _walk(value: Any, depth: int) -> Iterable[Citation]:
    if isinstance(value, Citation):
        yield value
    elif depth <= 0 or isinstance(value, (str, bytes, int, float)) or value is None:
        return
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from _walk(getattr(value, field.name), depth - 1)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _walk(item, depth - 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _walk(item, depth - 1)


@dataclass(frozen=True)
class PageCitation:
    """One document in a page's "依据和来源" section, with every place in it the page cites."""

    citation: Citation
    locators: tuple[str, ...]


def page_citations(*values: Any) -> tuple[PageCitation, ...]:
    """Every Citation the values carry (view models: dataclasses, mappings, lists), each document once, in the order
    first met, with the places in it that were cited."""
    found: dict[str, tuple[Citation, list[str]]] = {}
    for value in values:
        for citation in _walk(value, 12):
            first, locators = found.setdefault(citation.key, (citation.at(""), []))
            if citation.locator and citation.locator not in locators:
                locators.append(citation.locator)
    return tuple(PageCitation(first, tuple(locators)) for first, locators in found.values())


# Protection items (content/protections/) rate their sources official, secondary, unverified or not_found: on a page
# they read as the figures' four statuses.
PLAIN_STATUS = {
    "confirmed": "confirmed", "provisional": "provisional", "conflicting": "conflicting", "missing": "missing",
    "official": "confirmed", "secondary": "provisional", "unverified": "provisional", "not_found": "missing",
}


def status_plain(status: str | None) -> str:
    return PLAIN_STATUS.get(status or "", "")


def init_app(app) -> None:
    app.jinja_env.globals.update(
        status_plain=status_plain,
        status_badge_label=lambda status: str(STATUS_BADGES[status]),
        status_meaning=lambda status: str(STATUS_MEANINGS[status]),
    )
