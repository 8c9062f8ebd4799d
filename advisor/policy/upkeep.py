"""The yearly update: which figures are due (carried forward past their period, or ending soon) and which have
just changed. Plain values in and out; `flask policy due` and the "figures updated" line read them.

content/upkeep.yaml says, for each figure published for a period, who publishes the next value, what to search
for and which pages and API answers use it; it is checked at start-up (check_upkeep) like the rest of content/.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from advisor.policy.content import Content
from advisor.policy.errors import ContentError
from advisor.policy.parameters import Entry, Parameter

UPKEEP_FILE = "content/upkeep.yaml"
DUE_WITHIN_DAYS = 60  # `flask policy due` lists periods ending within this many days
CHANGED_FOR_DAYS = 30  # the home page and the handout say what changed for this many days
# A page of the site (without the language prefix) or an API answer: what `used_by` may name.
_USE = re.compile(r"^(/[a-z0-9/_-]*|POST /api/v1/[a-z0-9/_-]+)$")


@dataclass(frozen=True)
class Due:
    parameter_ids: tuple[str, ...]  # the parameter and any alias of it (same_as)
    description: Mapping[str, str]
    state: str  # "carried_forward" (its period has ended, nothing newer) or "ending" (within DUE_WITHIN_DAYS)
    last: Entry  # the last recorded entry
    missing_from: date  # the first day of the period not yet recorded
    file: str
    publisher: Mapping[str, str] | None
    search: tuple[str, ...]
    used_by: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    parameter_id: str
    description: Mapping[str, str]
    unit: str
    effective: date
    changed_on: date  # when the site's figure changed: the later of `effective` and `recorded`
    before: Any
    after: Any
    status: str


def _distinct(content: Content) -> list[tuple[tuple[str, ...], Parameter]]:
    """Each parameter once, with every id it is known by (an alias shares its target's parameter)."""
    names: dict[int, list[str]] = {}
    parameters: dict[int, Parameter] = {}
    for parameter_id, parameter in sorted(content.parameters.items()):
        names.setdefault(id(parameter), []).append(parameter_id)
        parameters[id(parameter)] = parameter
    return [(tuple(sorted(names[key], key=lambda n: (n != parameters[key].id, n))), parameters[key])
            for key in names]


def _file(parameter: Parameter) -> str:
    return f"content/parameters/{parameter.id.replace('.', '/')}.yaml"


def due(content: Content, today: date, within_days: int = DUE_WITHIN_DAYS) -> list[Due]:
    """Figures whose last recorded period has ended (carried forward) or ends within `within_days`."""
    upkeep = content.texts.get("upkeep", {})
    found = []
    for ids, parameter in _distinct(content):
        last = parameter.entries[-1]
        if last.until is None or last.status == "missing":
            continue
        if last.until < today:
            state = "carried_forward"
        elif last.until <= today + timedelta(days=within_days):
            state = "ending"
        else:
            continue
        missing_from = last.until + timedelta(days=1)
        info = next((upkeep[name] for name in ids if name in upkeep), {})
        search = tuple(words.replace("{year}", str(missing_from.year)) for words in info.get("search", ()))
        found.append(Due(ids, parameter.description, state, last, missing_from, _file(parameter),
                         info.get("publisher"), search, tuple(info.get("used_by", ()))))
    return sorted(found, key=lambda d: (d.missing_from, d.parameter_ids))


def changes(content: Content, today: date, for_days: int = CHANGED_FOR_DAYS) -> list[Change]:
    """Figures whose value in force changed (a new entry took effect, or was recorded) in the last `for_days`
    days up to today: a figure replaced by the same value counts too (a provisional figure now published)."""
    found = []
    for ids, parameter in _distinct(content):
        for before, after in zip(parameter.entries, parameter.entries[1:], strict=False):
            if after.value is None or after.status == "missing":
                continue
            changed_on = max(after.effective, after.recorded or after.effective)
            if changed_on <= today < changed_on + timedelta(days=for_days):
                found.append(Change(ids[0], parameter.description, parameter.unit, after.effective, changed_on,
                                    before.value, after.value, after.status))
    return sorted(found, key=lambda c: (c.effective, c.parameter_id))


def check_upkeep(raw: Any, parameters: Mapping[str, Parameter]) -> None:
    """content/upkeep.yaml: known parameter ids, a bilingual publisher, search words, pages or API answers."""
    if not isinstance(raw, dict) or not raw:
        raise ContentError(UPKEEP_FILE, "(file)", "must map parameter ids to their upkeep")
    for parameter_id, info in raw.items():
        if parameter_id not in parameters:
            raise ContentError(UPKEEP_FILE, parameter_id, "is not a parameter in content/parameters/")
        if not isinstance(info, dict):
            raise ContentError(UPKEEP_FILE, parameter_id, "needs publisher, search and used_by")
        publisher = info.get("publisher")
        if not isinstance(publisher, dict) or not all(isinstance(publisher.get(k), str) and publisher[k].strip()
                                                      for k in ("zh", "en")):
            raise ContentError(UPKEEP_FILE, f"{parameter_id}.publisher", "needs non-empty 'zh' and 'en' texts")
        search = info.get("search")
        if not isinstance(search, list) or not search or not all(isinstance(s, str) and s.strip() for s in search):
            raise ContentError(UPKEEP_FILE, f"{parameter_id}.search", "needs at least one search text")
        used_by = info.get("used_by")
        if not isinstance(used_by, list) or not used_by:
            raise ContentError(UPKEEP_FILE, f"{parameter_id}.used_by", "names at least one page or API answer")
        for i, use in enumerate(used_by):
            if not isinstance(use, str) or not _USE.match(use):
                raise ContentError(UPKEEP_FILE, f"{parameter_id}.used_by[{i}]",
                                   "must be a page path (/calculate) or an API answer (POST /api/v1/contribution)")
