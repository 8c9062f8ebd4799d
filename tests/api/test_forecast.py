"""POST /api/v1/forecast (issue 4): the contract, the figures of the worked examples, and every error path."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .calls import operation

# Worked example A of tests/rules/test_forecast.py, through the API and content/.
EXAMPLE_A = {
    "birth_date": "1976-09-15", "sex": "male", "contributed_months": 120, "personal_account_balance": "50000",
    "base_multiple": "1.0", "wage_growth": "0", "interest": "0", "as_of": "2026-11-22",
}
# A woman retiring in 2027-08 (F55 assumed), with the content defaults for growth and interest.
WOMAN = {"birth_date": "1972-01-10", "sex": "female", "contributed_months": 180, "base_wage": "6000"}


post, errors = operation("forecast")


def test_worked_example_a_through_the_api(client):
    response = post(client, EXAMPLE_A)
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["as_of", "status", "retirement", "contributions", "minimum", "calculation_base",
                          "average_wage", "base_limits", "payout_months", "personal_account", "estimate",
                          "comparison", "assumptions", "notices", "figures"]
    assert body["status"] == "provisional"
    assert body["retirement"] == {"category": "M60", "category_assumed": False, "age_years": 63, "age_months": 0,
                                  "month": "2039-09", "date": "2039-09-15", "kind": "statutory",
                                  "statutory_month": "2039-09"}
    assert body["contributions"] == {"past_months": 120, "future_months": 154, "total_months": 274,
                                     "first_month": "2026-11", "last_month": "2039-08"}
    assert {k: body["minimum"][k] for k in ("required_months", "met", "missing_months", "retirement_year",
                                            "status")} == {
        "required_months": 240, "met": True, "missing_months": 0, "retirement_year": 2039, "status": "confirmed"}
    # 11293 × (1 + 1) / 2 × 274/12 × 1% = 2578.57; 163,134.56 ÷ 117 = 1394.31.
    # Against the Shenzhen average instead: 9183 ÷ 11211 = 0.8191 (past months too, their index being
    # assumed from today's base); 11293 × 1.8191 / 2 × 274/1200 = 2345.34.
    assert body["estimate"] == {
        "base": {"declared": "9183.00", "applied": "9183.00", "clamped_to": None, "contribution_index": "1.0000"},
        "monthly_cost_now": "1836.60", "local_supplementary_now": "91.83", "future_months": 154,
        "total_contributions": "282836.40", "average_contribution_index": "1.0000", "basic_pension": "2578.57",
        "basic_pension_range": {"low": "2345.34", "high": "2578.57"},
        "personal_account_balance": "163134.56", "personal_account_pension": "1394.31",
        "monthly_pension": "3972.88", "break_even_years": "5.9",
    }
    assert body["payout_months"] == "117"
    assert body["personal_account"]["balance_at_retirement"] == "163134.56"
    assert body["personal_account"]["opening_balance_estimated"] is False


def test_the_calculation_base_says_it_was_projected_from_the_last_published_one(client):
    base = post(client, EXAMPLE_A).get_json()["calculation_base"]
    assert base["value"] == "11293.00" and base["year"] == 2039 and base["projected"] is True
    assert base["published_value"] == "11293.00" and base["published_year"] == 2025
    assert base["published_status"] == "confirmed" and base["status"] == "provisional"
    assert base["source"] == "sz-hrss-qa-2025-11-17"


def test_the_comparison_has_the_floor_and_four_multiples_of_the_average(client):
    rows = post(client, EXAMPLE_A).get_json()["comparison"]
    assert [(r["row"], r["name"], r["requested_base"]) for r in rows] == [
        ("floor", "Floor", "4775.00"), ("0.6", "60% of the average wage", "5509.80"),
        ("1", "100% of the average wage", "9183.00"), ("2", "200% of the average wage", "18366.00"),
        ("3", "300% of the average wage", "27549.00")]
    assert [r["monthly_cost_now"] for r in rows] == ["955.00", "1101.96", "1836.60", "3673.20", "5509.80"]
    assert rows[0]["total_contributions"] == "147070.00"
    assert rows[0]["monthly_pension"] == "3160.87" and rows[0]["break_even_years"] == "3.9"
    assert rows[0]["extra_break_even_years"] is None and rows[2]["extra_break_even_years"] == "13.9"
    assert rows[2]["monthly_pension"] == "3972.88"


def test_defaults_come_from_content_with_their_status_and_note(client):
    body = post(client, WOMAN).get_json()
    assumptions = {a["code"]: a for a in body["assumptions"]}
    assert assumptions["wage_growth"]["value"] == "0.029"
    assert assumptions["wage_growth"]["status"] == "provisional" and assumptions["wage_growth"]["source"] == "derived"
    assert "9,774" in assumptions["wage_growth"]["note"]
    assert assumptions["account_interest"]["value"] == "0.0150"
    assert assumptions["account_interest"]["user_supplied"] is False
    assert assumptions["account_interest"]["message"] == (
        "The personal account earns 1.5% a year in every year whose rate is not yet published.")
    assert assumptions["index_denominator"]["value"] == "guangdong_average_wage"
    assert assumptions["index_denominator"]["status"] == "provisional"
    # 2027's calculation base: 11293 × 1.029² = 11293 × 1.058841 = 11,957.4914 → 11,957.49.
    assert body["calculation_base"]["value"] == "11957.49"
    assert assumptions["calculation_base_projected"]["message"] == (
        "The calculation base for 2027 is not published yet. It is projected from the 2025 figure (¥11,293.00) "
        "at 2.9% a year: ¥11,957.49.")


def test_a_woman_s_interpolated_age_category_and_estimated_balance_are_stated(client):
    body = post(client, WOMAN).get_json()
    assert body["retirement"]["category"] == "F55" and body["retirement"]["category_assumed"] is True
    assert (body["retirement"]["age_years"], body["retirement"]["age_months"]) == (55, 7)
    assert body["payout_months"] == "166.5"
    assumptions = {a["code"]: a for a in body["assumptions"]}
    # No balance given: 180 months × 6000 × 8% = 180 × 480.00 = 86,400.00, without interest.
    assert assumptions["past_balance"]["value"] == "86400.00" and assumptions["past_balance"]["user_supplied"] is False
    assert body["personal_account"]["opening_balance"] == "86400.00"
    assert body["personal_account"]["opening_balance_estimated"] is True
    assert assumptions["payout_months"]["status"] == "provisional"
    assert assumptions["payout_months"]["source"] == "jinan-12345-2025"
    codes = [n["code"] for n in body["notices"]]
    # Within five years of the statutory age, the medical years needed in retirement too (issue 11).
    assert codes == ["estimate_only", "figures_carried_forward", "shenzhen_hukou_supplementary",
                     "female_category_to_confirm", "medical_years_at_retirement"]


def test_user_values_replace_the_defaults_and_the_default_is_still_named(client):
    body = post(client, {**WOMAN, "wage_growth": "0.03", "interest": "0.02", "past_contribution_index": "0.8",
                         "personal_account_balance": "40000"}).get_json()
    assumptions = {a["code"]: a for a in body["assumptions"]}
    assert assumptions["wage_growth"] == {
        "code": "wage_growth", "value": "0.03", "user_supplied": True, "status": None,
        "message": "Wages grow by 3% a year: the average wage, the base floor and ceiling, your base and the "
                   "calculation base are all assumed to rise by this much.",
        "source": None, "note": None, "default": "0.029"}
    assert assumptions["past_index"]["value"] == "0.8" and assumptions["past_index"]["user_supplied"] is True
    # As worked example B, but the 180 past months at index 0.8:
    # (180 × 0.8 + 9 × 0.6534) ÷ 189 = (144 + 5.8806) ÷ 189 = 0.79302 → 0.7930.
    assert body["estimate"]["average_contribution_index"] == "0.7930"
    assert body["estimate"]["personal_account_balance"] == "44972.00"
    assert body["estimate"]["personal_account_pension"] == "270.10"


def test_a_shortfall_of_contribution_months_is_counted_and_explained(client):
    body = post(client, {**WOMAN, "contributed_months": 150, "base_wage": "3000"}).get_json()
    # 150 paid + 9 to pay = 159; retiring in 2027 needs 180: 21 missing.
    assert body["minimum"]["met"] is False and body["minimum"]["missing_months"] == 21
    notices = {n["code"]: n["message"] for n in body["notices"]}
    assert notices["minimum_not_met"] == (
        "By the statutory retirement age you would have 159 months of contributions, but 180 are needed for a "
        "monthly pension (the minimum of 2027, the year you reach the statutory retirement age): 21 months are "
        "missing. You can then pay for longer, or pay the "
        "missing months at once, to reach the minimum.")
    assert notices["base_raised_to_floor"] == (
        "The base you chose (¥3,000.00) is below the floor, so the floor, ¥4,775.00, is used.")
    assert body["estimate"]["base"]["clamped_to"] == "floor"


def test_every_figure_used_is_listed_with_its_status_and_source(client):
    figures = {f["id"]: f for f in post(client, WOMAN).get_json()["figures"]}
    assert set(figures) == {"pension.average_wage", "pension.base_floor", "pension.base_ceiling",
                            "pension.pooled_fund_rate", "pension.personal_account_rate",
                            "pension.local_supplementary_rate", "money.rounding", "pension.calculation_base",
                            "pension.payout_months", "pension.payout_months_by_month",
                            "retirement.minimum_contribution_months", "pension.shenzhen_average_wage"}
    floor = figures["pension.base_floor"]
    assert (floor["value"], floor["status"], floor["carried_forward"]) == ("4775", "provisional", True)
    assert floor["source"] == "gd-hrss-2025-32" and floor["source_title"].startswith("粤人社发〔2025〕32号")
    assert figures["pension.payout_months"]["value"]["60"] == "139"


def test_published_interest_rates_are_used_for_their_years(client):
    body = post(client, {**WOMAN, "birth_date": "1970-03-10", "as_of": "2024-10-01"}).get_json()
    # F55 born 1970-03: delay 1 → 55y1m, retiring 2025-04; 2024 (2.62%, confirmed) is published. 2025's
    # 1.50% is on record but provisional (its document not seen): not published, the assumption applies.
    assert body["retirement"]["month"] == "2025-04"
    assert body["personal_account"]["rates"] == [{"year": 2024, "rate": "0.0262", "published": True},
                                                 {"year": 2025, "rate": "0.0150", "published": False}]
    assert body["calculation_base"]["projected"] is False and body["calculation_base"]["value"] == "11293.00"
    ids = [f["id"] for f in body["figures"]]
    assert ids.count("pension.account_interest_rate") == 1
    interest = {a["code"]: a for a in body["assumptions"]}["account_interest"]
    assert interest["message"].endswith("Published rates are used for 2024.")


def test_an_assumed_2025_rate_follows_the_interest_the_user_gives(client):
    body = post(client, {**WOMAN, "birth_date": "1970-03-10", "as_of": "2024-10-01", "interest": "0.03"}).get_json()
    assert body["personal_account"]["rates"] == [{"year": 2024, "rate": "0.0262", "published": True},
                                                 {"year": 2025, "rate": "0.03", "published": False}]


def test_the_basic_pension_range_spans_both_denominators_in_the_estimate_and_every_row(client):
    body = post(client, EXAMPLE_A).get_json()
    ranges = {row["row"]: (row["basic_pension_range"], row["basic_pension"]) for row in body["comparison"]}
    # Every row keeps the 120 past months at the chosen base's index (9183: 1.0000 against Guangdong,
    # 9183 ÷ 11211 = 0.8191 against Shenzhen); only the 154 future months change with the row's base.
    # Floor 4775: 4775 ÷ 9183 = 0.5200, 4775 ÷ 11211 = 0.4259.
    #   high: (120 × 1 + 154 × 0.52) ÷ 274 = 0.7302; 11293 × 1.7302 / 2 × 274/1200 = 2230.72;
    #   low: (120 × 0.8191 + 154 × 0.4259) ÷ 274 = 0.5981; 11293 × 1.5981 / 2 × 274/1200 = 2060.41.
    assert ranges["floor"] == ({"low": "2060.41", "high": "2230.72"}, "2230.72")
    # Ceiling 27549: 3.0000 and 27549 ÷ 11211 = 2.4573.
    #   high: (120 + 154 × 3) ÷ 274 = 2.1241 → 4027.85; low: (98.292 + 154 × 2.4573) ÷ 274 = 1.7398 → 3532.38.
    assert ranges["3"] == ({"low": "3532.38", "high": "4027.85"}, "4027.85")
    for row in body["comparison"]:
        assert row["basic_pension_range"]["high"] == row["basic_pension"]  # the headline is the Guangdong one
    assumption = {a["code"]: a for a in body["assumptions"]}["index_denominator"]
    assert assumption["message"] == (
        "Your contribution index is your base divided by the Guangdong average monthly wage (¥9,183.00 in force "
        "now). The estimate uses it because the base floor and ceiling you choose between are set from it. No "
        "official text settles whether Shenzhen divides by its own average wage instead; a public calculator "
        "does. Divided by the Shenzhen average (¥11,211.00), your index is lower, so until this is settled your "
        "basic pension is shown as a range: ¥2,345.34 to ¥2,578.57 a month (this estimate: ¥2,578.57).")
    assert assumption["source"] == "derived" and assumption["status"] == "provisional"


def test_a_past_index_the_user_gives_stays_whatever_the_denominator(client):
    body = post(client, {**EXAMPLE_A, "past_contribution_index": "1.0"}).get_json()
    # Past 120 months at 1.0 either way; the 154 future months at 1.0000 or 0.8191:
    # (120 × 1 + 154 × 0.8191) ÷ 274 = 0.8983; 11293 × 1.8983 / 2 × 274/1200 = 2447.45.
    assert body["estimate"]["basic_pension_range"] == {"low": "2447.45", "high": "2578.57"}


def test_without_a_shenzhen_average_for_the_date_the_range_is_null_and_says_why(client):
    body = post(client, {**WOMAN, "as_of": "2025-03-01"}).get_json()
    assert body["estimate"]["basic_pension_range"] is None
    assert all(row["basic_pension_range"] is None for row in body["comparison"])
    message = {a["code"]: a for a in body["assumptions"]}["index_denominator"]["message"]
    assert message.endswith("The Shenzhen average wage for this date is not recorded, so the basic pension "
                            "cannot be shown as a range.")


def test_messages_follow_the_language(client):
    body = post(client, WOMAN, lang="zh").get_json()
    notices = {n["code"]: n["message"] for n in body["notices"]}
    assert notices["estimate_only"] == "这是估算，不是待遇核定。正式的养老金在您退休时由社会保险经办机构核定。"
    assert body["comparison"][0]["name"] == "最低基数"
    assert errors(client, {**WOMAN, "base_multiple": "1"}, lang="zh") == {
        "base": ["请只填写 base_wage 或 base_multiple 其中一项。"]}


# --- Error paths ---------------------------------------------------------------------------------

def test_malformed_json_is_a_400(client):
    response = client.post("/api/v1/forecast?lang=en", data=b"{", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json() == {"errors": {"body": ["The request body is not valid JSON."]}}


def test_a_json_array_is_a_422(client):
    response = client.post("/api/v1/forecast?lang=en", data=b"[]", content_type="application/json")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"body": ["Send a JSON object."]}}


def test_every_missing_answer_is_listed_at_once(client):
    assert errors(client, {}) == {
        "birth_date": ["This answer is required."], "sex": ["This answer is required."],
        "contributed_months": ["This answer is required."],
        "base": ["Give your base as base_wage (yuan a month) or base_multiple (of the average wage)."]}


RANGE = "Enter the yearly rate as a decimal from {} to {}; 0.03 means 3 per cent."


@pytest.mark.parametrize("change, field, message", [
    ({"birth_date": "1990-02-30"}, "birth_date", "Enter a real date as YYYY-MM-DD, for example 1990-05-31."),
    ({"birth_date": "2027-01-01"}, "birth_date", "The date of birth must be before 2026-11-22."),
    ({"birth_date": "1899-12-31"}, "birth_date", "The date of birth must be on or after 1900-01-01."),
    ({"sex": "x"}, "sex", "Choose one of: male, female."),
    ({"female_category": "F55"}, "female_category", "Only women choose F55 or F50."),
    ({"female_category": "F40"}, "female_category", "Choose one of: M60, F55, F50."),
    ({"contributed_months": -1}, "contributed_months", "Enter a whole number of 0 or more, for example 120."),
    ({"contributed_months": "12.5"}, "contributed_months", "Enter a whole number of 0 or more, for example 120."),
    ({"contributed_months": True}, "contributed_months", "Enter a whole number of 0 or more, for example 120."),
    # Born 1976-09-15: the 16th birthday is 1992-09-15, 410 months before 2026-11.
    ({"contributed_months": 411}, "contributed_months",
     "That is more months than have passed since your 16th birthday (410)."),
    ({"base_wage": "8000"}, "base", "Give either base_wage or base_multiple, not both."),
    ({"base_multiple": "0"}, "base_multiple", "Enter a number above 0 and at most 10."),
    ({"base_multiple": "10.5"}, "base_multiple", "Enter a number above 0 and at most 10."),
    ({"base_multiple": "1.23456"}, "base_multiple", "Use at most 4 decimal places."),
    ({"base_multiple": "100%"}, "base_multiple", 'Enter a decimal number as a string, for example "1.0".'),
    ({"base_multiple": [1]}, "base_multiple", 'Enter a decimal number as a string, for example "1.0".'),
    ({"past_contribution_index": "0"}, "past_contribution_index", "Enter a number above 0 and at most 5."),
    ({"past_contribution_index": "6"}, "past_contribution_index", "Enter a number above 0 and at most 5."),
    ({"wage_growth": "3"}, "wage_growth", RANGE.format("-0.10", "0.20")),
    ({"wage_growth": "-0.2"}, "wage_growth", RANGE.format("-0.10", "0.20")),
    ({"wage_growth": "3%"}, "wage_growth", 'Enter a decimal number as a string, for example "0.03".'),
    ({"interest": "-0.01"}, "interest", RANGE.format("0", "0.20")),
    ({"interest": "0.5"}, "interest", RANGE.format("0", "0.20")),
    ({"interest": "0.123456"}, "interest", "Use at most 4 decimal places."),
    ({"personal_account_balance": "-1"}, "personal_account_balance", "The amount cannot be negative."),
    ({"personal_account_balance": ""}, "personal_account_balance", "Enter an amount in yuan."),
    ({"personal_account_balance": "1.234"}, "personal_account_balance",
     "The amount can have at most 2 decimal places (fen)."),
    ({"personal_account_balance": "12345678901"}, "personal_account_balance", "The amount is too large."),
    ({"personal_account_balance": "lots"}, "personal_account_balance",
     "Enter the amount in yuan using digits only, for example 8000 or 8000.50."),
    ({"as_of": "22/11/2026"}, "as_of", "Enter a real date as YYYY-MM-DD, for example 1990-05-31."),
])
def test_each_bad_answer_gets_its_own_message(client, change, field, message):
    assert errors(client, {**EXAMPLE_A, **change}) == {field: [message]}


def test_a_wage_base_is_read_as_people_write_it_and_checked_like_the_contribution_wage(client):
    body = {k: v for k, v in EXAMPLE_A.items() if k != "base_multiple"}
    assert post(client, {**body, "base_wage": "９，１８３元"}).get_json()["estimate"]["monthly_pension"] == "3972.88"
    assert errors(client, {**body, "base_wage": "abc"}) == {
        "base_wage": ["Enter the amount in yuan using digits only, for example 8000 or 8000.50."]}


def test_someone_past_the_statutory_retirement_age_with_the_minimum_is_told_so(client):
    # 200 months ≥ the 180 needed for 2020: nothing to forecast (with fewer, the answer is 延缴: issue 11).
    assert errors(client, {**EXAMPLE_A, "birth_date": "1960-03-01", "contributed_months": 200}) == {
        "birth_date": ["You reached the statutory retirement age on 1 March 2020 with the minimum contribution "
                       "months: apply for your pension. This forecast is for people who have not reached the age "
                       "yet, or who still lack months."]}


def test_a_date_before_the_recorded_figures_is_a_clear_message_not_a_crash(client):
    found = errors(client, {**EXAMPLE_A, "as_of": "2020-01-01", "contributed_months": 100})
    assert list(found) == ["as_of"]
    # Every figure that is missing is named, the Guangdong average wage first.
    assert found["as_of"][0] == (
        "Previous year's Guangdong average monthly wage (all urban employment), used for base multiples in that "
        "contribution year: this site has figures from 1 July 2022 onwards, not for 1 January 2020.")
    assert len(found["as_of"]) == 7


def test_the_openapi_document_describes_the_forecast_and_every_reference_resolves(client):
    document = client.get("/api/v1/openapi.json").get_json()
    operation = document["paths"]["/api/v1/forecast"]["post"]
    assert operation["operationId"] == "forecast"
    assert set(operation["responses"]) == {"200", "400", "422"}
    request = document["components"]["schemas"]["ForecastRequest"]
    assert request["required"] == ["birth_date", "sex", "contributed_months"]
    assert {"base_wage", "base_multiple", "wage_growth", "interest", "personal_account_balance"} <= set(
        request["properties"])
    text = json.dumps(document)
    for ref in set(part.split('"')[0] for part in text.split('"$ref": "')[1:]):
        name = ref.rsplit("/", 1)[-1]
        section = ref.split("/")[2]
        assert name in document["components"][section], ref


ANYTHING = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.text(max_size=30),
                     st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                          max_size=2))


@settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(EXAMPLE_A) + ["base_wage", "female_category", "past_contribution_index"]),
       value=ANYTHING)
def test_no_input_makes_the_server_fail(client, field, value):
    response = post(client, {**EXAMPLE_A, field: value})
    assert response.status_code in (200, 422), (field, value, response.get_json())


def test_the_carried_forward_figures_notice_says_a_top_up_may_follow(client):
    # Issue 25, item 4: on 2026-11-22 the 2025-07 bases are carried forward; the cost now rests on them.
    notices = {n["code"]: n["message"] for n in post(client, EXAMPLE_A).get_json()["notices"]}
    assert notices["figures_carried_forward"] == (
        "The figures from 1 July 2026 are not published yet, so last year's are used; Guangdong applies new figures "
        "back to 1 July, so a top-up may be collected later (bases usually rise).")
    june = {n["code"] for n in post(client, {**EXAMPLE_A, "as_of": "2026-06-10"}).get_json()["notices"]}
    assert "figures_carried_forward" not in june


def test_someone_who_reached_the_age_before_july_2011_is_told_what_the_site_does_not_cover(client):
    # Issue 25, item 3: not an error about as_of (never typed) but the plain answer, under her birth date.
    response = post(client, {"birth_date": "1958-03-10", "sex": "female", "female_category": "F50",
                             "contributed_months": 100, "base_wage": "6000"})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"birth_date": [
        "You reached the statutory retirement age on 10 March 2008, before 1 July 2011. This site records the "
        "minimum contribution period and the rules on paying on (延缴) or paying at once only from 1 July 2011 "
        "(when the Social Insurance Law took effect), so it cannot tell you whether you can still pay or how many "
        "months you would need. Call 12333, or ask the social-insurance office where your pension would be "
        "drawn."]}
