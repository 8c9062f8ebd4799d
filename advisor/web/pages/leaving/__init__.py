"""离开深圳 — stopping before you go, what moves, the temporary account, where the pension is drawn."""

from __future__ import annotations

from ... import bp
from ..guide_page import render_guide


@bp.get("/leaving")
def leaving():
    return render_guide("leaving")
