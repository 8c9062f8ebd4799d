"""POST /api/v1/eligibility: the exact contract of issue 2, and every error path."""

import pytest

from .calls import operation

VALID = {
    "birth_date": "1990-05-31", "sex": "male", "hukou": "other_province", "residence_permit": True,
    "full_time_student": False, "employer_insured": False, "work": "platform", "first_insured_month": None,
    "as_of": "2026-11-22",
}


post, _ = operation("eligibility")


def test_an_eligible_rider_gets_three_yes_verdicts_and_the_retirement_month(client):
    response = post(client, VALID)
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["as_of", "retirement", "pension", "medical", "unemployment", "notices"]
    assert body["as_of"] == "2026-11-22"
    assert body["retirement"] == {"category": "M60", "age_years": 63, "age_months": 0, "delay_months": 36,
                                  "month": "2053-05"}
    for scheme in ("pension", "medical", "unemployment"):
        assert body[scheme] == {"eligible": True, "reasons": []}
    codes = [notice["code"] for notice in body["notices"]]
    assert codes == ["residence_rule_under_review", "unemployment_needs_employment_registration",
                     "honest_commitment", "stop_when_leaving_shenzhen", "base_changes_via_tax"]


def test_every_failing_reason_comes_with_its_code_and_a_plain_message(client):
    body = post(client, {**VALID, "birth_date": "2009-01-01", "full_time_student": True,
                         "residence_permit": False}).get_json()
    assert body["pension"]["eligible"] is False
    assert [r["code"] for r in body["pension"]["reasons"]] == [
        "under_minimum_age", "full_time_student", "no_residence_permit"]
    assert body["pension"]["reasons"][0]["message"] == (
        "You must be at least 18 to join pension. On 22 November 2026 you are 17; you turn 18 on 1 January 2027.")
    assert [r["code"] for r in body["unemployment"]["reasons"]] == ["full_time_student", "no_residence_permit"]


def test_messages_are_in_chinese_by_default(client):
    body = client.post("/api/v1/eligibility", json={**VALID, "employer_insured": True}).get_json()
    assert body["medical"]["reasons"][0] == {
        "code": "employer_insured", "message": "您已通过用人单位参加社保，不能同时以灵活就业人员身份参保。"}


def test_a_woman_defaults_to_the_f55_category_and_may_choose_f50(client):
    woman = {**VALID, "sex": "female", "birth_date": "1975-12-25"}
    assumed = post(client, woman).get_json()
    # F55: 71 birth months after 1970-01, 71 // 4 + 1 = 18 months → 56y6m, 1975-12 + 56y6m = 2032-06.
    assert assumed["retirement"] == {"category": "F55", "age_years": 56, "age_months": 6, "delay_months": 18,
                                     "month": "2032-06"}
    assert "female_category_to_confirm" in [n["code"] for n in assumed["notices"]]
    chosen = post(client, {**woman, "female_category": "F50"}).get_json()
    assert chosen["retirement"] == {"category": "F50", "age_years": 50, "age_months": 6, "delay_months": 6,
                                    "month": "2026-06"}
    assert [r["code"] for r in chosen["pension"]["reasons"]] == ["reached_retirement_age"]


def test_the_temporary_pension_account_notice(client):
    body = post(client, {**VALID, "birth_date": "1975-01-01", "first_insured_month": "2025-06"}).get_json()
    notice = next(n for n in body["notices"] if n["code"] == "temporary_pension_account")
    assert "were 50 when first insured in Guangdong (men aged 50 or over)" in notice["message"]


def test_platform_qualified_defaults_to_true_and_false_shuts_out_unemployment(client):
    body = post(client, {**VALID, "platform_qualified": False}).get_json()
    assert body["pension"]["eligible"] is True
    assert [r["code"] for r in body["unemployment"]["reasons"]] == ["work_not_covered"]


@pytest.mark.parametrize("change, field, message", [
    ({"birth_date": None}, "birth_date", "This answer is required."),
    ({"birth_date": "1990-02-30"}, "birth_date", "Enter a real date as YYYY-MM-DD, for example 1990-05-31."),
    ({"birth_date": "31/05/1990"}, "birth_date", "Enter a real date as YYYY-MM-DD, for example 1990-05-31."),
    ({"birth_date": 19900531}, "birth_date", "Enter a real date as YYYY-MM-DD, for example 1990-05-31."),
    ({"birth_date": "2027-01-01"}, "birth_date", "The date of birth must be before 2026-11-22."),
    ({"birth_date": "1899-12-31"}, "birth_date", "The date of birth must be on or after 1900-01-01."),
    ({"sex": "other"}, "sex", "Choose one of: male, female."),
    ({"hukou": "beijing"}, "hukou", "Choose one of: shenzhen, guangdong, other_province, hk_macao_taiwan."),
    ({"residence_permit": "yes"}, "residence_permit", "Answer true or false."),
    ({"full_time_student": 1}, "full_time_student", "Answer true or false."),
    ({"employer_insured": None}, "employer_insured", "This answer is required."),
    ({"work": "farmer"}, "work", "Choose one of: platform, self_employed, part_time, other."),
    ({"female_category": "F60"}, "female_category", "Choose one of: M60, F55, F50."),
    ({"female_category": "F50"}, "female_category", "Only women choose F55 or F50."),
    ({"first_insured_month": "2025-13"}, "first_insured_month", "Enter a month as YYYY-MM, for example 2026-03."),
    ({"first_insured_month": "1980-01"}, "first_insured_month",
     "The first insured month cannot be before the date of birth."),
    ({"first_insured_month": "2027-01"}, "first_insured_month", "The first insured month cannot be in the future."),
    ({"as_of": "tomorrow"}, "as_of", "Enter a real date as YYYY-MM-DD, for example 1990-05-31."),
])
def test_bad_input_answers_422_with_the_field_and_message(client, change, field, message):
    response = post(client, {**VALID, **change})
    assert response.status_code == 422
    assert response.get_json()["errors"][field] == [message]


def test_all_missing_fields_are_listed_at_once(client):
    response = post(client, {})
    assert response.status_code == 422
    assert sorted(response.get_json()["errors"]) == [
        "birth_date", "employer_insured", "full_time_student", "hukou", "residence_permit", "sex", "work"]


def test_a_date_before_any_figure_is_a_422_on_as_of(client):
    response = post(client, {**VALID, "as_of": "2020-01-01"})
    assert response.status_code == 422
    assert "this site has figures from 1 July 2022 onwards" in response.get_json()["errors"]["as_of"][0]


@pytest.mark.parametrize("body, status", [
    (b"{not json", 400), (b"", 400), (b"NaN", 400), (b"[1, 2]", 422), (b'"text"', 422), (b"[" * 5000, 400),
])
def test_malformed_or_non_object_bodies(client, body, status):
    response = client.post("/api/v1/eligibility", data=body, content_type="application/json")
    assert response.status_code == status
    assert "body" in response.get_json()["errors"]


# A full-time JD rider (issue 12): JD's employee, routed to employee insurance ---------------------------------

def test_a_full_time_jd_rider_is_routed_to_employee_insurance(client):
    body = post(client, {**VALID, "platform_employee": "jd"}).get_json()
    for scheme in ("pension", "medical", "unemployment"):
        assert body[scheme]["eligible"] is False
        assert [r["code"] for r in body[scheme]["reasons"]] == ["platform_employee"]
    assert body["pension"]["reasons"][0]["message"] == (
        "You are the platform's full-time employee (a full-time JD rider), so the platform insures you as an "
        "employee and you cannot also join pension as a flexible worker.")
    route = body["employee_insurance"]
    assert route["platform"] == "jd" and route["status"] == "secondary" and route["source"] == "jd-2025-02-19"
    assert route["message"] == "You are insured through JD as an employee, not as a flexible worker"
    assert "From 1 March 2025 JD gradually pays the five social insurances" in route["rule"]
    assert any("12333" in ask for ask in route["ask"]) and any("station" in ask for ask in route["ask"])
    # Nothing a flexible worker is told (commitment, stopping when leaving Shenzhen…) once no insurance applies.
    assert [n["code"] for n in body["notices"]] == ["residence_rule_under_review"]


def test_without_platform_employee_or_with_null_the_answer_is_exactly_as_today(client):
    today = post(client, VALID).get_json()
    assert post(client, {**VALID, "platform_employee": None}).get_json() == today
    assert "employee_insurance" not in today
    assert list(today) == ["as_of", "retirement", "pension", "medical", "unemployment", "notices"]


def test_platform_employee_is_read_only_for_platform_work(client):
    self_employed = {**VALID, "work": "self_employed"}
    with_jd = post(client, {**self_employed, "platform_employee": "jd"})
    assert with_jd.get_json() == post(client, self_employed).get_json()


@pytest.mark.parametrize("value", ["meituan", "JD", True, 1, ["jd"]])
def test_platform_employee_accepts_only_jd(client, value):
    response = post(client, {**VALID, "platform_employee": value})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"platform_employee": ["Choose one of: jd."]}}


def test_the_full_time_jd_rider_in_chinese(client):
    body = post(client, {**VALID, "platform_employee": "jd"}, lang="zh").get_json()
    assert body["medical"]["reasons"][0]["message"] == (
        "您是平台的全职员工（京东全职骑手），社保由平台按职工缴纳，不能再以灵活就业人员身份参加医疗保险。")
    assert body["employee_insurance"]["message"] == "您通过京东按职工参保，不按灵活就业人员参保"


# Issue 25, item 3: people whose statutory age fell before July 2011 (the first minimum this site records) get
# their verdict, with a notice saying plainly what the site does not cover for them and whom to ask; no valid
# request answers 422 for a figure the site lacks.
OLD = {**VALID, "hukou": "shenzhen", "work": "platform", "as_of": "2026-11-22"}


@pytest.mark.parametrize("year", range(1955, 1962))
@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("contributed", [None, 100])
def test_women_f50_born_1955_to_1961_get_their_verdict(client, year, month, contributed):
    response = post(client, {**OLD, "birth_date": f"{year}-{month:02d}-15", "sex": "female",
                             "female_category": "F50", "contributed_months": contributed})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["pension"]["eligible"] is False
    assert body["pension"]["reasons"][0]["code"] == "reached_retirement_age"
    notices = {n["code"]: n["message"] for n in body["notices"]}
    if (year, month) <= (1961, 6):  # 50 before July 2011
        assert notices["extension_before_records"] == (
            f"You reached the statutory retirement age on 15 {MONTHS[month - 1]} {year + 50}, before 1 July 2011. "
            "This site records the minimum contribution period and the rules on paying on (延缴) or paying at "
            "once only from 1 July 2011 (when the Social Insurance Law took effect), so it cannot tell you "
            "whether you can still pay or how many months you would need. Call 12333, or ask the "
            "social-insurance office where your pension would be drawn.")
        assert "continue_contributing" not in notices
    else:
        assert "extension_before_records" not in notices


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@pytest.mark.parametrize(("sex", "category", "birth"), [
    ("male", None, "1900-01-01"), ("male", None, "1951-06-30"), ("female", "F55", "1900-01-01"),
    ("female", "F55", "1956-06-30"), ("female", "F50", "1900-01-01"), ("female", None, "1930-02-28"),
])
def test_the_oldest_birth_months_of_each_category_get_their_verdict(client, sex, category, birth):
    for contributed in (None, 0, 179):
        response = post(client, {**OLD, "birth_date": birth, "sex": sex, "female_category": category,
                                 "contributed_months": contributed, "pension_place": "shenzhen"})
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        assert body["pension"]["eligible"] is False
        assert "Call 12333" in {n["code"]: n["message"] for n in body["notices"]}["extension_before_records"]


def test_the_first_month_on_record_still_gets_the_extension_with_its_months(client):
    # A man born 1951-07 reached 60 in July 2011: the 180-month minimum is on record, so 延缴 is worked out.
    body = post(client, {**OLD, "birth_date": "1951-07-01", "sex": "male", "contributed_months": 170,
                         "pension_place": "shenzhen"}).get_json()
    codes = [n["code"] for n in body["notices"]]
    assert "continue_contributing" in codes and "extension_before_records" not in codes
