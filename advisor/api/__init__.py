"""The JSON API, version 1 (contract in openapi.yaml, served at /api/v1/openapi.json): one module per question,
each calling advisor.answers.<question> as the pages do, so the two agree."""

from advisor.api import (  # noqa: F401  (each registers its operation on bp)
    contribution,
    eligibility,
    forecast,
    openapi,
    pension_at_retirement,
    protection,
    union,
)
from advisor.api.blueprint import bp

__all__ = ["bp"]
