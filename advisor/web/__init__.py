"""The pages: thin views over advisor.advice, language in the URL (/zh/…, /en/…)."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, g, redirect, url_for
from advisor.i18n import lazy_gettext as _l

from .. import today
from ..explain import scheme_name
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, format_rate, format_yuan, language
from .choices import chosen

bp = Blueprint("web", __name__, url_prefix="/<lang_code>")


@bp.url_defaults
def add_language(endpoint: str, values: dict) -> None:
    values.setdefault("lang_code", g.get("lang_code", DEFAULT_LANGUAGE))


@bp.url_value_preprocessor
def pull_language(endpoint: str | None, values: dict | None) -> None:
    g.lang_code = (values or {}).pop("lang_code", DEFAULT_LANGUAGE)


@bp.before_request
def known_language():
    if g.lang_code not in LANGUAGES:
        abort(404)


NAVIGATION = (
    ("web.home", _l("Home")),
    ("web.check", _l("Can I enroll?")),
    ("web.calculate", _l("What will I pay?")),
    ("web.forecast", _l("What will I get?")),
    ("web.pension_at_retirement_page", _l("Pension at retirement")),
    ("web.register", _l("Where do I register?")),
    ("web.union", _l("Union protection")),
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
        "today": lambda: today(current_app),
        "scheme_title": lambda scheme: scheme_name(content, scheme, short=False),
    }


def figure_value(value, parameter_id: str) -> str:
    """A figure as users read it: money in yuan, ratios in per cent."""
    unit = current_app.extensions["advisor.content"].parameters[parameter_id].unit
    if unit in ("CNY/month", "CNY/year"):
        return format_yuan(value)
    if unit == "ratio":
        return format_rate(value)
    return str(value)


def init_app(app: Flask) -> None:
    # Each module registers its views on bp; one import per line.
    from . import calculate  # noqa: F401
    from . import check  # noqa: F401
    from . import faq  # noqa: F401
    from . import forecast  # noqa: F401
    from . import outreach  # noqa: F401
    from . import pages  # noqa: F401
    from . import protection  # noqa: F401  (新职伤, after an accident)
    from . import register  # noqa: F401
    from . import glossary  # noqa: F401
    from . import union  # noqa: F401
    from . import static_files
    from . import addresses  # templates' url_for, kept per endpoint and language
    from . import external  # kiosk mode: addresses and phone numbers
    from . import handoff  # kiosk mode: a result's QR code for the worker's phone
    from . import result_summaries  # the opening sentence of the newer pages' results (issue 10)
    from . import kiosk
    from .compression import compress_response
    from .errors import register_error_pages
    from .headers import add_security_headers
    from .rendered_once import RenderedOnce

    app.jinja_env.add_extension(RenderedOnce)
    register_error_pages(app)

    app.register_blueprint(bp)
    # Flask runs after_request functions last-registered first: compression goes first so it runs last.
    app.after_request(compress_response)
    static_files.init_app(app)
    addresses.init_app(app)
    app.after_request(add_security_headers)
    app.context_processor(template_helpers)
    kiosk.init_app(app)
    external.init_app(app)
    handoff.init_app(app)
    result_summaries.init_app(app)
    glossary.init_app(app)
    app.add_template_filter(figure_value)
    # Punctuation between a label and its value, full-width in Chinese ("统筹基金：¥4,775.00"); globals, so
    # macros imported without context see them too.
    app.jinja_env.globals.update(colon=lambda: language().colon, full_stop=lambda: language().full_stop)
    app.jinja_env.globals["chosen"] = chosen  # a choice field's answer as a key (choices.py)

    @app.get("/")
    def root():
        return redirect(url_for("web.home", lang_code=DEFAULT_LANGUAGE))
