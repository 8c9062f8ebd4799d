"""Property tests over every API operation in the OpenAPI document: no 5xx, and every 4xx names its fields.

Bodies mix values the schema allows (enum members, dates) with anything JSON can carry, non-object
bodies and broken JSON, so both the happy path and every validation branch are reached.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from advisor import create_app
from tests.conftest import TODAY
from tests.generated import ANY_DATE, EARLIEST, LATEST, NUMBER_TEXT, SENT
from tests.site_map import api_operations

# A property sweep (EXAMPLES generated bodies per operation): make test, not make check.
pytestmark = pytest.mark.slow

EXAMPLES = 400  # per operation: every field of its schema is still sent in 90 bodies or more

APP = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
CLIENT = APP.test_client()
OPERATIONS = {(method, path): schema for method, path, schema in api_operations(APP) if method == "POST"}
# Errors about the request as a whole rather than one field: the body itself, or its size or method.
WHOLE_REQUEST = {"body", "request"}

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["", "0", "-1", "-0", "0008000", "8000", "8,000.50", "１２３", "٨٠٠٠", "1e400", "2026-02-30",
                     "1990-05-31", "2026-11", "9999-12", "0001-01", "9937-01-01", "9999-12-31", "yes", "no", "unknown",
                     "male", "female", "shenzhen", "pension", "９" * 40]),
    NUMBER_TEXT,
    ANY_DATE.map(lambda day: day.isoformat()),
)
ANY_JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10),
                                                                                          inner, max_size=5),
                        max_leaves=12)


def value_for(schema: dict) -> st.SearchStrategy:
    """A value this property's schema allows, or anything at all."""
    allowed: list[st.SearchStrategy] = []
    if "enum" in schema:
        allowed.append(st.sampled_from(schema["enum"]))
    if schema.get("format") == "date":
        allowed.append(ANY_DATE.map(lambda day: day.isoformat()))
    if schema.get("type") == "array" and "items" in schema:
        allowed.append(st.lists(value_for(schema["items"]), max_size=6))
    if schema.get("type") == "object" and "properties" in schema:
        allowed.append(body_for(schema))
    if schema.get("type") == "boolean":
        allowed.append(st.booleans())
    if schema.get("type") == "string" and "pattern" in schema:
        allowed.append(st.from_regex(schema["pattern"], fullmatch=True))
    return st.one_of(*allowed, ANY_JSON) if allowed else ANY_JSON


def body_for(schema: dict) -> st.SearchStrategy:
    properties = schema.get("properties", {})
    return st.fixed_dictionaries({}, optional={name: value_for(prop) for name, prop in properties.items()})


MONTH_PATTERN = "^[0-9]{4}-[0-9]{2}$"


def plausible(schema: dict, name: str = "") -> st.SearchStrategy:
    """Only values the schema allows, shaped like real answers, so the calculations themselves run."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "oneOf" in schema:
        return st.one_of(*(plausible(option) for option in schema["oneOf"]))
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {name: plausible(prop, name) for name, prop in properties.items() if name in required},
            optional={name: plausible(prop, name) for name, prop in properties.items() if name not in required})
    if kind == "array":
        return st.lists(plausible(schema.get("items", {})), min_size=schema.get("minItems", 0),
                        max_size=min(schema.get("maxItems", 6), 6))
    if kind == "boolean":
        return st.booleans()
    if kind in ("integer", "number"):
        return st.integers(min_value=schema.get("minimum", 0), max_value=600)
    if schema.get("format") == "date" and "birth" in name:  # mostly people of working age, sometimes any date
        return st.one_of(st.dates(min_value=date(1955, 1, 1), max_value=date(2008, 12, 31)),
                         st.dates(min_value=EARLIEST, max_value=LATEST)).map(date.isoformat)
    if schema.get("format") == "date":  # mostly the periods content/ has figures for, sometimes the whole range
        return st.one_of(st.dates(min_value=date(2022, 7, 1), max_value=date(2027, 6, 30)),
                         st.dates(min_value=EARLIEST, max_value=LATEST)).map(date.isoformat)
    if schema.get("pattern") == MONTH_PATTERN:
        return st.one_of(st.builds("{}-{:02d}".format, st.integers(2022, 2027), st.integers(1, 12)),
                         st.builds("{:04d}-{:02d}".format, st.integers(EARLIEST.year, LATEST.year),
                                   st.integers(1, 12)))
    # Free strings in this API are amounts, rates and multiples written as decimals.
    return st.one_of(st.decimals(min_value=0, max_value=60000, places=2).map(str),
                     st.decimals(min_value=0, max_value=60000, places=2).map(lambda d: "000" + str(d)),
                     st.sampled_from(["0", "0.03", "1", "1.5", "3", "8000", "8,000.50", "０８０００", "٨٠٠٠"]))


def payload(schema: dict) -> st.SearchStrategy:
    """Encoded request bodies: plausible answers, objects shaped by the schema, other JSON, and non-JSON."""
    return st.one_of(
        plausible(schema).map(json.dumps),
        body_for(schema).map(json.dumps),
        ANY_JSON.map(json.dumps),
        st.binary(max_size=200).map(lambda raw: raw.decode("latin-1")),
        st.sampled_from(["", "{", "[]", "null", "NaN", '{"a": NaN}', '{"a": 1e999}', "[" * 5000, "-0", '{"wage": -0}',
                         '{"amounts": [-0.0]}', '{"contributed_months": -0}']),
    )


def field_names(schema: dict) -> set[str]:
    return set(schema.get("properties", {}))


def test_the_api_has_operations_to_test():
    assert {path for _, path in OPERATIONS} >= {"/api/v1/eligibility", "/api/v1/contribution"}


@pytest.mark.parametrize("method, path", sorted(OPERATIONS))
def test_no_body_causes_a_server_error_and_every_refusal_names_its_fields(method, path):
    schema = OPERATIONS[(method, path)]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(body=payload(schema), language=st.sampled_from(["", "?lang=en", "?lang=zh", "?lang=fr"]))
    def post(body, language):
        SENT["API"] += 1
        response = CLIENT.open(path + language, method=method, data=body.encode("utf-8", "surrogatepass"),
                               content_type="application/json")
        assert response.status_code < 500, body
        event(f"status {response.status_code}")  # shown by --hypothesis-show-statistics
        answer = response.get_json()
        assert isinstance(answer, dict), body
        if response.status_code >= 400:
            errors = answer["errors"]
            assert isinstance(errors, dict) and errors, body
            for name, messages in errors.items():
                # A field of the request (or a part of one: "answers.member"), or the request as a whole.
                assert name.split(".")[0].split("[")[0] in field_names(schema) | WHOLE_REQUEST | {"base"}, name
                assert isinstance(messages, list) and messages, name
                assert all(isinstance(message, str) and message.strip() for message in messages), name
        else:
            assert response.status_code == 200 and "errors" not in answer

    post()
