"""The pages' blueprint: every page registers its views on `bp`, with the language in the URL (/zh/…, /en/…)."""

from __future__ import annotations

from flask import Blueprint, abort, g

from advisor.i18n import DEFAULT_LANGUAGE, LANGUAGES

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
