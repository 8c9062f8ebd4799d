"""Dated, cited parameters (one YAML file each under content/parameters/).

A value applies from its date until the next one. A value with `until` belongs to a published
period (Guangdong's July–June year, Shenzhen's calendar year); after that day, with nothing newer
recorded, it stays in force marked `provisional` (Guangdong publishes late and back-dates). A
value of `null` with status `missing` is a period whose figure was not found: asking for it is an
error that says so, never a silent zero or an older figure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.policy.errors import ContentError, FigureMissing, NotInForce

STATUSES = ("confirmed", "provisional", "conflicting", "missing")
UNITS = ("CNY/month", "CNY/year", "ratio", "years", "months", "code", "schedule")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_ENTRY_KEYS = {"value", "until", "status", "source", "quote", "note", "research", "candidates", "recorded"}


@dataclass(frozen=True)
class Candidate:
    value: Any
    source: str


@dataclass(frozen=True)
class Entry:
    effective: date
    value: Any
    status: str
    until: date | None = None
    source: str | None = None
    quote: str | None = None
    note: Mapping[str, str] = field(default_factory=dict)
    candidates: tuple[Candidate, ...] = ()
    # The day the entry was added to the site, when later than `effective` (a back-dated period entered when
    # published): the home page's "figures updated" line counts its 30 days from then (advisor/policy/upkeep.py).
    recorded: date | None = None
    # How the figure was found (which mirror, calculator or repost), for the sources page alone.
    research: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Figure:
    """A value in force on a date, with everything a user needs to judge it."""

    parameter_id: str
    value: Any
    status: str
    effective: date
    until: date | None
    source: str | None
    quote: str | None
    note: Mapping[str, str]
    candidates: tuple[Candidate, ...]
    carried_forward: bool = False  # past `until` with nothing newer: shown as provisional


@dataclass(frozen=True)
class Parameter:
    id: str
    description: Mapping[str, str]
    unit: str
    entries: tuple[Entry, ...]  # by effective date, ascending

    def at(self, on: date) -> Figure:
        """The entry in force on `on` (the last one effective on or before it), as a Figure."""
        dates, figures = self._figures
        position = bisect_right(dates, on) - 1
        if position < 0:
            raise NotInForce(self.id, on, "before_first")
        current = self.entries[position]
        if current.status == "missing":
            raise FigureMissing(self.id, on, "missing", current.note,
                                tuple(c.value for c in current.candidates))
        if current.value is None:
            raise NotInForce(self.id, on, "ended", current.note)
        in_force, carried_forward = figures[position]
        return carried_forward if current.until is not None and on > current.until else in_force

    def __post_init__(self) -> None:
        # The entries' dates, and each entry's Figure in force and carried forward past its `until`, made with the
        # parameter: content does not change after loading, and a Figure is immutable.
        object.__setattr__(self, "_figures", self._made_figures())

    def _made_figures(self) -> tuple[tuple[date, ...], tuple[tuple[Figure | None, Figure | None], ...]]:
        figures = []
        for current in self.entries:
            if current.status == "missing" or current.value is None:
                figures.append((None, None))
                continue
            figure = Figure(self.id, current.value, current.status, current.effective, current.until,
                            current.source, current.quote, current.note, current.candidates)
            figures.append((figure, replace(figure, status="provisional", carried_forward=True)))
        return tuple(entry.effective for entry in self.entries), tuple(figures)


def _numeric(value: Any, file: str, where: str) -> Any:
    """Numbers become Decimal (ints stay exact); structures are converted leaf by leaf."""
    if isinstance(value, bool):
        raise ContentError(file, where, "a yes/no value is not a figure")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL.match(value):
        return Decimal(value)
    if isinstance(value, dict):
        return {k: _numeric(v, file, f"{where}.{k}") for k, v in value.items()}
    return value


def _text(value: Any, file: str, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != {"zh", "en"} or not all(
        isinstance(v, str) and v.strip() for v in value.values()
    ):
        raise ContentError(file, where, "must have non-empty 'zh' and 'en' texts")
    return value


def _entry(raw: Any, effective: Any, unit: str, sources: Mapping[str, Any], file: str) -> Entry:
    where = f"values.{effective}"
    if not isinstance(effective, date):
        raise ContentError(file, where, "keys under 'values' must be dates (YYYY-MM-DD)")
    if not isinstance(raw, dict):
        raise ContentError(file, where, "must be a mapping with value, status and source")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ContentError(file, f"{where}.{sorted(unknown)[0]}", "unknown field")
    status = raw.get("status")
    if status not in STATUSES:
        raise ContentError(file, f"{where}.status", f"must be one of {', '.join(STATUSES)}")
    if "value" not in raw:
        raise ContentError(file, f"{where}.value", "missing (write null for a figure not found)")
    value = raw["value"]
    if status == "missing":
        if value is not None:
            raise ContentError(file, f"{where}.value", "a missing figure has value null")
        note = _text(raw.get("note"), file, f"{where}.note")  # say what is known instead
    else:
        if value is None:
            raise ContentError(file, f"{where}.value", f"status {status} needs a value")
        if raw.get("source") not in sources:
            raise ContentError(file, f"{where}.source", f"{raw.get('source')!r} is not in content/sources.yaml")
        note = _text(raw["note"], file, f"{where}.note") if "note" in raw else {}
    if unit not in ("code", "schedule"):
        value = _numeric(value, file, f"{where}.value")
    if status == "conflicting" and len(raw.get("candidates") or ()) < 2:
        raise ContentError(file, f"{where}.candidates", "a conflicting figure lists at least two candidates")
    candidates = []
    for i, cand in enumerate(raw.get("candidates") or ()):
        if not isinstance(cand, dict) or cand.get("source") not in sources or "value" not in cand:
            raise ContentError(file, f"{where}.candidates[{i}]", "needs a value and a known source")
        candidates.append(Candidate(_numeric(cand["value"], file, f"{where}.candidates[{i}]"), cand["source"]))
    until = raw.get("until")
    if until is not None and (not isinstance(until, date) or until < effective):
        raise ContentError(file, f"{where}.until", "must be a date on or after the effective date")
    quote = raw.get("quote")
    if quote is not None and not (isinstance(quote, str) and quote.strip()):
        raise ContentError(file, f"{where}.quote", "must be the verbatim text")
    recorded = raw.get("recorded")
    if recorded is not None and (not isinstance(recorded, date) or recorded < effective):
        raise ContentError(file, f"{where}.recorded", "must be a date on or after the effective date")
    research = _text(raw["research"], file, f"{where}.research") if "research" in raw else {}
    return Entry(effective, value, status, until, raw.get("source"), quote, note, tuple(candidates), recorded,
                 research)


def parse_parameter(parameter_id: str, raw: Any, sources: Mapping[str, Any], file: str) -> Parameter | str:
    """A Parameter, or the id of the parameter it is the same as (resolved by the caller)."""
    if not isinstance(raw, dict):
        raise ContentError(file, "(file)", "must be a mapping")
    description = _text(raw.get("description"), file, "description")
    unit = raw.get("unit")
    if unit not in UNITS:
        raise ContentError(file, "unit", f"must be one of {', '.join(UNITS)}")
    if "same_as" in raw:
        if raw.get("source") not in sources:
            raise ContentError(file, "source", "an alias names the source that defines it")
        return str(raw["same_as"])
    values = raw.get("values")
    if not isinstance(values, dict) or not values:
        raise ContentError(file, "values", "needs at least one dated value")
    entries = [_entry(v, k, unit, sources, file) for k, v in values.items()]
    for before, after in zip(entries, entries[1:], strict=False):
        if after.effective <= before.effective:
            raise ContentError(file, f"values.{after.effective}", "dates must increase")
        if before.until is not None and before.until >= after.effective:
            raise ContentError(file, f"values.{before.effective}.until", "overlaps the next value")
    return Parameter(parameter_id, description, unit, tuple(entries))
