"""Answers nobody should type, sent to the two forms with the most questions (可以参保吗 /check and
将来能领多少 /forecast): each odd value in each field, as a form and by htmx, and any text in any answers
(Hypothesis). The page always answers, never with a server error, and nothing typed comes back as markup.
tests/web/test_form_properties.py sweeps every form more widely (make test)."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import create_app
from tests.conftest import TODAY

from .pages import HTMX
from .test_check import RIDER
from .test_forecast import EXAMPLE_A

# Too long, control characters, other scripts' digits, signs, exponents, markup, choices that do not exist.
ODD_VALUES = ["x" * 10_000, "\x00", "２０２６", "-1", "-99999999999999999999", "1e9", "NaN", "Infinity",
              "unknown_value", "<script>alert(1)</script>", "1" * 5000, "  ", "١٩٩٠", "²", "F55\x00", "0.0000001",
              "%", "avg999", "yes\nno"]


class Form(NamedTuple):
    answers: dict  # a whole set of answers: each odd value takes the place of one
    fields: list[str]  # every field the page reads, those it shows only to some people included
    typed_into: dict  # the answers that Hypothesis's text is added to


FORMS = {
    "check": Form({**RIDER, "insured_before": "yes", "sex": "female"},
                  [*RIDER, "female_category", "first_insured_month-year", "first_insured_month-month", "edit"], {}),
    "forecast": Form({**EXAMPLE_A, "base": "wage", "wage": "8000"},
                     [*EXAMPLE_A, "female_category", "wage", "past_index"], EXAMPLE_A),
}


@pytest.mark.parametrize(("form", "field"), [(form, field) for form in FORMS for field in FORMS[form].fields])
def test_garbage_in_any_field_never_gives_a_server_error(client, form, field):
    for value in ODD_VALUES:
        for headers in ({}, HTMX):
            response = client.post(f"/en/{form}", data={**FORMS[form].answers, field: value}, headers=headers)
            assert response.status_code == 200, (field, value)
            assert "<script>alert" not in response.text


@pytest.fixture(scope="module")
def shared_client(content):
    """One app for the module: Hypothesis runs a test many times within one use of a fixture."""
    return create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, "CONTENT": content}).test_client()


@pytest.mark.parametrize("form", FORMS)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typing=st.data())
def test_any_text_in_any_answer_is_answered_below_500(shared_client, form, typing):
    fields = FORMS[form].fields
    typed = typing.draw(st.dictionaries(st.sampled_from(fields), st.text(max_size=60), max_size=len(fields)))
    for lang in ("zh", "en"):
        assert shared_client.post(f"/{lang}/{form}", data={**FORMS[form].typed_into, **typed}).status_code == 200
