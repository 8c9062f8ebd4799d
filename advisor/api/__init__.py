"""The JSON API, version 1 (contract in openapi.yaml, served at /api/v1/openapi.json): one module per question,
each calling advisor.answers.<question> as the pages do, so the two agree."""

from advisor.api import forecast, pension_at_retirement, protection, routes, union  # noqa: F401  (register views)
from advisor.api.blueprint import bp

__all__ = ["bp"]
