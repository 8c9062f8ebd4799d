"""深圳灵活就业参保助手 — the Shenzhen flexible-employment social insurance advisor."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from advisor import i18n, web
from advisor.api import bp as api_bp
from advisor.cli import policy_cli
from advisor.policy import ContentError, load_content
from advisor.serving.startup import InstallationError, SettingError, check_app
from advisor.web.kiosk import kiosk_settings
from advisor.web.limits import init_app as init_limits
from advisor.web.rendering import htmx

# Every refusal create_app stops on; wsgi.py prints it as one line and exits with status 1.
StartupRefused = (ContentError, InstallationError, SettingError)

ROOT = Path(__file__).resolve().parent.parent
# Host names the app answers to unless ADVISOR_TRUSTED_HOSTS (comma-separated) says otherwise: a request
# with any other Host header gets 400, so a forged Host can never end up in a link or a redirect.
# (Werkzeug cannot match IPv6 literals such as [::1] against this list; use a name.)
LOOPBACK_HOSTS = ("localhost", "127.0.0.1")


def trusted_hosts(environ) -> list[str]:
    configured = environ.get("ADVISOR_TRUSTED_HOSTS", "")
    names = [name.strip() for name in configured.split(",") if name.strip()]
    return names or list(LOOPBACK_HOSTS)


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app. Content is loaded and validated here, so a broken file stops start-up."""
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
        MAX_CONTENT_LENGTH=64 * 1024,  # deploy/nginx.conf's client_max_body_size is made from this
        TRUSTED_HOSTS=trusted_hosts(os.environ),
        MAX_FORM_PARTS=200,
        BABEL_DEFAULT_LOCALE="zh",
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent / "translations"),
        JSON_SORT_KEYS=False,
        # Kiosk mode for office terminals (ADVISOR_KIOSK=1) and where phones reach the public site;
        # see advisor/web/kiosk.py and docs/deployment.md ("Kiosk deployment").
        **_settings(kiosk_settings, os.environ),
    )
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False
    shared = app.config.get("CONTENT")  # content already loaded (the test session's, read once); never changed
    app.extensions["advisor.content"] = shared if shared is not None else load_content(app.config["CONTENT_DIR"])
    check_app(app)

    i18n.init_app(app)

    app.register_blueprint(api_bp)
    htmx.init_app(app)
    _settings(web.init_app, app)
    init_limits(app)
    app.cli.add_command(policy_cli)
    return app


def _settings(function, *args):
    """Run a step that reads settings, turning a bad value (ValueError) into a one-line SettingError."""
    try:
        return function(*args)
    except ValueError as error:
        raise SettingError(str(error)) from None
