"""Whole pages that carry no answers, kept and served again: the one cache of responses (issue 22).

Kept: the 200 response to a GET of a page in PAGES (the home page, the guides, the questions, the glossary, each
form page before anything is answered) when the request carried nothing but its path: no query string, no body, no
htmx header, under the site's own root. Its key is the page's endpoint, named in PAGES, the language, one of
LANGUAGES, and whether the app is a kiosk (a setting, advisor/web/kiosk.py). So by construction nothing a person
sent can become a key or a kept value, and the store holds at most len(PAGES) × len(LANGUAGES) × 2 pages. It holds
one day's pages (pages show today's figures and date, advisor/clock.py): when the day changes it is emptied.

What is kept is the view's response, before the after_request steps (security headers, kiosk no-store,
compression), which run again on every answer, kept or not. tests/web/test_caches.py holds a kept page equal, byte
for byte and header for header, to the page rendered afresh. Everything else is rendered for each request; what is
made from content and the language alone is made when the app starts (advisor/web/prepared.py).
"""

from __future__ import annotations

from datetime import date

from flask import Flask, Response, current_app, g, request

from advisor.clock import today
from advisor.i18n import LANGUAGES
from advisor.web.kiosk import is_kiosk

# Pages whose GET shows no answer and reads nothing from the request but its language.
PAGES = frozenset({
    "web.home", "web.check", "web.calculate", "web.forecast", "web.pension_at_retirement_page", "web.register",
    "web.faq", "web.glossary", "web.leaving", "web.resident", "web.stopping",
    "web.union", "web.union_accident_aid", "web.union_e_road", "web.union_join", "web.union_other_regions",
    "web.protection_injury", "web.protection_after_accident", "web.sources",
})


class PageStore:
    """One day's kept pages: (endpoint, language, kiosk or not) → (status, headers, body)."""

    def __init__(self) -> None:
        self.day: date | None = None
        self.pages: dict[tuple[str, str, bool], tuple[int, list[tuple[str, str]], bytes]] = {}

    def for_day(self, day: date) -> dict:
        if day != self.day:
            self.pages = {}
            self.day = day
        return self.pages


def _key() -> tuple[str, str, bool] | None:
    """The request's key, or None when its answer may not be kept or served from the store."""
    if (request.method != "GET" or request.endpoint not in PAGES or request.view_args or request.query_string
            or request.script_root or request.content_length or "Transfer-Encoding" in request.headers
            or any(name.lower().startswith("hx-") for name in request.headers.keys())):
        return None
    language = g.get("lang_code")
    return (request.endpoint, language, is_kiosk()) if language in LANGUAGES else None


def _store() -> PageStore:
    return current_app.extensions["advisor.pages"]


def serve_kept() -> Response | None:
    key = _key()
    if key is None:
        return None
    # The day is read before the page is rendered: a page rendered across midnight is kept under the day before,
    # and so dropped at the next request, never served for the whole new day.
    g.page_day = today(current_app.config)
    kept = _store().for_day(g.page_day).get(key)
    if kept is None:
        return None
    status, headers, body = kept
    g.page_served_kept = True
    return current_app.response_class(body, status=status, headers=headers)


def keep(response: Response) -> Response:
    day = g.get("page_day")
    if day is None or g.get("page_served_kept") or response.status_code != 200 or response.is_streamed:
        return response
    key = _key()
    if key is not None:
        _store().for_day(day)[key] = (200, list(response.headers.items()), response.get_data())
    return response


def init_app(app: Flask) -> None:
    app.extensions["advisor.pages"] = PageStore()
    app.before_request(serve_kept)
    app.after_request(keep)  # registered last: runs first, on the view's own response
