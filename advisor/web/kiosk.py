"""Kiosk mode: the site on a self-service touch screen in a social-insurance office.

The deployment turns it on (ADVISOR_KIOSK=1, read into the KIOSK setting by create_app), never a
cookie or a URL: a kiosk instance is a separate process behind the terminal's browser, and the
public site stays as it is. In kiosk mode every page has large type and touch targets, a "Finish
and clear" button, an idle timeout, and no link that leaves the site (addresses elsewhere are
text and a QR code, see external.py); nothing a person entered may survive for the next person,
so no page may be kept by a cache or the browser's history.
"""

from __future__ import annotations

import re

from flask import Flask, Response, current_app, request, url_for
from markupsafe import Markup

from advisor.i18n import DEFAULT_LANGUAGE

DEFAULT_IDLE_SECONDS = 120
DEFAULT_WARNING_SECONDS = 20
# Without JavaScript nobody can be warned, and typing does not count as activity: the page just
# reloads the start page, a little later than the scripted path would, so a slow typist gets longer.
NO_SCRIPT_GRACE_SECONDS = 30
# The idle warning counts down each second on screen; a screen reader hears it when it opens and once more when
# this many seconds are left (if the warning lasts at least twice as long), not every second.
LAST_CALL_SECONDS = 5

_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
TRUE_WORDS = {"1", "true", "yes", "on"}


def kiosk_settings(environ: dict) -> dict:
    """The kiosk settings from the environment, for create_app (tests pass them as config)."""
    return {
        "KIOSK": environ.get("ADVISOR_KIOSK", "").strip().lower() in TRUE_WORDS,
        "KIOSK_IDLE_SECONDS": int(environ.get("ADVISOR_KIOSK_IDLE_SECONDS", DEFAULT_IDLE_SECONDS)),
        "KIOSK_WARNING_SECONDS": int(environ.get("ADVISOR_KIOSK_WARNING_SECONDS", DEFAULT_WARNING_SECONDS)),
        # Where phones reach the public site, for the hand-off QR codes; empty: the request's own host.
        "PUBLIC_BASE_URL": environ.get("ADVISOR_PUBLIC_BASE_URL", "").strip(),
    }


def check_settings(app: Flask) -> None:
    """A broken kiosk setting stops start-up rather than leaving answers on screen for ever."""
    for name in ("KIOSK_IDLE_SECONDS", "KIOSK_WARNING_SECONDS"):
        value = app.config[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a whole number of seconds, at least 1 (got {value!r})")


def is_kiosk() -> bool:
    return bool(current_app.config.get("KIOSK"))


def start_url() -> str:
    """Where a finished or abandoned session goes: the home page in the default language, for the next person."""
    return url_for("web.home", lang_code=DEFAULT_LANGUAGE)


def no_store(response: Response) -> Response:
    """Every kiosk page, not only the answers to a POST: a GET page refreshed by htmx shows answers too.
    Static files hold no answers and keep their year-long caching."""
    if is_kiosk() and request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response


def body_classes(page_block: str) -> Markup:
    """The <body> class attribute: `kiosk` in kiosk mode, plus a page's own classes from its
    body_class block (written as ` class="…"`)."""
    found = _CLASS_ATTRIBUTE.search(str(page_block))
    classes = (["kiosk"] if is_kiosk() else []) + (found.group(1).split() if found else [])
    return Markup(' class="%s"') % " ".join(classes) if classes else Markup("")


def template_context() -> dict:
    if not is_kiosk():
        return {}
    idle = current_app.config["KIOSK_IDLE_SECONDS"]
    start = start_url()
    return {
        "kiosk_start_url": start,
        "kiosk_on_start_page": request.path == start,
        "kiosk_idle_seconds": idle,
        "kiosk_warning_seconds": current_app.config["KIOSK_WARNING_SECONDS"],
        "kiosk_last_call_seconds": LAST_CALL_SECONDS,
        "kiosk_no_script_seconds": idle + NO_SCRIPT_GRACE_SECONDS,
    }


def init_app(app: Flask) -> None:
    check_settings(app)
    # A global, not only a context variable, so imported macros (forms.html) see it too.
    app.jinja_env.globals.update(kiosk=bool(app.config["KIOSK"]), body_classes=body_classes)
    app.context_processor(template_context)
    app.after_request(no_store)
