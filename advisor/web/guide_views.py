"""The register and FAQ guides (content/guides/) in the page's language, fitted to a hukou when one is chosen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for
from markupsafe import Markup, escape

from advisor.i18n import current_language, localized
from advisor.i18n import lazy_gettext as _l
from advisor.policy.guides import HUKOU_VALUES
from advisor.rules.types import Hukou
from advisor.web.choices import HUKOU_CHOICES, content
from advisor.web.citations import Citation
from advisor.web.figures import citation

# Who an item is for, when the page shows the version for every hukou.
_NON_SHENZHEN = frozenset({Hukou.GUANGDONG.value, Hukou.OTHER_PROVINCE.value})
AUDIENCE_LABELS = {
    frozenset({Hukou.SHENZHEN.value}): _l("people with Shenzhen hukou"),
    _NON_SHENZHEN: _l("people without Shenzhen hukou (elsewhere in Guangdong or another province)"),
    frozenset({Hukou.SHENZHEN.value, *_NON_SHENZHEN}): _l("people with mainland hukou (Shenzhen or elsewhere)"),
    frozenset({Hukou.OTHER_PROVINCE.value}): _l("people with hukou outside Guangdong"),
    frozenset({Hukou.HK_MACAO_TAIWAN.value}): _l("Hong Kong, Macao and Taiwan residents"),
}
# Where a guide's `see_also` leads, and how the link reads.
LINKS = {
    "check": ("web.check", _l("Check whether you can enroll")),
    "calculate": ("web.calculate", _l("Work out what you would pay now")),
    "forecast": ("web.forecast", _l("See what you would get later")),
    "register": ("web.register", _l("See where and how to register")),
    "union": ("web.union", _l("See the union's free protection")),
    "stopping": ("web.stopping", _l("Stopping, gaps and back payment")),
    "leaving": ("web.leaving", _l("Leaving Shenzhen: what happens to your insurance")),
    "resident": ("web.resident", _l("Compare with the resident schemes")),
    "faq": ("web.faq", _l("Questions and answers")),
}


@dataclass(frozen=True)
class Cited:
    """Where a text comes from: the verbatim quote (if any) and the document it is quoted from."""

    quote: str
    citation: Citation | None  # the document, at the place the item cites
    url: str | None
    locator: str
    kind_label: str  # kept for templates that still read it: always "" (how sure a source is: the sources page)


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class Variant:
    audience: str  # "" when the page is fitted to one hukou
    text: Markup


@dataclass(frozen=True)
class Step:
    variants: tuple[Variant, ...]
    note: str


@dataclass(frozen=True)
class Item:
    text: str
    note: str
    audience: str


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    address: str | None
    suits: str
    materials_intro: str
    materials: tuple[Item, ...]
    steps: tuple[Step, ...]
    cited: Cited


@dataclass(frozen=True)
class Note:
    id: str
    title: str
    text: str
    audience: str
    cited: Cited
    link: Link | None


def cited(item: Mapping[str, Any]) -> Cited:
    """An item's own quote and source, or those of the notice it borrows from content/rules/notices.yaml."""
    source = item.get("source")
    quote = item.get("quote")
    if "notice" in item:
        notice = content().texts["notices"][item["notice"]]
        source, quote = notice["source"], notice.get("quote")
    locator = localized(item.get("locator"))
    document = citation(source)
    return Cited(localized(quote), document.at(locator) if document else None, document.url if document else None,
                 locator, "")


def link(page: str | None) -> Link | None:
    """A link to another page of the site, only when that page exists."""
    if page not in LINKS:
        return None
    endpoint, label = LINKS[page]
    if endpoint not in current_app.view_functions:
        return None
    return Link(url_for(endpoint), str(label))


def applies(item: Mapping[str, Any], hukou: Hukou | None) -> bool:
    return hukou is None or hukou.value in item.get("for", HUKOU_VALUES)


def audience(item: Mapping[str, Any], hukou: Hukou | None) -> str:
    """Say who an item is for on the page for everyone; the page for one hukou needs no label."""
    if hukou is not None or "for" not in item:
        return ""
    values = frozenset(item["for"])
    if values in AUDIENCE_LABELS:
        return str(AUDIENCE_LABELS[values])
    return " / ".join(str(choice.label) for choice in HUKOU_CHOICES if choice.value in values)


def screen_text(step: Mapping[str, Any]) -> Markup:
    """The step in words, with the screen's own Chinese words quoted, marked as Chinese, and glossed in English."""
    labels = []
    for label in step.get("screen", ()):
        chinese = Markup('<span class="screen-text" lang="zh-CN">“{}”</span>').format(label["zh"])
        labels.append(chinese if current_language() == "zh" else chinese + Markup(" ({})").format(label["en"]))
    text = escape(localized(step["text"]))
    return Markup(text.replace("{screen}", Markup(" → ").join(labels))) if labels else text


def step_view(step: Mapping[str, Any], hukou: Hukou | None) -> Step:
    variants = step.get("variants", [step])
    return Step(
        tuple(Variant(audience(v, hukou), screen_text(v)) for v in variants if applies(v, hukou)),
        localized(step.get("note")),
    )


def channel_view(channel: Mapping[str, Any], hukou: Hukou | None) -> Channel:
    return Channel(
        id=channel["id"],
        name=localized(channel["name"]),
        address=channel.get("address"),
        suits=localized(channel["suits"]),
        materials_intro=localized(channel.get("materials_intro")),
        materials=tuple(Item(localized(m["text"]), localized(m.get("note")), audience(m, hukou))
                        for m in channel["materials"] if applies(m, hukou)),
        steps=tuple(step_view(step, hukou) for step in channel["steps"]),
        cited=cited(channel),
    )


def note_view(item: Mapping[str, Any], hukou: Hukou | None) -> Note:
    return Note(item["id"], localized(item["title"]), localized(item["text"]), audience(item, hukou), cited(item),
                link(item.get("see_also")))
