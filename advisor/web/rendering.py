"""Full pages for browsers and history restores; the result fragment for htmx swaps.

Every page is rendered with `citations`: the documents its view models cite, each once (advisor/web/citations.py),
which templates/base.html lists in the collapsed section at the page's end. An htmx fragment carries that section
too, marked to replace the page's own, so it always lists what the page shows."""

from __future__ import annotations

import flask
from flask import Response, make_response, request
from flask_htmx import HTMX

from advisor.web.citations import page_citations

htmx = HTMX()

__all__ = ["htmx", "render_page_or_fragment", "render_template", "wants_fragment"]


def wants_fragment() -> bool:
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_template(template: str, **context) -> str:
    context.setdefault("citations", page_citations(*context.values()))
    return flask.render_template(template, **context)


def render_page_or_fragment(page: str, fragment: str, **context) -> Response:
    """On a POST the language switch re-posts the answers, so they never travel in a URL."""
    context.setdefault("repost_answers", request.method == "POST")
    context.setdefault("citations", page_citations(*context.values()))
    if wants_fragment():
        body = flask.render_template(fragment, **context) + flask.render_template(
            "_sources_trail.html", citations=context["citations"], oob=True)
    else:
        body = flask.render_template(page, **context)
    response = make_response(body)
    response.vary.add("HX-Request")  # same URL, two bodies: keep caches honest
    return response
