"""The other paths in the JSON API (issue 11): 延缴 and 趸缴 in /eligibility, unemployment's own wage in
/contribution, the forecast of paying on past the statutory age. Without the new fields every answer
is as before."""

from __future__ import annotations

import pytest

MAN_1965 = {"birth_date": "1965-01-15", "sex": "male", "hukou": "shenzhen", "residence_permit": False,
            "full_time_student": False, "employer_insured": False, "work": "platform", "as_of": "2026-11-22"}


def eligibility(client, body, lang="en"):
    response = client.post(f"/api/v1/eligibility?lang={lang}", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def notice(body, code):
    return next((n for n in body["notices"] if n["code"] == code), None)


def test_the_issue_s_example_man_born_1965_with_120_months_needs_60_more(client):
    body = eligibility(client, {**MAN_1965, "contributed_months": 120, "pension_place": "shenzhen"})
    assert body["retirement"]["month"] == "2025-02"
    assert body["pension"]["eligible"] is False
    found = notice(body, "continue_contributing")
    # 180 needed for 2025 − 120 paid = 60, paying every month from 2026-11: the 60th is 2031-10.
    assert (found["months_needed"], found["end_month"]) == (60, "2031-10")
    # The pension floor of 2026-11 is 4,775: 4,775 × 12% = 573.00 + 4,775 × 8% = 382.00.
    assert found["monthly_cost"] == "955.00"
    assert found["message"].startswith(
        "You have reached the statutory retirement age, so you cannot newly enroll as a flexible worker, but you "
        "can apply to keep paying (延缴, 养老保险延缴申请) month by month until you reach 180 months. You are 60 "
        "months short: paying every month from November 2026, you would reach the minimum in October 2031")
    assert "At the lowest base, ¥4,775.00, that is about ¥955.00 a month." in found["message"]
    assert "No Shenzhen rule on the base and rate of 延缴 was found" in found["message"]
    # Known to be Shenzhen: the pension-place condition is not repeated; the alternatives are.
    assert "Shenzhen does it only for people whose pension-drawing place is Shenzhen" not in found["message"]
    assert "move your pension into the resident pension scheme" in found["message"]
    assert notice(body, "lump_sum")["message"].startswith("Paying at once: the 2011 rule (its text not yet read)")
    assert notice(body, "medical_years_at_retirement") is not None


def test_the_pension_place_unknown_or_not_given_states_the_condition(client):
    for extra in ({"pension_place": "unknown"}, {}):
        found = notice(eligibility(client, {**MAN_1965, "contributed_months": 120, **extra}), "continue_contributing")
        assert found["months_needed"] == 60
        assert "Shenzhen does it only for people whose pension-drawing place is Shenzhen" in found["message"]


def test_a_pension_drawn_elsewhere_is_sent_there(client):
    body = eligibility(client, {**MAN_1965, "contributed_months": 120, "pension_place": "elsewhere"})
    assert notice(body, "continue_contributing") is None and notice(body, "lump_sum") is None
    assert notice(body, "continue_contributing_elsewhere")["message"] == (
        "You have reached the statutory retirement age and are 60 months short of the 180-month minimum. Your "
        "pension will not be drawn in Shenzhen, so paying on (延缴) is done where it will be drawn: ask that "
        "place's social-insurance office or 12333.")


@pytest.mark.parametrize(("months", "expected"), [(179, 1), (180, None), (240, None)])
def test_exactly_at_the_minimum_there_is_nothing_to_pay_on(client, months, expected):
    found = notice(eligibility(client, {**MAN_1965, "contributed_months": months}), "continue_contributing")
    assert (found["months_needed"] if found else None) == expected


@pytest.mark.parametrize(("first_insured", "start"), [
    ("2009-03", "Lump sum (趸缴): you were first insured before 1 July 2011, so under the ministry's rule (its "
                "text not yet read), if you are still short after 60 months of 延缴 you may pay the remaining 20 "
                "months in one "
                "go (from November 2031 at the earliest)."),
    # Issue 25, item 5: not categorical; the 2024 办法 Art. 2 allows paying on or paying at once.
    ("2012-05", "Paying at once: you were first insured on or after 1 July 2011. The 2011 rule (its text not yet "
                "read) allowed a lump sum only to people insured before that date; Art. 2 of the State "
                "Council's 2024 办法 on the retirement-age reform says that people short of the minimum at the "
                "statutory age may reach it “by paying on or by paying at once, under the rules” (通过延长缴费或者"
                "一次性缴费), with no such date. The detailed rules on who may pay at once were not found. So you "
                "may have to pay month by month, or you may be able to pay at once: confirm with 12333."),
    (None, "Paying at once: the 2011 rule (its text not yet read) allows a lump sum only to people first "
           "insured before 1 July 2011 who are still short after 60 months of 延缴; Art. 2 of the State Council's "
           "2024 办法 says"),
])
def test_the_lump_sum_notice_depends_on_the_first_insured_month(client, first_insured, start):
    body = eligibility(client, {**MAN_1965, "contributed_months": 100, "first_insured_month": first_insured})
    assert notice(body, "lump_sum")["message"].startswith(start)


def test_chinese_messages(client):
    body = eligibility(client, {**MAN_1965, "contributed_months": 120, "pension_place": "shenzhen"}, lang="zh")
    message = notice(body, "continue_contributing")["message"]
    assert "您还差60个月：如果从2026年11月开始每月缴，到2031年10月缴满" in message
    assert "按最低缴费基数¥4,775.00计，每月约¥955.00。" in message


def test_without_the_new_fields_the_answer_is_as_before(client):
    young = {**MAN_1965, "birth_date": "1996-03-15"}
    codes = [n["code"] for n in eligibility(client, young)["notices"]]
    assert codes == ["unemployment_needs_employment_registration", "honest_commitment", "stop_when_leaving_shenzhen",
                     "base_changes_via_tax"]
    assert set(eligibility(client, young)["notices"][0]) == {"code", "message"}
    # Months given, but the age not reached: no 延缴 (and no medical-years notice 30 years ahead).
    assert eligibility(client, {**young, "contributed_months": 10})["notices"] == eligibility(client, young)["notices"]


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"contributed_months": -1}, "contributed_months", "Enter a whole number of 0 or more, for example 120."),
    ({"contributed_months": "ten"}, "contributed_months", "Enter a whole number of 0 or more, for example 120."),
    ({"pension_place": "beijing"}, "pension_place", "Choose one of: shenzhen, elsewhere, unknown."),
])
def test_bad_new_fields_are_named(client, change, field, message):
    response = client.post("/api/v1/eligibility?lang=en", json={**MAN_1965, **change})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {field: [message]}}


def contribution(client, **extra):
    body = {"month": "2026-11", "hukou": "guangdong", "wage": "8000", "insurances": ["pension", "unemployment"],
            **extra}
    response = client.post("/api/v1/contribution?lang=en", json=body)
    return response.status_code, response.get_json()


@pytest.mark.parametrize(("unemployment_wage", "declared", "applied", "clamped_to", "amount", "total"), [
    (None, "8000.00", "8000.00", None, "80.00", "1680.00"),  # 8,000 × 20% = 1,600 + 8,000 × 1% = 80
    ("5000", "5000.00", "5000.00", None, "50.00", "1650.00"),
    ("1000", "1000.00", "2700.00", "floor", "27.00", "1627.00"),  # the minimum wage from 2026-09
    ("60000", "60000.00", "44265.00", "ceiling", "442.65", "2042.65"),  # 3 × 14,755
    ("５０００元", "5000.00", "5000.00", None, "50.00", "1650.00"),
])
def test_the_unemployment_wage_is_its_own_and_clamped(client, unemployment_wage, declared, applied, clamped_to,
                                                     amount, total):
    status, body = contribution(client, **({"unemployment_wage": unemployment_wage} if unemployment_wage else {}))
    assert status == 200
    base = body["bases"]["unemployment"]
    assert (base["declared"], base["applied"], base["clamped_to"]) == (declared, applied, clamped_to)
    assert body["lines"][-1] == {"insurance": "unemployment", "part": "unemployment", "base": applied,
                                 "rate": "0.01", "amount": amount}
    assert body["bases"]["pension"]["applied"] == "8000.00"
    assert body["monthly_total"] == total


def test_a_bad_unemployment_wage_is_named(client):
    status, body = contribution(client, unemployment_wage="abc")
    assert status == 422
    assert body == {"errors": {"unemployment_wage": [
        "Enter the amount in yuan using digits only, for example 8000 or 8000.50."]}}


def forecast(client, **extra):
    body = {"birth_date": "1965-01-15", "sex": "male", "contributed_months": 120, "base_wage": "4775",
            "as_of": "2026-11-22", "wage_growth": "0", "interest": "0", **extra}
    response = client.post("/api/v1/forecast?lang=en", json=body)
    return response.status_code, response.get_json()


def test_the_forecast_of_paying_on_past_the_statutory_age(client):
    """Worked example: a man born 1965-01-15 (statutory age 60y1m in 2025-02) with 120 months paid, on
    2026-11-22, at the floor of 4,775 a month, with no wage growth and no interest.

    * Months: 180 needed for 2025 − 120 = 60, paid 2026-11 to 2031-10; pension from 2031-11, at 66y10m.
    * Cost: 4,775 × 12% = 573.00 + 4,775 × 8% = 382.00 = 955.00 a month; × 60 = 57,300.00.
    * Index: 4,775 ÷ 9,183 = 0.5200 (both past and future, no past index given).
    * Basic pension: 11,293 (the 2025 calculation base, kept at 0% growth) × (1 + 0.52) ÷ 2 × 180 ÷ 12 × 1%
      = 11,293 × 0.76 × 0.15 = 1,287.402 → 1,287.40.
    * Account: 120 × 382.00 (estimated past balance) + 60 × 382.00 = 68,760.00; payout months at 66y10m:
      93 − (93 − 84) × 10 ÷ 12 = 85.5; 68,760 ÷ 85.5 = 804.21.
    * Pension: 1,287.40 + 804.21 = 2,091.61 a month.
    """
    status, body = forecast(client)
    assert status == 200
    assert body["extension"] == {
        "statutory_retirement_month": "2025-02", "months_needed": 60, "first_month": "2026-11",
        "end_month": "2031-10", "pension_from": "2031-11", "monthly_cost": "955.00", "total_cost": "57300.00"}
    assert body["retirement"]["month"] == "2031-11"
    assert (body["retirement"]["age_years"], body["retirement"]["age_months"]) == (66, 10)
    assert body["minimum"]["required_months"] == 180 and body["minimum"]["met"] is True
    assert body["minimum"]["retirement_year"] == 2025
    assert body["contributions"]["future_months"] == 60 and body["contributions"]["last_month"] == "2031-10"
    estimate = body["estimate"]
    assert estimate["base"]["contribution_index"] == "0.5200"
    assert estimate["basic_pension"] == "1287.40"
    assert estimate["personal_account_balance"] == "68760.00"
    assert body["payout_months"] == "85.5"
    assert estimate["personal_account_pension"] == "804.21"
    assert estimate["monthly_pension"] == "2091.61"
    codes = [n["code"] for n in body["notices"]]
    assert "extension_estimate" in codes and "medical_years_at_retirement" in codes
    assert "minimum_not_met" not in codes


def test_the_forecast_extension_for_a_woman_uses_the_minimum_of_her_retirement_year(client):
    # A woman F55 born 1970-03-10 reached 55y1m in 2025-04 (minimum 180); 100 paid → 80 more: 2026-11 to 2033-06.
    status, body = forecast(client, birth_date="1970-03-10", sex="female", female_category="F55",
                            contributed_months=100)
    assert status == 200
    assert (body["extension"]["months_needed"], body["extension"]["end_month"]) == (80, "2033-06")
    assert body["extension"]["total_cost"] == "76400.00"  # 80 × 955.00


def test_past_the_age_with_no_shortfall_the_forecast_still_refuses(client):
    status, body = forecast(client, contributed_months=180)
    assert status == 422
    assert list(body["errors"]) == ["birth_date"]


def test_paying_on_past_the_payout_table_is_refused_with_whom_to_ask(client):
    # Born 1966-01-01 (60y5m in 2026-06), never paid: 180 months from 2026-11 end in 2041-10, at 75,
    # past the payout table's last age, 70. Found by the generated-input test (a 500 before).
    status, body = forecast(client, birth_date="1966-01-01", contributed_months=0)
    assert status == 422
    assert body == {"errors": {"contributed_months": [
        "Paying on (延缴) for the 180 months you still need would last until October 2041, when you would be 75, "
        "past the last age (70) of the payout table this estimate uses. Ask 12333 what you can do: pay on, move "
        "to the resident pension scheme of your hukou place, or end the relationship."]}}


def test_the_cost_of_paying_on_from_carried_forward_figures_says_a_top_up_may_follow(client):
    # Issue 25, item 4: the 延缴 cost of 2026-11 rests on the 2025-07 floor, carried forward.
    message = notice(eligibility(client, {**MAN_1965, "contributed_months": 120, "pension_place": "shenzhen"}),
                     "continue_contributing")["message"]
    assert "Guangdong applies new figures back to 1 July, so a top-up may be collected later" in message
    june = notice(eligibility(client, {**MAN_1965, "as_of": "2026-06-10", "contributed_months": 120,
                                       "pension_place": "shenzhen"}), "continue_contributing")["message"]
    assert "top-up" not in june
