"""来源 — /zh/sources: every document in content/sources.yaml with its status, what it supports and the research
notes, for union staff and the site's maintainers. The same for everyone on the same day."""

from __future__ import annotations

from advisor.web.blueprint import bp
from advisor.web.pages.sources.view_model import source_entries
from advisor.web.rendering import render_template


@bp.get("/sources")
def sources():
    # This page is the trail itself: it has no "依据和来源" section of its own.
    return render_template("sources/page.html", entries=source_entries(), citations=())
