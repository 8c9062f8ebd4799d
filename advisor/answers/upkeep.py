"""The "figures updated" line (本站数字更新：…) on the home page and the outreach handout, for 30 days after a
figure changes, made from content/ (advisor/policy/upkeep.py finds the changes; the figures' names are theirs)."""

from __future__ import annotations

from datetime import date

from advisor.i18n import current_language, format_long_date, format_rate, format_yuan, gettext, localized
from advisor.policy import Content
from advisor.policy.upkeep import Change, changes


def _value(change: Change, value) -> str | None:
    if change.unit in ("CNY/month", "CNY/year"):
        return format_yuan(value)
    if change.unit == "ratio":
        return format_rate(value)
    return None  # a schedule or a code: named, not shown


def _item(change: Change) -> str:
    name = localized(change.description)
    since = format_long_date(change.effective)
    after = _value(change, change.after)
    if after is None:
        return gettext("%(figure)s, from %(date)s", figure=name, date=since)
    if change.before is None or change.before == change.after:
        return gettext("%(figure)s from %(date)s: %(after)s", figure=name, date=since, after=after)
    return gettext("%(figure)s from %(date)s: %(before)s → %(after)s", figure=name, date=since,
                   before=_value(change, change.before), after=after)


def figures_update_line(content: Content, today: date) -> str | None:
    """本站数字更新：… listing the figures changed in the last 30 days, or None when none did."""
    found = changes(content, today)
    if not found:
        return None
    separator = "；" if current_language() == "zh" else "; "
    return gettext("Figures updated on this site: %(changes)s.", changes=separator.join(_item(c) for c in found))
