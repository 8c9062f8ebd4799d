"""One small package per page (STYLE.md, "where it should grow"): each registers its views on bp.

advisor/web/__init__.py imports this package; import each page here, one a line.
"""

from . import home  # noqa: F401
from . import leaving  # noqa: F401
from . import resident  # noqa: F401
from . import stopping  # noqa: F401
