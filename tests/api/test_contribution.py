"""POST /api/v1/contribution: the exact contract of issue 2, and every error path."""

import pytest

VALID = {"month": "2026-11", "hukou": "shenzhen", "wage": "8000", "insurances": ["pension", "medical", "unemployment"]}


def post(client, body):
    return client.post("/api/v1/contribution?lang=en", json=body)


def test_all_lines_bases_and_totals_as_decimal_strings(client):
    response = post(client, VALID)
    assert response.status_code == 200
    body = response.get_json()
    assert body["month"] == "2026-11"
    assert body["lines"] == [
        {"insurance": "pension", "part": "pooled_fund", "base": "8000.00", "rate": "0.12", "amount": "960.00"},
        {"insurance": "pension", "part": "personal_account", "base": "8000.00", "rate": "0.08", "amount": "640.00"},
        {"insurance": "pension", "part": "local_supplementary", "base": "8000.00", "rate": "0.01",
         "amount": "80.00"},
        {"insurance": "medical", "part": "tier1", "base": "8000.00", "rate": "0.08", "amount": "640.00"},
        {"insurance": "unemployment", "part": "unemployment", "base": "8000.00", "rate": "0.01", "amount": "80.00"},
    ]
    assert body["bases"]["pension"] == {"declared": "8000.00", "applied": "8000.00", "min": "4775.00",
                                        "max": "27549.00", "clamped": False, "clamped_to": None,
                                        "status": "provisional"}
    assert body["bases"]["medical"]["status"] == "confirmed"
    assert body["monthly_total"] == "2400.00"
    assert body["yearly_total"] == "28800.00"


def test_a_clamped_base_is_reported(client):
    body = post(client, {**VALID, "wage": "3000", "hukou": "other_province", "insurances": ["pension"]}).get_json()
    assert body["bases"]["pension"]["applied"] == "4775.00"
    assert body["bases"]["pension"]["clamped"] is True and body["bases"]["pension"]["clamped_to"] == "floor"
    assert [line["part"] for line in body["lines"]] == ["pooled_fund", "personal_account"]
    assert body["monthly_total"] == "955.00"


def test_the_conflicting_2024_shenzhen_floor_is_flagged(client):
    body = post(client, {**VALID, "month": "2024-09", "insurances": ["pension"], "wage": "1000"}).get_json()
    assert body["bases"]["pension"]["min"] == "4492.00"
    assert body["bases"]["pension"]["status"] == "conflicting"


@pytest.mark.parametrize("wage", ["8,000", "８０００", "8000元", 8000, "¥8000.00"])
def test_wages_are_read_as_people_write_them(client, wage):
    assert post(client, {**VALID, "wage": wage}).get_json()["monthly_total"] == "2400.00"


@pytest.mark.parametrize("change, field, message", [
    ({"month": None}, "month", "This answer is required."),
    ({"month": "2026-13"}, "month", "Enter a month as YYYY-MM, for example 2026-03."),
    ({"month": 202611}, "month", "Enter a month as YYYY-MM, for example 2026-03."),
    ({"hukou": "mars"}, "hukou", "Choose one of: shenzhen, guangdong, other_province, hk_macao_taiwan."),
    ({"wage": "-5"}, "wage", "The amount cannot be negative."),
    ({"wage": -5}, "wage", "The amount cannot be negative."),
    ({"wage": "abc"}, "wage", "Enter the amount in yuan using digits only, for example 8000 or 8000.50."),
    ({"wage": ""}, "wage", "Enter your monthly wage in yuan."),
    ({"wage": "8000.555"}, "wage", "The amount can have at most 2 decimal places (fen)."),
    ({"wage": "99999999999"}, "wage", "The amount is too large: enter your monthly wage in yuan."),
    ({"wage": True}, "wage", 'Enter the amount in yuan as a string, for example "8000".'),
    ({"wage": [8000]}, "wage", 'Enter the amount in yuan as a string, for example "8000".'),
    ({"insurances": []}, "insurances", "Give a list with at least one of: pension, medical, unemployment."),
    ({"insurances": "pension"}, "insurances", "Give a list with at least one of: pension, medical, unemployment."),
    ({"insurances": ["pension", "dental"]}, "insurances", "Choose one of: pension, medical, unemployment."),
    ({"insurances": [{"a": 1}]}, "insurances", "Choose one of: pension, medical, unemployment."),
])
def test_bad_input_answers_422_with_the_field_and_message(client, change, field, message):
    response = post(client, {**VALID, **change})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {field: [message]}


def test_a_month_whose_medical_limits_were_not_found_is_a_clear_422(client):
    response = post(client, {**VALID, "month": "2025-03"})
    assert response.status_code == 422
    messages = response.get_json()["errors"]["month"]
    assert len(messages) == 3  # medical floor, medical ceiling, unemployment ceiling
    assert messages[0].startswith("Lowest monthly medical contribution base")
    assert "No reliable official source was found for Shenzhen's 2025 medical base limits" in messages[0]


def test_a_month_before_any_figure_is_a_422(client):
    response = post(client, {**VALID, "month": "2021-01", "insurances": ["pension"]})
    assert response.status_code == 422
    assert "this site has figures from 1 July 2022 onwards, not for 1 January 2021" in \
        response.get_json()["errors"]["month"][0]


def test_malformed_json_is_a_400(client):
    response = client.post("/api/v1/contribution", data=b'{"month": ', content_type="application/json")
    assert response.status_code == 400


def test_the_openapi_document_describes_both_endpoints(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/eligibility", "/api/v1/contribution"} <= set(document["paths"])
    reason_codes = document["components"]["schemas"]["Reason"]["properties"]["code"]["enum"]
    assert reason_codes == ["under_minimum_age", "reached_retirement_age", "full_time_student", "employer_insured",
                            "no_residence_permit", "work_not_covered", "platform_employee"]


@pytest.mark.parametrize(("hukou", "status"), [
    ("shenzhen", "provisional"),  # the Shenzhen-only 1% local supplementary rate has one source only
    ("guangdong", "confirmed"), ("other_province", "confirmed"), ("hk_macao_taiwan", "confirmed"),
])
def test_the_pension_bases_status_counts_the_shenzhen_only_rate_only_for_shenzhen_hukou(client, hukou, status):
    # June 2026: every other pension figure is the published 2025-07 period's, confirmed.
    body = post(client, {**VALID, "month": "2026-06", "hukou": hukou, "insurances": ["pension"]}).get_json()
    assert body["bases"]["pension"]["status"] == status
    assert ("local_supplementary" in [line["part"] for line in body["lines"]]) is (hukou == "shenzhen")


def test_a_cost_set_by_a_carried_forward_figure_carries_the_back_dating_line(client):
    # Issue 25, item 4: 2026-11 uses the 2025-07 pension bases past their period (to 2026-06-30).
    body = post(client, {**VALID, "hukou": "other_province", "insurances": ["pension"]}).get_json()
    assert body["back_dating"] == (
        "The figures from 1 July 2026 are not published yet, so last year's are used; Guangdong applies new figures "
        "back to 1 July, so a top-up may be collected later (bases usually rise).")
    assert post(client, {**VALID, "month": "2026-06"}).get_json()["back_dating"] is None
