"""Typed errors: a broken content file, and a figure asked for on a date it does not cover."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


class ContentError(Exception):
    """A content file is broken. The message names the file and the field."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        super().__init__(f"{file}: {field}: {problem}")
        self.file, self.field, self.problem = file, field, problem


class NotInForce(LookupError):
    """No figure is in force for this parameter on this date.

    `reason`: "before_first" (the date precedes every recorded value), "ended" (the figure was
    ended), or "missing" (the period is known but its figure was not found; see FigureMissing).
    """

    def __init__(self, parameter_id: str, on: date, reason: str, note: Mapping[str, str] | None = None,
                 candidates: tuple[Any, ...] = ()) -> None:
        super().__init__(f"{parameter_id}: no figure in force on {on.isoformat()} ({reason})")
        self.parameter_id, self.on, self.reason = parameter_id, on, reason
        self.note = note or {}
        self.candidates = candidates


class FigureMissing(NotInForce):
    """The figure for this period was looked for and not found; the note says what is known."""
