"""Property tests: whatever is posted to any form's fields, the site never answers with a server error.

The form pages and their fields are read from the app (tests/site_map.py), so a form added later
is covered without touching this file.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from advisor import create_app
from tests.conftest import TODAY
from tests.site_map import FormField, form_fields, form_page_urls

# One app and client for the module: Hypothesis calls the test many times, and the app keeps no state.
APP = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
CLIENT = APP.test_client()
FORMS = {url: form_fields(CLIENT.get(url).text, url) for url in form_page_urls(APP)}

TRICKY = [
    "", " ", "0", "-1", "00000", "1e9", "NaN", "Infinity", "9" * 400, "8,000.00", "８，０００．００", "¥8000元",
    "8000。50", "\x00", "\u202e", "2026-02-30", "0000-00-00", "<script>alert(1)</script>", "{{7*7}}", "%(x)s",
    "' OR 1=1 --", "../../etc/passwd", "yes", "no", "unknown", "true",
]
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40),
    st.text(alphabet="0123456789.,-+ ¥元", max_size=20),
    st.text(min_size=500, max_size=3000),
)


def value(field: FormField) -> st.SearchStrategy:
    one = st.one_of(st.sampled_from(field.values), TEXT) if field.values else TEXT
    return st.lists(one, max_size=4) if field.multiple else one


def answers(fields: dict[str, FormField]) -> st.SearchStrategy:
    """Any subset of the form's fields, each with an offered value or arbitrary text, plus an unknown field."""
    return st.fixed_dictionaries(
        {}, optional={**{name: value(field) for name, field in fields.items()}, "unexpected": TEXT})


def as_form(data: dict) -> MultiDict:
    pairs = []
    for name, entry in data.items():
        pairs.extend((name, item) for item in (entry if isinstance(entry, list) else [entry]))
    return MultiDict(pairs)


def test_the_site_has_forms_to_test():
    assert "/zh/calculate" in FORMS and FORMS["/zh/calculate"]["wage"]
    assert all(FORMS.values()), "a form page whose form has no fields was found"


@pytest.mark.parametrize("url", sorted(FORMS))
def test_no_input_to_a_form_causes_a_server_error(url):
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=answers(FORMS[url]), language=st.sampled_from(["zh", "en"]), htmx=st.booleans())
    def post(data, language, htmx):
        headers = {"HX-Request": "true"} if htmx else {}
        response = CLIENT.post(url.replace("/zh/", f"/{language}/", 1), data=as_form(data), headers=headers)
        assert response.status_code < 500, data
        event(f"status {response.status_code}")  # shown by --hypothesis-show-statistics
        assert response.status_code in (200, 413), (response.status_code, data)
        assert response.mimetype == "text/html"
        assert "Traceback" not in response.text
        assert ("<html" in response.text) != (htmx and response.status_code == 200)

    post()
