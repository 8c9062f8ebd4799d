"""The site's own addresses for templates: `url_for` with the answer kept per endpoint, arguments, language and root.

A page builds 20–40 addresses (menus, forms, links between pages), each the same for every request in the same
language, and Werkzeug's URL building is a good part of a page's cost. The arguments are names and numbers of
pages, never answers (answers never go in an address). Calls with special arguments (`_external`, `_anchor`, …)
or arguments that cannot be a key go to Flask's `url_for` unchanged. A static file's address holds its hash
(static_files.py), worked out here once per start: after editing a static file, restart the app (as nginx must
be restarted, docs/deployment.md) for the new hash; until then the old address is revalidated, never stale.
"""

from __future__ import annotations

from flask import Flask, current_app, g, request
from flask import url_for as flask_url_for

from advisor.i18n import DEFAULT_LANGUAGE

LIMIT = 4096


def url_for(endpoint: str, **values) -> str:
    if endpoint.startswith(".") or any(name.startswith("_") for name in values):
        return flask_url_for(endpoint, **values)
    store = current_app.extensions["advisor.addresses"]
    try:
        key = (endpoint, g.get("lang_code", DEFAULT_LANGUAGE), request.script_root, *sorted(values.items()))
        return store[key]
    except KeyError:
        pass
    except TypeError:
        return flask_url_for(endpoint, **values)
    if len(store) >= LIMIT:
        store.clear()
    address = store[key] = flask_url_for(endpoint, **values)
    return address


def init_app(app: Flask) -> None:
    app.extensions["advisor.addresses"] = {}
    app.jinja_env.globals["url_for"] = url_for
