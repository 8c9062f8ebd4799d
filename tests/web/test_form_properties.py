"""Property tests: whatever is posted to any form's fields, the site never answers with a server error.

The form pages and their fields are read from the app (tests/site_map.py), so a form added later
is covered without touching this file. Every form is tried on the public site and in kiosk mode,
200 inputs each: arbitrary text, numbers with signs, leading zeros and every Unicode digit script,
date parts over the whole range and beyond, and the choices the page offers.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from advisor import create_app
from tests.conftest import TODAY
from tests.generated import DAY, MONTH, NUMBER_TEXT, SENT, YEAR
from tests.site_map import FormField, form_fields, form_page_urls
from tests.web.kiosk_support import KIOSK

# A property sweep (EXAMPLES generated posts per form and mode): make test, not make check.
pytestmark = pytest.mark.slow

EXAMPLES = 200  # each posts any subset of the fields: every field is still sent 60 times or more per form and mode
# One app and client per mode for the module: Hypothesis calls the test many times, and the app keeps no state.
APPS = {"public": create_app({"TESTING": True, "ADVISOR_TODAY": TODAY}), "kiosk": create_app(KIOSK)}
CLIENTS = {mode: app.test_client() for mode, app in APPS.items()}
FORMS = {(mode, url): form_fields(CLIENTS[mode].get(url).text, url)
         for mode, app in APPS.items() for url in form_page_urls(app)}

TRICKY = [
    "", " ", "0", "-1", "-0", "00000", "0008000", "1e9", "NaN", "Infinity", "9" * 400, "8,000.00", "８，０００．００",
    "¥8000元", "8000。50", "\x00", "\u202e", "2026-02-30", "0000-00-00", "<script>alert(1)</script>", "{{7*7}}",
    "%(x)s", "' OR 1=1 --", "../../etc/passwd", "yes", "no", "unknown", "true", "٨٠٠٠", "८०००", "๘๐๐๐",
]
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40),
    NUMBER_TEXT,
    st.text(alphabet="0123456789.,-+ ¥元", max_size=20),
    st.text(min_size=500, max_size=3000),
)


def value(field: FormField) -> st.SearchStrategy:
    part = field.name.rsplit("-", 1)[-1]
    typed = {"year": YEAR, "month": MONTH, "day": DAY}.get(part) if "-" in field.name else None
    choices = [st.sampled_from(field.values)] if field.values else []
    one = st.one_of(*choices, *([typed] if typed is not None else []), TEXT)
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
    assert FORMS[("public", "/zh/calculate")]["wage"] and FORMS[("kiosk", "/zh/calculate")]["wage"]
    assert {url for mode, url in FORMS if mode == "kiosk"} == {url for mode, url in FORMS if mode == "public"}
    assert all(FORMS.values()), "a form page whose form has no fields was found"


@pytest.mark.parametrize("mode, url", sorted(FORMS))
def test_no_input_to_a_form_causes_a_server_error(mode, url):
    client = CLIENTS[mode]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=answers(FORMS[(mode, url)]), language=st.sampled_from(["zh", "en"]), htmx=st.booleans())
    def post(data, language, htmx):
        SENT["forms (kiosk)" if mode == "kiosk" else "forms"] += 1
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.post(url.replace("/zh/", f"/{language}/", 1), data=as_form(data), headers=headers)
        assert response.status_code < 500, data
        event(f"status {response.status_code}")  # shown by --hypothesis-show-statistics
        assert response.status_code in (200, 413), (response.status_code, data)
        assert response.mimetype == "text/html"
        assert "Traceback" not in response.text
        assert ("<html" in response.text) != (htmx and response.status_code == 200)

    post()
