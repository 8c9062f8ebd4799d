"""`{% once key, … %}…{% endonce %}`: a part of a template that is the same for every request with the same keys
(the page chrome, a form's fixed texts) is rendered the first time and then reused.

It is a Jinja extension (the fragment-cache pattern from Jinja's own documentation, without expiry), active only
in a language's own environment (advisor/i18n.py `language_environment`), so each language keeps its own copies.
The keys must name everything the body reads that can differ between requests: the page (`request.endpoint`),
the selected answer, the month. tests/web/test_goldens.py renders every page state and compares the bytes, which
is what holds a missing key to account. Each compilation of a template gets its own entries, so an edited
template is never answered from an older copy; the store is emptied when it grows past a bound, so keys that
vary more than expected cost speed, never memory. A body that reads state kept through the page (the QR code a
kiosk shows at an address's first mention, advisor/web/external.py) says so by calling `volatile()`, and is then
rendered afresh each time. A key that names nothing (Undefined) is never kept either.

Privacy: nothing a person typed may be a key, since the store outlives the request. Keys are pages, languages,
figures, and answers chosen from fixed lists (a hukou, an insurance); boxes people type into are never inside a
`once`.
"""

from __future__ import annotations

import itertools
from contextvars import ContextVar

from jinja2 import Undefined, nodes
from jinja2.ext import Extension
from wtforms import SelectChoice

from advisor.memo import scope

LIMIT = 4096
_compilations = itertools.count()
_volatile_renders: ContextVar[int] = ContextVar("volatile_renders", default=0)


def volatile() -> None:
    """What is being rendered depends on more than its keys (state kept through the page): don't keep it."""
    _volatile_renders.set(_volatile_renders.get() + 1)


def _frozen(value):
    """A key as something hashable: a list or tuple item by item, a dict by its items, a WTForms choice (a
    dataclass that compares by value but has no hash) by its value, label and group."""
    kind = type(value)
    if kind is list or kind is tuple:
        return tuple(map(_frozen, value))
    if kind is dict:
        return tuple((name, _frozen(item)) for name, item in value.items())
    if kind is SelectChoice:
        return value.value, str(value.label), value.optgroup, _frozen(value.render_kw)
    return value


class RenderedOnce(Extension):
    tags = {"once"}

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.extend(rendered_once={})

    def bind(self, environment):
        bound = super().bind(environment)
        environment.rendered_once = {}  # an overlay (a language's environment) keeps its own copies
        return bound

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        keys = []
        while parser.stream.current.type != "block_end":
            if keys:
                parser.stream.expect("comma")
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endonce",), drop_needle=True)
        site = nodes.Const(f"{parser.name}:{lineno}:{next(_compilations)}")
        call = self.call_method("_rendered", [site, nodes.Tuple(keys, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _rendered(self, site: str, keys: tuple, caller):
        if getattr(self.environment, "advisor_language", None) is None:
            return caller()  # the app's base environment is not bound to a language: nothing to share
        if any(isinstance(key, Undefined) for key in keys):
            return caller()  # a key that names nothing (a typo) would share one copy among all: never kept
        store = self.environment.rendered_once
        key = (site, scope().root, tuple(map(_frozen, keys)))  # the root: for the app's own addresses
        try:
            return store[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable key: render, don't keep
            return caller()
        before = _volatile_renders.get()
        rendered = caller()
        if _volatile_renders.get() != before:
            return rendered
        if len(store) >= LIMIT:
            store.clear()
        store[key] = rendered
        return rendered
