"""Views that depend only on content (fixed once the app has started), the language and plain values are worked
out once and kept with the app: a figure's status and source in words, a rule's message, a choice list.

A key holds everything the view reads besides content and the language (the language is added here). Nothing a
person entered may be a key or a kept value (no personal data is kept): keep the parts that are the same for
everyone and work out the rest per request. A key that cannot be hashed is worked out afresh, never kept. The store is emptied when it grows past
a bound, so it costs speed, never memory.
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

from flask import current_app, request

from ..i18n import current_language

LIMIT = 4096
T = TypeVar("T")


def remembered(kind: str, key: Hashable, make: Callable[[], T]) -> T:
    store = current_app.extensions.setdefault("advisor.remembered", {})
    # The root the app is served under, for views holding the app's own addresses (url_for).
    full_key = (kind, current_language(), request.script_root, key)
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

