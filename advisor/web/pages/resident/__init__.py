"""职工保险和居民保险 — employee insurance as a flexible worker beside the resident schemes."""

from __future__ import annotations

from ... import bp
from ..guide_page import render_guide


@bp.get("/resident-schemes")
def resident():
    return render_guide("resident")
