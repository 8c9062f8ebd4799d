"""新职伤 in a result's summary (issue 23: a platform's cover changes what the worker should do, so it is part of
the answer, not a notice below it). The plan gives the platform's own reason in full; the calculator, whose first
screen must also hold the cost and the next step, one short line when the platform's orders are covered."""

from __future__ import annotations

from advisor.answers.protections import InjuryAnswer, covered_orders
from advisor.i18n import gettext, language, localized
from advisor.web.choices import content


def injury_lines(answer: InjuryAnswer) -> tuple[str, ...]:
    """"新职伤：美团是即时配送行业的第一批试点平台……" and, when covered, "You pay nothing for it…"."""
    name = localized(content().protections["injury_protection"]["name"])
    platform = " ".join(reason.message for reason in answer.reasons if reason.code.startswith("platform_"))
    lines = [f"{name}{language().colon}{platform}"]
    if covered_orders(content(), answer):
        lines.append(gettext("You pay nothing for it: the platform pays per order. Hurt on an order? Report it in the "
                             "platform app."))
    return tuple(lines)


def injury_line(answer: InjuryAnswer | None) -> str | None:
    """"新职伤：美团的即时配送订单有保障，由平台缴费，您不用交钱。" when covered; else nothing (the plan and the
    新职伤 page say what is not known and whom to ask)."""
    covered = covered_orders(content(), answer) if answer is not None else None
    if covered is None:
        return None
    platform, industries = covered
    return gettext("Injury cover (新职伤): %(platform)s's %(industries)s orders are covered, free to you.",
                   platform=platform, industries=industries)
