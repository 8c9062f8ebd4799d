"""Full pages for browsers and history restores; the result fragment for htmx swaps."""

from __future__ import annotations

from flask import Response, make_response, render_template, request
from flask_htmx import HTMX

htmx = HTMX()

__all__ = ["htmx", "render_page_or_fragment", "render_template", "wants_fragment"]


def wants_fragment() -> bool:
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page_or_fragment(page: str, fragment: str, **context) -> Response:
    """On a POST the language switch re-posts the answers, so they never travel in a URL."""
    context.setdefault("repost_answers", request.method == "POST")
    response = make_response(render_template(fragment if wants_fragment() else page, **context))
    response.vary.add("HX-Request")  # same URL, two bodies: keep caches honest
    return response
