"""View models for the union pages: content/schemes/ texts and figures, in the page's language.

Every amount shown here is read from content/schemes/ (never typed into a template); the words
around it are Babel strings. Claim checks and payouts come from advisor.answers.union, the same
functions the JSON API uses, so the pages and the API always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor.answers.union import MutualAidAdvice, claim_verdict_text, condition_texts, no_proof_text
from advisor.i18n import format_rate, localized
from advisor.i18n import gettext as _
from advisor.rules.union_schemes import ClaimCheck, ConditionOutcome
from advisor.web.choices import content
from advisor.web.schemes import scheme, whole_yuan

# E路守护 benefits -------------------------------------------------------------------------------

@dataclass(frozen=True)
class BenefitRow:
    benefit_id: str
    name: str
    cells: tuple[tuple[str, ...] | None, ...]  # one per occupation group; None: not in that group's cover
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class BenefitTable:
    groups: tuple[str, ...]
    rows: tuple[BenefitRow, ...]


def _level_line(level: Mapping[str, Any]) -> str:
    if "up_to" in level:
        return _("%(name)s: up to %(amount)s", name=localized(level["name"]), amount=whole_yuan(level["up_to"]))
    return _("%(name)s: %(amount)s, paid once", name=localized(level["name"]), amount=whole_yuan(level["lump_sum"]))


def benefit_lines(benefit: Mapping[str, Any]) -> tuple[str, ...]:
    """What one benefit pays, line by line, from whichever amounts its content entry has."""
    lines = []
    if "up_to" in benefit:
        lines.append(_("Up to %(amount)s", amount=whole_yuan(benefit["up_to"])))
    if "lump_sum" in benefit:
        lines.append(_("%(amount)s, paid once", amount=whole_yuan(benefit["lump_sum"])))
    if "per_day" in benefit:
        lines.append(_("%(amount)s a day, for up to %(days)s days", amount=whole_yuan(benefit["per_day"]),
                       days=benefit["max_days"]))
    if "deductible_per_incident" in benefit:
        lines.append(_("Deductible: %(amount)s per accident", amount=whole_yuan(benefit["deductible_per_incident"])))
    if "reimbursement" in benefit:
        share = benefit["reimbursement"]
        lines.append(_("Costs within the medical-insurance scope: what is left after medical insurance has paid "
                       "is refunded at %(after)s; costs not first claimed on medical insurance at %(without)s",
                       after=format_rate(Decimal(share["after_medical_insurance"])),
                       without=format_rate(Decimal(share["without_medical_insurance"]))))
    lines.extend(_level_line(level) for level in benefit.get("levels", []))
    if "mild_then_more" in benefit:
        lines.append(_("After the mild-illness benefit you can still claim the general or rare critical-illness "
                       "benefit."))
    return tuple(lines)


def benefit_quotes(benefit: Mapping[str, Any]) -> tuple[str, ...]:
    if "quote" in benefit:
        return (localized(benefit["quote"]),)
    return tuple(localized(level["quote"]) for level in benefit.get("levels", []) if "quote" in level)


def benefit_table() -> BenefitTable:
    e_road = scheme("e_road")
    groups = e_road["benefit_groups"]
    order: list[str] = []
    for group in groups.values():
        order.extend(b for b in group["benefits"] if b not in order)
    rows = []
    for benefit_id in order:
        benefit = e_road["benefits"][benefit_id]
        lines = benefit_lines(benefit)
        cells = tuple(lines if benefit_id in group["benefits"] else None for group in groups.values())
        rows.append(BenefitRow(benefit_id, localized(benefit["name"]), cells, benefit_quotes(benefit)))
    return BenefitTable(tuple(localized(g["name"]) for g in groups.values()), tuple(rows))


# E路守护 claim check ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ConditionView:
    number: int
    condition_id: str
    text: str
    quote: str
    proof: str | None
    answer: str
    outcome: str  # met | not_met | unknown
    outcome_label: str


@dataclass(frozen=True)
class ClaimView:
    verdict: str  # all_met | not_met | unknown
    message: str
    conditions: tuple[ConditionView, ...]
    no_proof_note: str

    @property
    def not_met(self) -> tuple[ConditionView, ...]:
        return tuple(c for c in self.conditions if c.outcome == ConditionOutcome.NOT_MET.value)

    @property
    def unknown(self) -> tuple[ConditionView, ...]:
        return tuple(c for c in self.conditions if c.outcome == ConditionOutcome.UNKNOWN.value)


def claim_view(check: ClaimCheck) -> ClaimView:
    views = []
    for number, result in enumerate(check.conditions, start=1):
        texts = condition_texts(content(), result)
        views.append(ConditionView(number, result.condition, localized(texts.text), localized(texts.quote),
                                   localized(texts.proof) if texts.proof else None, localized(texts.answer),
                                   result.outcome.value, localized(texts.outcome)))
    return ClaimView(check.verdict.value, localized(claim_verdict_text(content(), check)), tuple(views),
                     localized(no_proof_text(content())))


# Guangdong mutual aid -----------------------------------------------------------------------------

@dataclass(frozen=True)
class TierRow:
    amounts: str
    payout: str


def tier_rows() -> list[TierRow]:
    """The payout table in words, including "below the lowest tier: nothing", which the site's reading states."""
    tiers = scheme("gd_mutual_aid")["payout_tiers"]["tiers"]
    rows = [TierRow(_("Less than %(low)s", low=whole_yuan(tiers[0]["from"])), _("Nothing"))]
    for tier in tiers:
        low = whole_yuan(tier["from"])
        if tier.get("to") is None:
            amounts = _("More than %(low)s", low=low)
        elif tier["from_included"]:
            amounts = _("From %(low)s up to and including %(high)s", low=low, high=whole_yuan(tier["to"]))
        else:
            amounts = _("More than %(low)s, up to and including %(high)s", low=low, high=whole_yuan(tier["to"]))
        rows.append(TierRow(amounts, whole_yuan(tier["payout"])))
    return rows


@dataclass(frozen=True)
class IncidentView:
    number: int  # the accident's number on the form
    amount: Decimal
    tier_payout: Decimal
    payout: Decimal

    @property
    def cut_by_cap(self) -> bool:
        return self.payout < self.tier_payout


@dataclass(frozen=True)
class PayoutView:
    incidents: tuple[IncidentView, ...]
    total: Decimal
    cap: Decimal
    cap_reached: bool
    lowest_tier_start: str


def payout_view(advice: MutualAidAdvice, numbers: Sequence[int]) -> PayoutView:
    payouts = advice.payouts
    incidents = tuple(IncidentView(number, i.amount, i.tier_payout, i.payout)
                      for number, i in zip(numbers, payouts.incidents, strict=True))
    lowest = scheme("gd_mutual_aid")["payout_tiers"]["tiers"][0]["from"]
    return PayoutView(incidents, payouts.total, payouts.cap, payouts.cap_reached, whole_yuan(lowest))


# Joining a union ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RouteView:
    route_id: str
    situation: str
    which_union: str
    quote: str
    locator: str


def route_views() -> list[RouteView]:
    return [RouteView(r["id"], localized(r["situation"]), localized(r["which_union"]), localized(r["quote"]),
                      localized(r["locator"])) for r in scheme("union_membership")["routes"]]
