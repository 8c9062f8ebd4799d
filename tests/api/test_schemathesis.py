"""schemathesis against our own OpenAPI document, with the app in-process (WSGI, no server).

It generates bodies that follow the schema and bodies that break it, for every operation, and
checks that no answer is a 5xx and that every answer matches the status codes, content types and
response schemas the document declares.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from advisor import create_app
from tests.conftest import TODAY
from tests.generated import SENT

# schemathesis's generated requests for every operation: make test, not make check.
pytestmark = pytest.mark.slow

# One app for the whole module: Hypothesis replays many inputs against it, and it keeps no state.
APP = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case):
    SENT["schemathesis"] += 1
    # The WSGI transport does not decompress; gzip is tested in tests/web/test_serving.py.
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})
