"""One small package per page (STYLE.md, "where it should grow"): each registers its views on bp.

advisor/web/__init__.py imports this package; import each page here, one a line.
"""

from . import (
    home,  # noqa: F401
    leaving,  # noqa: F401
    pension_at_retirement,  # noqa: F401
    resident,  # noqa: F401
    stopping,  # noqa: F401
)
