"""Privacy: no response sets a cookie, and personal answers never reach the application log."""

from __future__ import annotations

import logging

import pytest
from werkzeug.datastructures import MultiDict

from tests.site_map import api_operations, form_fields, form_page_urls, page_urls

BIRTH_DATE = "1990-05-31"
WAGE = "8765.43"
# How the answers could show up in a log line: as sent, as parsed, or as a Decimal repr.
TRACES = (BIRTH_DATE, "1990, 5, 31", "1990-5-31", WAGE, "8,765.43", "8765.4")


def personal_answers(fields) -> list[tuple[str, str]]:
    """A birth date in every date part, the wage in every other free-text field, a real choice elsewhere."""
    answers = []
    for name, field in fields.items():
        if name.endswith("-year"):
            answers.append((name, "1990"))
        elif name.endswith("-month"):
            answers.append((name, "5"))
        elif name.endswith("-day"):
            answers.append((name, "31"))
        elif field.values:
            answers.extend((name, value) for value in (field.values if field.multiple else field.values[:1]))
        else:
            answers.append((name, WAGE))
    return answers


def api_answers(schema: dict) -> dict:
    """Every date-like property gets the birth date, every amount-like one the wage."""
    body = {}
    for name, prop in schema.get("properties", {}).items():
        if prop.get("format") == "date" or "date" in name:
            body[name] = BIRTH_DATE
        elif prop.get("type") == "array":
            body[name] = [WAGE]
        elif prop.get("type") == "string" and "enum" not in prop:
            body[name] = WAGE
    return body


def every_kind_of_request(app, client) -> list:
    """Pages, forms (plain and htmx), the API, static files and every error answer, with personal answers."""
    responses = [client.get("/"), client.get("/api/v1/openapi.json")]
    responses += [client.get(url) for url in page_urls(app)]
    for url in form_page_urls(app):
        answers = MultiDict(personal_answers(form_fields(client.get(url).text, url)))
        responses.append(client.post(url, data=answers))
        responses.append(client.post(url, data=answers, headers={"HX-Request": "true"}))
        responses.append(client.post(url, data=MultiDict([*answers.items(multi=True), ("padding", "x" * 70_000)])))
    for method, path, schema in api_operations(app):
        if method == "POST":
            responses.append(client.post(path, json=api_answers(schema)))
            responses.append(client.post(path, data=f'{{"birth_date": "{BIRTH_DATE}", "wage": {WAGE}',
                                         content_type="application/json"))  # malformed
    with client.get("/static/css/site.css") as static:
        responses.append(static)
    responses += [client.get("/zh/no-such-page"), client.delete("/zh/calculate"), client.get("/api/v1/nothing")]
    return responses


def test_no_response_sets_a_cookie(app, client):
    responses = every_kind_of_request(app, client)
    assert len(responses) > 30
    assert {response.status_code for response in responses} >= {200, 302, 404, 405, 413, 422}
    for response in responses:
        assert "Set-Cookie" not in response.headers, response.request.path


def test_personal_answers_leave_no_trace_in_the_log(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    every_kind_of_request(app, client)
    assert caplog.records or True  # the log may well be empty; what matters is what it does not hold
    for trace in TRACES:
        assert trace not in caplog.text


def test_a_crash_is_logged_without_the_answers_that_caused_it(app, client, caplog, monkeypatch):
    """Exception messages often quote the input (int('8765.43')); the log keeps where it failed, not that."""
    def crash(*args, **kwargs):
        wage = next(arg for arg in args if str(arg) == WAGE)
        try:
            int(str(wage))
        except ValueError as error:
            raise RuntimeError(f"could not cost {wage} for someone born {BIRTH_DATE}") from error

    monkeypatch.setattr("advisor.web.pages.calculate.view.calculate_cost", crash)
    caplog.set_level(logging.DEBUG)
    response = client.post("/zh/calculate", data={"wage": WAGE, "hukou": "shenzhen", "insurances": ["pension"],
                                                  "month": "2026-11"})
    assert response.status_code == 500 and "抱歉" in response.text
    assert WAGE not in response.text
    logged = caplog.text
    assert "RuntimeError" in logged and "ValueError" in logged and "POST /zh/calculate" in logged
    assert "calculate/view.py" in logged and "in crash" in logged  # where it failed is still there
    for trace in TRACES:
        assert trace not in logged
    for record in caplog.records:
        assert record.exc_info is None or record.exc_info[0] is None  # no message hidden in exc_info


@pytest.mark.parametrize("api_path, target", [
    ("/api/v1/contribution", "advisor.api.contribution.calculate_cost"),
])
def test_an_api_crash_is_logged_without_the_answers(client, caplog, monkeypatch, api_path, target):
    def crash(*args, **kwargs):
        raise ValueError(f"invalid literal for int() with base 10: '{WAGE}'")

    monkeypatch.setattr(target, crash)
    caplog.set_level(logging.DEBUG)
    response = client.post(api_path, json={"month": "2026-11", "hukou": "shenzhen", "wage": WAGE,
                                           "insurances": ["pension"]})
    assert response.status_code == 500 and "errors" in response.get_json()
    assert "ValueError" in caplog.text and WAGE not in caplog.text
