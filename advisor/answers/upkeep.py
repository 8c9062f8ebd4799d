"""The "figures updated" line (本站数字更新：…) on the home page and the outreach handout, for 30 days after a
figure changes, made from content/ (advisor/policy/upkeep.py finds the changes; the figures' names are theirs,
without their bracketed explanations)."""

from __future__ import annotations

import re
from datetime import date
from itertools import groupby

from advisor.i18n import current_language, format_long_date, format_rate, format_yuan, gettext, localized
from advisor.policy import Content
from advisor.policy.upkeep import Change, changes

_EXPLANATION = re.compile(r"（[^（）]*）|\s*\([^()]*\)")


def _value(change: Change, value) -> str | None:
    if change.unit in ("CNY/month", "CNY/year"):
        return format_yuan(value)
    if change.unit == "ratio":
        return format_rate(value)
    return None  # a schedule or a code: named, not shown


def _item(change: Change) -> str:
    name = _EXPLANATION.sub("", localized(change.description))
    after = _value(change, change.after)
    if after is None:
        return name
    if change.before is None:
        return gettext("%(figure)s %(after)s", figure=name, after=after)
    return gettext("%(figure)s %(before)s → %(after)s", figure=name, before=_value(change, change.before),
                   after=after)


def figures_update_line(content: Content, today: date) -> str | None:
    """本站数字更新：… listing the figures whose value changed in the last 30 days, by the day they apply from;
    None when none did (a figure confirmed at the same value is not news to a reader)."""
    found = [change for change in changes(content, today) if change.before != change.after]
    if not found:
        return None
    zh = current_language() == "zh"
    groups = [gettext("from %(date)s, %(figures)s", date=format_long_date(effective),
                      figures=("、" if zh else ", ").join(_item(change) for change in group))
              for effective, group in groupby(found, key=lambda change: change.effective)]
    return gettext("Figures updated on this site: %(changes)s.", changes=("；" if zh else "; ").join(groups))
