"""The guides: 停保、断缴和补缴 (stopping), 离开深圳 (leaving), 职工保险和居民保险 (resident schemes).

Each is one content file (content/guides/<name>.yaml) shown by the same view model.
"""

from __future__ import annotations

from advisor.web.blueprint import bp
from advisor.web.pages.guides.view_model import render_guide


@bp.get("/stopping")
def stopping():
    """How to stop, and what a gap does to the pension and to medical cover."""
    return render_guide("stopping")


@bp.get("/leaving")
def leaving():
    """Stopping before you go, what moves, the temporary account, where the pension is drawn."""
    return render_guide("leaving")


@bp.get("/resident-schemes")
def resident():
    """Employee insurance as a flexible worker beside the resident schemes."""
    return render_guide("resident")
