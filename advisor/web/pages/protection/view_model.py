"""View-models for the protection pages: content/protections/ texts with their status and source."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.answers.protections import status_label
from advisor.i18n import gettext as _
from advisor.i18n import localized
from advisor.policy.protections import platform as platform_entry
from advisor.web.choices import content
from advisor.web.citations import Citation
from advisor.web.figures import citation
from advisor.web.schemes import claim_phones, hotline, scheme, whole_yuan


@dataclass(frozen=True)
class FactView:
    text: str
    status: str
    status_label: str
    citation: Citation | None
    quote: str | None


def fact_view(item: dict) -> FactView:
    text = citation(item.get("source")) if item.get("source") else None
    return FactView(localized(item["text"]), item["status"], status_label(content(), item["status"]), text,
                    localized(item["quote"]) if item.get("quote") else None)


def injury_page_context() -> dict:
    """The page around the self-check: the same for everyone (content only)."""
    injury = content().protections["injury_protection"]
    sections = [{"id": s["id"], "title": localized(s["title"]), "facts": [fact_view(i) for i in s["items"]]}
                for s in injury["sections"]]
    return {"injury": injury, "sections": sections, "hotline": hotline(), "reason_status": reason_status}


def reason_status(code_status: str | None) -> str:
    return status_label(content(), code_status) if code_status else ""


def checklist_context() -> dict:
    e_road = scheme("e_road")
    return {
        "e_road_conditions": [f"({n}) {localized(c['text'])}" for n, c in enumerate(e_road["conditions"], start=1)],
        "hotline": hotline(),
        "phones": claim_phones(),
        "reason_status": reason_status,
        "platform_entry": lambda pid: platform_entry(content(), pid),
        "tier_label": tier_label,
        "yuan_round": whole_yuan,
        "plan_citation": citation(scheme("gd_mutual_aid")["source"]),
    }


def tier_label(tier) -> str:
    """A tier's self-paid amounts in words, as on the union page's table."""
    low = whole_yuan(tier.low)
    if tier.high is None:
        return _("More than %(low)s", low=low)
    if tier.low_included:
        return _("From %(low)s up to and including %(high)s", low=low, high=whole_yuan(tier.high))
    return _("More than %(low)s, up to and including %(high)s", low=low, high=whole_yuan(tier.high))
