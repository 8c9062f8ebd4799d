"""Request limits the app enforces itself, for anyone running gunicorn without the proxy in front
(deploy/nginx.conf enforces the same ones first).

- A chunked body (no Content-Length) longer than MAX_CONTENT_LENGTH is refused with 413. Werkzeug
  would read such a body only up to the limit and hand the first 64 KB to the view as if complete.
- `/<anything>` without a trailing slash answers 404 directly, or, for a language, redirects to its
  start page with a relative Location. Werkzeug's slash redirect would send any single segment
  (`/favicon.ico`, `/anything`) to `http://<Host header>/anything/`.
"""

from __future__ import annotations

from io import BytesIO

from flask import Flask, abort, current_app, redirect, request

from advisor.i18n import LANGUAGES


def refuse_long_chunked_bodies() -> None:
    environ = request.environ
    if environ.get("CONTENT_LENGTH") or "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    stream = environ["wsgi.input"]
    parts, size = [], 0
    while size <= limit:
        try:
            part = stream.read(limit + 1 - size)
        except Exception:  # noqa: BLE001 — the server's parser refused the chunking (a bad size line, say)
            abort(400)
        if not part:
            break
        parts.append(part)
        size += len(part)
    if size > limit:
        abort(413)
    body = b"".join(parts)
    # From here on the body is an ordinary one of known length.
    environ["wsgi.input"] = BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))


def language_without_slash(lang_code: str):
    if lang_code not in LANGUAGES or request.method != "GET":
        abort(404)
    return redirect(f"/{lang_code}/", 308)


def init_app(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_long_chunked_bodies)
    app.add_url_rule("/<lang_code>", "language_without_slash", language_without_slash,
                     methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
