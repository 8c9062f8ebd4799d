"""The opening sentence of the newer pages' results (issue 10: summary first on every result).

Each builder takes the result as that page's template already has it and returns a Summary
(advisor/web/summary.py), so a page's view and its answer code stay as they are; the template opens
its result with `summaries.summary_block(result_summary("injury", result))`. Features may add lines
to any of these pages with `@summary_line("<page>")`, as for check, calculate and forecast.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

from advisor.i18n import format_year_month, format_yuan
from advisor.i18n import gettext as _
from advisor.web.summary import Summary, join_names, summary


def injury_summary(result) -> Summary:
    """新职伤 self-check: the verdict sentence of advisor.answers.protections is the answer."""
    return summary("protection_injury", result.verdict, result)


def checklist_summary(result) -> Summary:
    """After an accident: which schemes may pay, then what to do first."""
    paying = [line.name for line in result.schemes if line.applies]
    maybe = [line.name for line in result.schemes if line.applies is None]
    if paying:
        headline = _("From your answers these may pay for this accident: %(names)s. Do the first steps below now.",
                     names=join_names(paying))
    elif maybe:
        headline = _("From your answers no scheme is sure to pay, but these may: %(names)s. Do the first steps "
                     "below now, then ask them.", names=join_names(maybe))
    else:
        headline = _("From your answers none of the schemes we know pays for this accident. Do the first steps "
                     "below, and call 12333 if you are unsure.")
    lines = [_("Ask to be sure: %(names)s.", names=join_names(maybe))] if paying and maybe else []
    return summary("protection_after_accident", headline, result, lines=lines)


def pension_summary(result) -> Summary:
    """Pension at retirement: the monthly amount from the retirement month, without what we cannot compute."""
    return summary("pension_at_retirement", _(
        "From %(month)s you would get %(amount)s a month (without the transitional pension, which we cannot "
        "work out).", month=format_year_month(result.month), amount=format_yuan(result.total)), result)


def claim_summary(result) -> Summary:
    """E路守护 claim check: the verdict sentence from content/schemes/e_road.yaml."""
    return summary("union_e_road", result.message, result)


def payout_summary(result) -> Summary:
    """Guangdong accident-medical plan: the total the plan's rules give."""
    headline = _("Under the plan's rules the payout is %(total)s in all.", total=format_yuan(result.total))
    lines = [_("That is the limit for all accidents together: later accidents are not paid.")] \
        if result.cap_reached else []
    return summary("union_accident_aid", headline, result, lines=lines)


def join_summary(chosen, not_sure: bool = False) -> Summary:
    """Joining a union: which union, or, for someone not sure, that it depends on who they work for."""
    if not_sure or len(chosen) != 1:
        headline = _("Which union you join depends on whom you work for: the situations are below, each with "
                     "its union.")
    else:
        headline = chosen[0].which_union
    return summary("union_join", headline, chosen)


def guide_summary(guide) -> Summary:
    """The guide pages (stopping, leaving, resident): the answer sentence of content/guides/pathways.yaml."""
    return summary(guide.name, guide.summary, guide)


BUILDERS: dict[str, Callable[..., Summary]] = {
    "protection_injury": injury_summary,
    "protection_after_accident": checklist_summary,
    "pension_at_retirement": pension_summary,
    "union_e_road": claim_summary,
    "union_accident_aid": payout_summary,
    "union_join": join_summary,
    "guide": guide_summary,
}


def result_summary(page: str, result, *args) -> Summary:
    return BUILDERS[page](result, *args)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(result_summary=result_summary)

