"""The pages, put together: every page under advisor/web/pages/<page>/ registers its views on the blueprint
(advisor/web/blueprint.py); this module adds what every page shares (menu, headers, errors, kiosk, static files).
Views are thin: they bind a form, call advisor.answers and render a view model."""

from __future__ import annotations

from flask import Flask, current_app, redirect, url_for

from advisor.answers.explain import scheme_name
from advisor.answers.upkeep import figures_update_line
from advisor.clock import today
from advisor.i18n import DEFAULT_LANGUAGE, language
from advisor.i18n import lazy_gettext as _l
from advisor.web import (
    citations,
    external,
    handoff,
    health,
    kiosk,
    page_cache,
    prepared,
    result_summaries,
    static_files,
)
from advisor.web.blueprint import bp
from advisor.web.compression import compress_response
from advisor.web.errors import register_error_pages
from advisor.web.figures import figure_value
from advisor.web.headers import add_security_headers
from advisor.web.pages.calculate import view as calculate  # noqa: F401  (each page's views register on bp)
from advisor.web.pages.check import view as check  # noqa: F401
from advisor.web.pages.faq import view as faq  # noqa: F401
from advisor.web.pages.forecast import view as forecast  # noqa: F401
from advisor.web.pages.glossary import view as glossary
from advisor.web.pages.guides import view as guides  # noqa: F401
from advisor.web.pages.home import view as home  # noqa: F401
from advisor.web.pages.outreach import membership  # noqa: F401
from advisor.web.pages.outreach import view as outreach  # noqa: F401
from advisor.web.pages.pension_at_retirement import view as pension_at_retirement  # noqa: F401
from advisor.web.pages.protection import view as protection  # noqa: F401  (新职伤, after an accident)
from advisor.web.pages.register import view as register  # noqa: F401
from advisor.web.pages.sources import view as sources  # noqa: F401
from advisor.web.pages.union import view as union  # noqa: F401

NAVIGATION = (
    ("web.home", _l("Home")),
    ("web.check", _l("Can I enroll?")),
    ("web.calculate", _l("What will I pay?")),
    ("web.forecast", _l("What will I get?")),
    ("web.pension_at_retirement_page", _l("Pension at retirement")),
    ("web.register", _l("Where do I register?")),
    ("web.union", _l("Union protection")),
    # The guides (issue 23): short labels, the pages' own titles are longer.
    ("web.stopping", _l("Stopping and back payment")),
    ("web.leaving", _l("Leaving Shenzhen")),
    ("web.resident", _l("Employee or resident insurance?")),
    ("web.faq", _l("Questions")),
    ("web.glossary", _l("Words explained")),
)


def template_helpers() -> dict:
    content = current_app.extensions["advisor.content"]

    def navigation():
        """Menu entries whose pages exist."""
        return [(endpoint, label) for endpoint, label in NAVIGATION if endpoint in current_app.view_functions]

    return {
        "navigation": navigation,
        "current_app_view_functions": lambda: current_app.view_functions,
        "rules_last_checked": lambda: content.rules_last_checked,
        "today": lambda: today(current_app.config),
        "figures_update": lambda: figures_update_line(content, today(current_app.config)),
        "scheme_title": lambda scheme: scheme_name(content, scheme, short=False),
    }


def init_app(app: Flask) -> None:
    register_error_pages(app)

    app.register_blueprint(bp)
    # Flask runs after_request functions last-registered first: compression goes first so it runs last.
    app.after_request(compress_response)
    static_files.init_app(app)
    app.after_request(add_security_headers)
    app.context_processor(template_helpers)
    kiosk.init_app(app)
    citations.init_app(app)  # the status badges' words (templates/macros/sources.html)
    external.init_app(app)  # kiosk mode: addresses and phone numbers
    handoff.init_app(app)  # kiosk mode: a result's QR code for the worker's phone
    result_summaries.init_app(app)  # the opening sentence of the newer pages' results (issue 10)
    glossary.init_app(app)
    app.add_template_filter(figure_value)
    # Punctuation between a label and its value, full-width in Chinese ("统筹基金：¥4,775.00"); globals, so
    # macros imported without context see them too.
    app.jinja_env.globals.update(colon=lambda: language().colon, full_stop=lambda: language().full_stop)
    prepared.prepare(app)  # what is made from content and the language alone, once per language
    health.init_app(app)  # GET /healthz for a load balancer
    page_cache.init_app(app)  # last: its after_request sees the view's own response (page_cache.py)

    @app.get("/")
    def root():
        return redirect(url_for("web.home", lang_code=DEFAULT_LANGUAGE))
