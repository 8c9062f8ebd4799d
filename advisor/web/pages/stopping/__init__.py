"""停保、断缴和补缴 — how to stop, and what a gap does to the pension and to medical cover."""

from __future__ import annotations

from ... import bp
from ..guide_page import render_guide


@bp.get("/stopping")
def stopping():
    return render_guide("stopping")
