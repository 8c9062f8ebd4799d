"""Parameter.at finds the entry by bisection and returns Figures made once per entry; it gives what the
linear scan it replaced (kept here as `reference_at`) gave, for every parameter of content/ on every day
around each of its dates, and the same refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from advisor.policy import FigureMissing, NotInForce
from advisor.policy.parameters import Figure, Parameter


def reference_at(parameter: Parameter, on: date) -> Figure:
    """Parameter.at as it was: a scan of every entry, a Figure built on each call."""
    current = None
    for entry in parameter.entries:
        if entry.effective <= on:
            current = entry
    if current is None:
        raise NotInForce(parameter.id, on, "before_first")
    if current.status == "missing":
        raise FigureMissing(parameter.id, on, "missing", current.note, tuple(c.value for c in current.candidates))
    if current.value is None:
        raise NotInForce(parameter.id, on, "ended", current.note)
    figure = Figure(parameter.id, current.value, current.status, current.effective, current.until,
                    current.source, current.quote, current.note, current.candidates)
    if current.until is not None and on > current.until:
        return replace(figure, status="provisional", carried_forward=True)
    return figure


def days_around(parameter: Parameter):
    days = {date(1900, 1, 1), date(2100, 12, 31)}
    for entry in parameter.entries:
        for edge in (entry.effective, entry.until):
            if edge is not None:
                days.update(edge + timedelta(days=step) for step in (-400, -1, 0, 1, 31, 400))
    return sorted(days)


def outcome(lookup, parameter: Parameter, on: date):
    """The Figure, or the refusal's class, message and details."""
    try:
        return lookup(parameter, on)
    except NotInForce as exc:
        return type(exc), str(exc), exc.reason, exc.note, exc.candidates


def test_every_parameter_on_every_day_around_its_dates_gives_the_reference_figure_or_refusal(content):
    figures = refusals = 0
    for parameter in content.parameters.values():
        for on in days_around(parameter):
            expected = outcome(reference_at, parameter, on)
            found = outcome(Parameter.at, parameter, on)
            assert found == expected and repr(found) == repr(expected), (parameter.id, on)
            figures += isinstance(found, Figure)
            refusals += not isinstance(found, Figure)
    assert figures > 500 and refusals > 50


def test_the_same_lookup_gives_the_same_immutable_figure_object(content):
    parameter = content.parameters["pension.base_floor"]
    on = parameter.entries[-1].effective
    assert parameter.at(on) is parameter.at(on)
