"""Full pages for browsers and history restores; the result fragment for htmx swaps."""

from __future__ import annotations

import typing as t

from flask import Response, current_app, make_response, request
from flask.signals import before_render_template, template_rendered
from flask_htmx import HTMX

from advisor.i18n import language_environment

htmx = HTMX()


def render_template(template_name_or_list, **context: t.Any) -> str:
    """Flask's render_template, in the request's language's own Jinja environment (advisor/i18n.py: the
    constant texts of each template are translated once, when it is compiled for that language)."""
    app = current_app._get_current_object()
    template = language_environment(app).get_or_select_template(template_name_or_list)
    app.update_template_context(context)
    before_render_template.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    rendered = template.render(context)
    template_rendered.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    return rendered


def wants_fragment() -> bool:
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page_or_fragment(page: str, fragment: str, **context) -> Response:
    """On a POST the language switch re-posts the answers, so they never travel in a URL."""
    context.setdefault("repost_answers", request.method == "POST")
    response = make_response(render_template(fragment if wants_fragment() else page, **context))
    response.vary.add("HX-Request")  # same URL, two bodies: keep caches honest
    return response
