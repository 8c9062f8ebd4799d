"""Today's date for the rules, from the app's settings: ADVISOR_TODAY (e.g. 2027-07-01) lets a reviewer check next
period's figures in advance; empty means the real date. Views pass it on to the answers as `as_of`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date


def today(config: Mapping) -> date:
    configured = config.get("ADVISOR_TODAY")
    return date.fromisoformat(configured) if configured else date.today()
