"""POST /api/v1/union/mutual-aid-payout and /api/v1/union/e-road-claim-check: answers, and every error path."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAYOUT = "/api/v1/union/mutual-aid-payout"
CLAIM = "/api/v1/union/e-road-claim-check"
CONDITIONS = ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")


def payouts(body):
    return [(p["amount"], p["tier_payout"], p["payout"]) for p in body["payouts"]]


def test_each_amount_is_paid_by_its_tier_and_the_cap_cuts_the_crossing_accident(client):
    response = client.post(PAYOUT, json={"amounts": ["350", "12000.50", "12000", "199.99"]})
    assert response.status_code == 200
    body = response.get_json()
    assert payouts(body) == [("350.00", "200.00", "200.00"), ("12000.50", "6000.00", "6000.00"),
                             ("12000.00", "6000.00", "3800.00"), ("199.99", "0.00", "0.00")]
    assert (body["total"], body["cap"], body["cap_reached"]) == ("10000.00", "10000.00", True)
    assert body["source"] == "seed-002-gd-union"


@pytest.mark.parametrize("amount, payout", [
    ("199.99", "0.00"), ("200", "200.00"), ("200.01", "200.00"), ("500", "200.00"), ("500.01", "500.00"),
    ("2000", "500.00"), ("2000.01", "2000.00"), ("5000", "2000.00"), ("5000.01", "5000.00"),
    ("10000", "5000.00"), ("10000.01", "6000.00"),
])
def test_every_tier_boundary_through_the_api(client, amount, payout):
    body = client.post(PAYOUT, json={"amounts": [amount]}).get_json()
    assert body["payouts"][0]["payout"] == payout
    assert body["total"] == payout and body["cap_reached"] is False


def test_two_accidents_of_12000_pay_6000_and_4000(client):
    body = client.post(PAYOUT, json={"amounts": ["12000", "12000"]}).get_json()
    assert [p["payout"] for p in body["payouts"]] == ["6000.00", "4000.00"]
    assert body["total"] == "10000.00" and body["cap_reached"] is True


def test_json_numbers_are_read_exactly_and_typed_formats_are_accepted(client):
    body = client.post(PAYOUT, data='{"amounts": [200.01, 500, "12,000.50", "¥350", "３５０元"]}',
                       content_type="application/json").get_json()
    assert payouts(body) == [("200.01", "200.00", "200.00"), ("500.00", "200.00", "200.00"),
                             ("12000.50", "6000.00", "6000.00"), ("350.00", "200.00", "200.00"),
                             ("350.00", "200.00", "200.00")]
    assert body["total"] == "6800.00"


def test_the_answer_says_the_seeds_period_has_passed_in_both_languages(client):
    zh = client.post(PAYOUT, json={"amounts": ["350"]}).get_json()["period"]
    assert zh == {"as_of": "2026-11-22", "gift_period_end": "2025-12-31", "over": True,
                  "message": zh["message"]}
    assert zh["message"].startswith("注意：材料写明的期限已经过去")
    en = client.post(PAYOUT + "?lang=en", json={"amounts": ["350"]}).get_json()["period"]
    assert en["message"].startswith("Note: the periods stated in the document have passed")


def test_inside_the_stated_period_the_note_does_not_say_it_has_passed(client):
    period = client.post(PAYOUT, json={"amounts": ["350"], "as_of": "2025-06-30"}).get_json()["period"]
    assert period["over"] is False
    assert period["message"].startswith("材料写的赠送实施期为2021年7月至2025年12月底")


def errors_for(client, body, lang="en"):
    response = client.post(f"{PAYOUT}?lang={lang}", json=body)
    assert response.status_code == 422
    return response.get_json()["errors"]


@pytest.mark.parametrize("body, message", [
    ({}, "This answer is required."),
    ({"amounts": None}, "This answer is required."),
    ({"amounts": "350"}, 'Give a list of one or more self-paid amounts in yuan, for example ["350", "12000.50"].'),
    ({"amounts": []}, 'Give a list of one or more self-paid amounts in yuan, for example ["350", "12000.50"].'),
    ({"amounts": ["350"] * 51}, "Give at most 50 amounts."),
    ({"amounts": ["-350"]}, "Amount 1: the amount cannot be negative."),
    ({"amounts": [-350]}, "Amount 1: the amount cannot be negative."),
    ({"amounts": ["350", "abc"]}, "Amount 2: enter digits only, for example 350 or 12000.50."),
    ({"amounts": ["350。5"]}, "Amount 1: enter digits only, for example 350 or 12000.50."),
    ({"amounts": [True]}, 'Amount 1: write the amount in yuan as a string, for example "350".'),
    ({"amounts": [["350"]]}, 'Amount 1: write the amount in yuan as a string, for example "350".'),
    ({"amounts": [{"amount": "350"}]}, 'Amount 1: write the amount in yuan as a string, for example "350".'),
    ({"amounts": ["350.123"]}, "Amount 1: use at most 2 decimal places (fen)."),
    ({"amounts": ["12345678901"]}, "Amount 1 is too large."),
    ({"amounts": ["  "]}, "Amount 1 is empty: enter the self-paid amount in yuan."),
])
def test_bad_amounts_are_422_with_a_message_under_amounts(client, body, message):
    assert errors_for(client, body) == {"amounts": [message]}


def test_every_bad_item_is_reported_by_its_position(client):
    assert errors_for(client, {"amounts": ["350", "x", "-1", "200"]}) == {"amounts": [
        "Amount 2: enter digits only, for example 350 or 12000.50.",
        "Amount 3: the amount cannot be negative."]}


def test_exactly_50_amounts_are_accepted(client):
    body = client.post(PAYOUT, json={"amounts": ["250"] * 50}).get_json()
    assert len(body["payouts"]) == 50 and body["total"] == "10000.00"


def test_an_exponent_number_is_refused_rather_than_guessed(client):
    response = client.post(PAYOUT + "?lang=en", data='{"amounts": [1e3]}', content_type="application/json")
    assert response.status_code == 422
    assert response.get_json()["errors"]["amounts"] == ["Amount 1: enter digits only, for example 350 or 12000.50."]


def test_error_messages_are_in_chinese_by_default(client):
    assert errors_for(client, {"amounts": ["-1"]}, lang="zh") == {"amounts": ["第1笔金额不能是负数。"]}


def test_malformed_json_is_400_and_a_non_object_is_422(client):
    response = client.post(PAYOUT, data="{amounts: [", content_type="application/json")
    assert response.status_code == 400 and "body" in response.get_json()["errors"]
    response = client.post(PAYOUT, data='{"amounts": [NaN]}', content_type="application/json")
    assert response.status_code == 400
    response = client.post(PAYOUT, json=["350"])
    assert response.status_code == 422 and "body" in response.get_json()["errors"]


def test_a_bad_as_of_date_is_422(client):
    errors = errors_for(client, {"amounts": ["350"], "as_of": "2026-02-30"})
    assert errors == {"as_of": ["Enter a real date as YYYY-MM-DD, for example 1990-05-31."]}


def test_only_post_is_allowed(client):
    assert client.get(PAYOUT).status_code == 405


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.one_of(
    st.lists(st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                       st.decimals(allow_nan=False, allow_infinity=False).map(str)), max_size=60),
    st.text(max_size=20), st.integers(), st.none()))
def test_no_input_gives_a_server_error(client, amounts):
    response = client.post(PAYOUT, data=json.dumps({"amounts": amounts}), content_type="application/json")
    assert response.status_code in (200, 422)


# E路守护 claim self-check

def answers(**changes):
    return {condition: changes.get(condition, "yes") for condition in CONDITIONS}


def test_five_yes_answers_meet_every_condition_with_the_proofs_listed(client):
    body = client.post(CLAIM, json={"answers": answers()}).get_json()
    assert body["verdict"] == "all_met"
    assert body["message"].startswith("按您的回答，五个条件都符合")
    assert [(c["id"], c["outcome"], c["proof"]) for c in body["conditions"]] == [
        ("member", "met", "“深工”【会籍管理】电子会员卡"),
        ("occupation", "met", "工作证明或平台职业信息页截图"),
        ("three_months_in_work", "met", "平台接单记录、工资流水等"),
        ("working_month_before", "met", "平台接单记录、工资流水等"),
        ("incident_in_shenzhen", "met", None),
    ]
    assert body["conditions"][4]["proof_note"] == "材料没有列出这个条件的证明材料；申请时请按工会要求提供。"


def test_one_no_is_not_met_and_dont_know_alone_is_unknown(client):
    body = client.post(CLAIM + "?lang=en", json={"answers": answers(incident_in_shenzhen="no",
                                                                     member="unknown")}).get_json()
    assert body["verdict"] == "not_met"
    assert [c["outcome"] for c in body["conditions"]] == ["unknown", "met", "met", "met", "not_met"]
    assert body["message"].startswith("From your answers at least one condition is not met.")
    body = client.post(CLAIM + "?lang=en", json={"answers": answers(three_months_in_work="unknown")}).get_json()
    assert body["verdict"] == "unknown"
    assert body["conditions"][2]["condition"] == (
        "Before the incident (the insured event) you had been doing this work for 3 months or more.")
    assert body["conditions"][2]["quote"] == "保险事故发生前，从事相关工作3个月及以上。"


def test_claim_check_errors_name_the_condition(client):
    response = client.post(CLAIM + "?lang=en", json={"answers": {"member": "maybe", "same_platform": "yes",
                                                                 **{c: "yes" for c in CONDITIONS[1:4]}}})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "answers": ["Unknown condition same_platform. The conditions are: member, occupation, "
                    "three_months_in_work, working_month_before, incident_in_shenzhen."],
        "answers.member": ["Choose one of: yes, no, unknown."],
        "answers.incident_in_shenzhen": ["This answer is required."],
    }


@pytest.mark.parametrize("body", [{}, {"answers": ["yes"] * 5}, {"answers": "yes"}])
def test_claim_check_needs_an_object_of_answers(client, body):
    response = client.post(CLAIM + "?lang=en", json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"]["answers"] == [
        "Give an object with an answer for each condition: member, occupation, three_months_in_work, "
        "working_month_before, incident_in_shenzhen."]


def test_claim_check_malformed_json_is_400(client):
    assert client.post(CLAIM, data="{", content_type="application/json").status_code == 400


def test_the_openapi_document_describes_both_union_endpoints(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert "post" in document["paths"]["/api/v1/union/mutual-aid-payout"]
    assert "post" in document["paths"]["/api/v1/union/e-road-claim-check"]
    request = document["components"]["schemas"]["MutualAidPayoutRequest"]["properties"]["amounts"]
    assert (request["minItems"], request["maxItems"]) == (1, 50)
    assert "/api/v1/eligibility" in document["paths"] and "/api/v1/contribution" in document["paths"]
