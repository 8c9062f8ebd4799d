"""Pages without a form: home."""

from __future__ import annotations

from advisor.web.rendering import render_template

from ... import bp


@bp.get("/")
def home():
    return render_template("home.html")
