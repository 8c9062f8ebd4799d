"""Edges found by trying the API as an attacker would: dates far in the future, leading zeros, JSON -0."""

from __future__ import annotations

import pytest

PERSON = {"sex": "male", "hukou": "shenzhen", "residence_permit": False, "full_time_student": False,
          "employer_insured": False, "work": "platform"}
FORECAST = {"sex": "male", "contributed_months": 12, "base_wage": "8000"}
RANGE = "Enter a date from 1900-01-01 to 2100-12-31."


def post(client, path, body, lang="en"):
    return client.post(f"/api/v1/{path}?lang={lang}", json=body)


@pytest.mark.parametrize("path, body", [("eligibility", PERSON), ("forecast", FORECAST)])
@pytest.mark.parametrize("sex, born", [("male", "9937-01-01"), ("female", "9942-01-01"), ("male", "9999-12-31"),
                                       ("female", "2101-01-01")])
def test_a_retirement_past_the_computable_range_is_a_422_not_a_500(client, path, body, sex, born):
    response = post(client, path, {**body, "sex": sex, "birth_date": born, "as_of": "9999-12-31"})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"birth_date": [RANGE], "as_of": [RANGE]}


@pytest.mark.parametrize("path, body", [("eligibility", PERSON), ("forecast", FORECAST)])
def test_the_last_day_of_the_range_is_computed(client, path, body):
    response = post(client, path, {**body, "birth_date": "2100-12-30", "as_of": "2100-12-31"})
    assert response.status_code in (200, 422)
    if response.status_code == 422:  # content has no figures that far ahead, which is a field error, not a crash
        assert set(response.get_json()["errors"]) <= {"as_of", "birth_date", "contributed_months"}


def test_dates_before_the_range_are_refused_with_their_own_words(client):
    errors = post(client, "eligibility", {**PERSON, "birth_date": "1899-12-31", "as_of": "1899-12-31"}).get_json()
    assert errors["errors"] == {"as_of": [RANGE], "birth_date": ["The date of birth must be on or after 1900-01-01."]}


@pytest.mark.parametrize("field, value", [("month", "9999-12"), ("month", "1899-12"), ("month", "0001-01")])
def test_a_month_outside_the_range_is_refused(client, field, value):
    body = {"month": "2026-11", "hukou": "shenzhen", "wage": "8000", "insurances": ["pension"], field: value}
    response = post(client, "contribution", body)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"month": ["Enter a month from 1900-01 to 2100-12."]}


def test_the_union_as_of_is_checked_too(client):
    response = post(client, "union/mutual-aid-payout", {"amounts": ["350"], "as_of": "9999-12-31"})
    assert response.status_code == 422 and response.get_json()["errors"] == {"as_of": [RANGE]}


def test_the_range_is_worded_in_chinese_too(client):
    response = post(client, "eligibility", {**PERSON, "birth_date": "9990-01-01", "as_of": "9999-12-31"}, lang="zh")
    assert response.get_json()["errors"]["as_of"] == ["请输入 1900-01-01 至 2100-12-31 之间的日期。"]


@pytest.mark.parametrize("wage", ["0008000", "00000000008000", "０００８０００", "08000.00", "0,008,000"])
def test_leading_zeros_are_read_as_the_number(client, wage):
    body = {"month": "2026-11", "hukou": "shenzhen", "wage": wage, "insurances": ["pension"]}
    response = post(client, "contribution", body)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["bases"]["pension"]["declared"] == "8000.00"


@pytest.mark.parametrize("raw", ["-0", "-0.0", "-0.00", '"-0"', "-1"])
def test_minus_zero_is_refused_like_the_string(client, raw):
    body = f'{{"month": "2026-11", "hukou": "shenzhen", "insurances": ["pension"], "wage": {raw}}}'.encode()
    response = client.post("/api/v1/contribution?lang=en", data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"wage": ["The amount cannot be negative."]}


def test_zero_itself_is_still_a_wage(client):
    body = b'{"month": "2026-11", "hukou": "shenzhen", "insurances": ["pension"], "wage": 0}'
    response = client.post("/api/v1/contribution?lang=en", data=body, content_type="application/json")
    assert response.status_code == 200 and response.get_json()["bases"]["pension"]["declared"] == "0.00"


@pytest.mark.parametrize("wage", ["0008000", "00000000008000"])
def test_the_calculator_page_reads_leading_zeros_too(client, wage):
    answers = {"wage": wage, "hukou": "shenzhen", "insurances": ["pension"], "month": "2026-11"}
    response = client.post("/en/calculate", data=answers, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "¥960.00" in response.text and "too large" not in response.text
