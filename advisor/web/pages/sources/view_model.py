"""The sources page's view model: every entry of content/sources.yaml, with what the site rests on it.

For staff and maintainers. Each document shows its status in the four plain words the pages use, its official
address, where it was actually read when that was elsewhere (a mirror, a repost, a code project), the research
note in plain words, and what it supports: the figures (content/parameters/) and the pages whose texts cite it.
This is the only page that shows research notes; the other pages show a short line and the page's citations.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from advisor.i18n import format_long_date, localized
from advisor.i18n import gettext as _
from advisor.i18n import lazy_gettext as _l
from advisor.web.choices import content
from advisor.web.citations import STATUS_BADGES, STATUS_MEANINGS, document_title

# How sure a document is, from its kind (content/sources.yaml's header).
KIND_STATUS = {"official": "confirmed", "seed": "confirmed", "official-unseen": "provisional",
               "secondary": "provisional", "derived": "provisional"}
KIND_LABELS = {
    "official": _l("Official text, read"),
    "seed": _l("Official leaflet or notice the project started from"),
    "official-unseen": _l("Official text known by its number or address; its text was not read"),
    "secondary": _l("Not an official text: a news report, a platform's announcement or a guide written by others"),
    "derived": _l("Worked out by this site from figures cited elsewhere"),
}
# Where the texts citing a document are shown: (where in content/, first key) → the page's endpoint and name.
PAGES = {
    "eligibility": ("web.check", _l("Can I enroll?")),
    "work_kinds": ("web.check", _l("Can I enroll?")),
    "notices": ("web.check", _l("Can I enroll?")),
    "schemes": ("web.calculate", _l("What will I pay?")),
    "channels": ("web.register", _l("Where do I register?")),
    "faq": ("web.faq", _l("Questions")),
    "pathways/stopping": ("web.stopping", _l("Stopping, gaps and back payment")),
    "pathways/leaving": ("web.leaving", _l("Leaving Shenzhen")),
    "pathways/resident": ("web.resident", _l("The resident schemes")),
    "quiz": ("web.outreach", _l("For union staff")),
    "membership_drive": ("web.outreach", _l("For union staff")),
    "e_road": ("web.union_e_road", _l("E路守护 accident cover")),
    "gd_mutual_aid": ("web.union_accident_aid", _l("Union accident-medical aid")),
    "union_membership": ("web.union_join", _l("Joining the union")),
    "other_regions": ("web.union_other_regions", _l("Union schemes in other regions")),
    "injury_protection": ("web.protection_injury", _l("Occupational-injury protection (新职伤)")),
    "platforms": ("web.protection_injury", _l("Occupational-injury protection (新职伤)")),
    "subsidies": ("web.protection_injury", _l("Occupational-injury protection (新职伤)")),
    "after_accident": ("web.protection_after_accident", _l("After an accident")),
}


@dataclass(frozen=True)
class FigureSupport:
    name: str
    notes: tuple[str, ...]  # the figure's research notes for the dated values citing the source ("from …: …")


@dataclass(frozen=True)
class Supported:
    figures: tuple[FigureSupport, ...]
    pages: tuple[tuple[str, str], ...]  # (endpoint, name)


@dataclass(frozen=True)
class SourceEntry:
    key: str
    title: str
    issuer: str
    date: str
    kind_label: str
    status: str  # confirmed, provisional (the badge)
    status_label: str
    status_meaning: str
    url: str | None  # the official address
    read_at: str | None  # where the text was actually read, when not at the official address
    note: str  # the research note, in plain words ("" when there is none)
    supports: Supported


def _cited_keys(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        for key in ("source", "related_source"):
            if isinstance(node.get(key), str):
                yield node[key]
        for value in node.values():
            yield from _cited_keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from _cited_keys(value)


def _page_key(stem: str, data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """The parts of a file that one page shows: the pathways file holds three guides."""
    if stem == "pathways":
        for guide, part in data.get("guides", {}).items():
            yield f"pathways/{guide}", part
    else:
        yield stem, data


def supports_index() -> dict[str, Supported]:
    """For each source key: the figures that cite it (any dated value or candidate) and the pages whose texts do."""
    figures: dict[str, dict[str, list[str]]] = {}
    unique = {id(parameter): parameter for parameter in content().parameters.values()}  # an alias is the same
    for parameter in unique.values():
        name = localized(parameter.description)
        for entry in parameter.entries:
            for key in dict.fromkeys((entry.source, *(candidate.source for candidate in entry.candidates))):
                if not key:
                    continue
                notes = figures.setdefault(key, {}).setdefault(name, [])
                if entry.research and key == entry.source:
                    notes.append(_("From %(date)s: %(note)s", date=format_long_date(entry.effective),
                                   note=localized(entry.research)))
    pages: dict[str, dict[tuple[str, str], None]] = {}
    for group in (content().texts, content().schemes, content().protections):
        for stem, data in group.items():
            for page_key, part in _page_key(stem, data):
                if page_key not in PAGES:
                    continue
                endpoint, label = PAGES[page_key]
                for key in _cited_keys(part):
                    pages.setdefault(key, {})[(endpoint, str(label))] = None
    return {key: Supported(tuple(FigureSupport(name, tuple(notes)) for name, notes in figures.get(key, {}).items()),
                           tuple(pages.get(key, ()))) for key in content().sources}


def source_entries() -> list[SourceEntry]:
    index = supports_index()
    entries = []
    for key, source in content().sources.items():
        status = KIND_STATUS[source["kind"]]
        entries.append(SourceEntry(
            key=key, title=document_title(source), issuer=str(source["issuer"]), date=str(source.get("date", "")),
            kind_label=str(KIND_LABELS[source["kind"]]), status=status, status_label=str(STATUS_BADGES[status]),
            status_meaning=str(STATUS_MEANINGS[status]), url=source.get("url"), read_at=source.get("read_at"),
            note=localized(source.get("note")),
            supports=index[key]))
    return entries
