"""深圳灵活就业参保助手 — the Shenzhen flexible-employment social insurance advisor."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from flask import Flask

from .policy import load_content

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app. Content is loaded and validated here, so a broken file stops start-up."""
    from .web.kiosk import kiosk_settings

    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(
        CONTENT_DIR=str(ROOT / "content"),
        # "Today" for the rules; a reviewer can set ADVISOR_TODAY=2027-07-01 to check next
        # period's figures in advance. Empty means the real date.
        ADVISOR_TODAY=os.environ.get("ADVISOR_TODAY", ""),
        MAX_CONTENT_LENGTH=64 * 1024,
        MAX_FORM_PARTS=200,
        BABEL_DEFAULT_LOCALE="zh",
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent / "translations"),
        JSON_SORT_KEYS=False,
        # Kiosk mode for office terminals (ADVISOR_KIOSK=1) and where phones reach the public site;
        # see advisor/web/kiosk.py and the README's "Kiosk deployment".
        **kiosk_settings(os.environ),
    )
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False
    app.extensions["advisor.content"] = load_content(app.config["CONTENT_DIR"])

    from . import i18n
    i18n.init_app(app)

    from .api import bp as api_bp
    app.register_blueprint(api_bp)

    from . import web
    from .web.rendering import htmx
    htmx.init_app(app)
    web.init_app(app)

    from .cli import policy_cli
    app.cli.add_command(policy_cli)
    return app


def today(app: Flask) -> date:
    configured = app.config.get("ADVISOR_TODAY")
    return date.fromisoformat(configured) if configured else date.today()
