"""GET /healthz: the health check a load balancer (or make serve, before it switches to a new instance) asks.

It answers from what the app made when it started, without rendering a page or reading a file: 200 "ok" when the
content, each language and what the pages prepare from them are loaded, 503 otherwise. Plain text, never kept by a
cache, no language in the path (a balancer knows none). nginx logs nothing for it (deploy/nginx.conf), and neither
does the app.
"""

from __future__ import annotations

from flask import Flask, Response, current_app

from advisor.i18n import LANGUAGES

LOADED = ("advisor.content", "advisor.languages", "advisor.prepared")


def health() -> Response:
    extensions = current_app.extensions
    ready = all(extensions.get(name) for name in LOADED) and all(
        language in extensions["advisor.languages"] and language in extensions["advisor.prepared"]
        for language in LANGUAGES)
    response = Response("ok\n" if ready else "not ready\n", status=200 if ready else 503, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.add_url_rule("/healthz", "health", health, methods=["GET"])
