"""Pages without a form: home."""

from __future__ import annotations

from advisor.web.blueprint import bp
from advisor.web.rendering import render_template


@bp.get("/")
def home():
    return render_template("home/page.html")
