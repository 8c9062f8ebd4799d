"""Friendly error pages in the user's language; JSON errors under /api/. No traceback ever reaches a user."""

from __future__ import annotations

import traceback

from flask import Flask, current_app, g, jsonify, make_response, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException, InternalServerError

from advisor.i18n import DEFAULT_LANGUAGE, LANGUAGES
from advisor.i18n import lazy_gettext as _l
from advisor.web.rendering import render_template

MESSAGES = {
    400: (_l("We could not read that request"),
          _l("Something in the request was not in the form we expected. Go back and try again.")),
    404: (_l("Page not found"), _l("If you typed the web address, check it is correct.")),
    405: (_l("That action is not possible here"), _l("Go back to the page and use its buttons.")),
    413: (_l("What you sent is too large"), _l("Go back and enter shorter answers.")),
    429: (_l("Too many requests at once"), _l("Wait a moment, then try again.")),
    500: (_l("Sorry, there is a problem with this site"), _l("Try again later. Nothing you entered was kept.")),
}


def _language_from_path() -> str:
    first = request.path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def traceback_without_messages(error: BaseException) -> str:
    """Where it failed (every frame, chained causes included), without the exceptions' messages.

    Messages often quote the input that broke the code (int() says "invalid literal … '8765.43'"),
    and answers such as a birth date or a wage must never reach a log.
    """
    parts = []
    seen = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"{frames}{type(current).__module__}.{type(current).__qualname__} (message withheld)")
        current = current.__cause__ or current.__context__
    return "\n  caused by:\n".join(parts)


def handle_error(error: Exception):
    if not isinstance(error, HTTPException):
        # Names code, never answers: no form data, no exception message (see traceback_without_messages).
        current_app.logger.error("unhandled %s on %s %s\n%s", type(error).__name__, request.method, request.path,
                                 traceback_without_messages(error))
        error = InternalServerError()
    status = error.code or 500
    title, advice = MESSAGES.get(status, MESSAGES[400 if status < 500 else 500])
    if request.path.startswith("/api/"):
        response = jsonify({"errors": {"request": [str(title)]}})
        response.status_code = status
    else:
        g.lang_code = _language_from_path()
        if request_ctx.url_adapter is None:
            # A Host header outside TRUSTED_HOSTS (400): no URL adapter was made for it. The page's links are
            # relative, so one bound to the first trusted name builds them without ever using the forged one.
            trusted = current_app.config.get("TRUSTED_HOSTS") or ["localhost"]
            request_ctx.url_adapter = current_app.url_map.bind(trusted[0].lstrip("."))
        response = make_response(_error_page(status, title, advice), status)
    if status == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def _error_page(status: int, title, advice) -> str:
    """The friendly page; if even that fails (a template broken after start-up), a plain one, logged without
    the exception's message, still with the security headers (they are added after this)."""
    try:
        return render_template("error.html", status=status, title=title, advice=advice)
    except Exception as error:  # noqa: BLE001
        current_app.logger.error("the error page failed on %s %s\n%s", request.method, request.path,
                                 traceback_without_messages(error))
        return FALLBACK_PAGE % {"status": status}


FALLBACK_PAGE = ("<!doctype html><html lang=\"zh-Hans\"><meta charset=\"utf-8\"><title>%(status)s</title>"
                 "<h1>%(status)s</h1><p>出错了，请稍后再试。 Sorry, something went wrong: try again later.</p></html>")


def register_error_pages(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_error)
    app.register_error_handler(Exception, handle_error)
