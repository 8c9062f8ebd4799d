"""The JSON API, version 1 (contract in openapi.yaml, served at /api/v1/openapi.json)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import routes  # noqa: E402,F401  (registers the views)
from . import union  # noqa: E402,F401  (union protections)
from . import forecast  # noqa: E402,F401  (registers POST /forecast)
from . import pension_at_retirement  # noqa: E402,F401  (registers POST /pension-at-retirement)
from . import protection  # noqa: E402,F401  (新职伤 self-check, after-accident checklist)
