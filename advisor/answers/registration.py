"""Which way to register suits this person first: from the hukou and what they have with them.

The ways, what each needs and the order to suggest them in are content (content/guides/channels.yaml:
`suggest_order`, each channel's `needs` and `suggest_for`); this module only reads them. Plain values
in, a plain answer out, so the page and its tests agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    channel: str | None  # the channel id to use first, None when no way fits what the person has
    spare_bank_account: bool  # in person, a financial social security card replaces the bank account at the counter


def suggested_channel(guide: Mapping[str, Any], hukou: str, have: Iterable[str]) -> Suggestion:
    """The first channel of `suggest_order` whose needs the person has and whose audience includes them."""
    have = frozenset(have)
    channels = {channel["id"]: channel for channel in guide["channels"]}
    for channel_id in guide["suggest_order"]:
        channel = channels[channel_id]
        if hukou not in channel.get("suggest_for", (hukou,)):
            continue
        needs = channel.get("needs_by_hukou", {}).get(hukou, channel.get("needs", ()))
        if set(needs) <= have:
            return Suggestion(channel_id, channel_id in ("terminal", "counter") and "sscard" in have)
    return Suggestion(None, False)
