"""Views that depend only on content (fixed once the app has started), the language and plain values are worked
out once and kept with the app: a figure's status and source in words, a rule's quote and source, a choice list.

A key holds everything the view reads besides content and the language (the language is added here). Nothing a
person entered may be a key or a kept value (no personal data is kept): keep the parts that are the same for
everyone and work out the rest per request. A key that cannot be hashed is worked out afresh, never kept. The
store is emptied when it grows past a bound, so it costs speed, never memory.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import NamedTuple, TypeVar

from flask import Flask, current_app, request

from advisor.i18n import current_language

LIMIT = 4096
T = TypeVar("T")


class Scope(NamedTuple):
    """What a request's kept views are kept under: the app's store, the language, and the root the app is served
    under (for views holding the app's own addresses)."""

    store: dict
    language: str
    root: str


# The request's Scope, worked out at its first use and cleared when the request ends (as the language is,
# advisor/i18n.py): a page asks for a dozen kept views, each would otherwise look the app and request up again.
_scope: ContextVar[Scope | None] = ContextVar("advisor_memo_scope", default=None)


def scope() -> Scope:
    current = _scope.get()
    if current is None:
        current = Scope(current_app.extensions.setdefault("advisor.remembered", {}), current_language(),
                        request.script_root)
        _scope.set(current)
    return current


def _forget_scope(*_) -> None:
    _scope.set(None)


def init_app(app: Flask) -> None:
    # Teardown runs whenever a request context ends, and scope() needs one: so no request sees another's scope.
    app.teardown_request(_forget_scope)


def remembered(kind: str, key: Hashable, make: Callable[[], T]) -> T:
    store, language, root = scope()
    full_key = (kind, language, root, key)
    try:
        return store[full_key]
    except KeyError:
        pass
    except TypeError:
        return make()
    if len(store) >= LIMIT:
        store.clear()
    value = store[full_key] = make()
    return value
