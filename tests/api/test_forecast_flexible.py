"""POST /api/v1/forecast asked for a month of the flexible-retirement window (issue 17), and what the
Shenzhen hukou's 1% buys. Worked example A of tests/api/test_forecast.py: a man born 1976-09-15
(statutory 63y, 2039-09; the original 60 in 2036-09), 120 months paid, balance 50,000, base 9,183
(index 1), no growth, no interest, calculation base 11,293 kept."""

EXAMPLE_A = {
    "birth_date": "1976-09-15", "sex": "male", "contributed_months": 120, "personal_account_balance": "50000",
    "base_multiple": "1.0", "wage_growth": "0", "interest": "0", "as_of": "2026-11-22",
}


def post(client, body):
    return client.post("/api/v1/forecast?lang=en", json=body)


def test_retiring_36_months_early_at_the_original_age(client):
    body = post(client, {**EXAMPLE_A, "retirement_month": "2036-09"}).get_json()
    assert body["retirement"] == {"category": "M60", "category_assumed": False, "age_years": 60, "age_months": 0,
                                  "month": "2036-09", "date": "2036-09-15", "kind": "early",
                                  "statutory_month": "2039-09"}
    # 120 + 118 months (2026-11 to 2036-08); 11293 × (1 + 1) / 2 × 238/12 × 1% = 2239.78; payout 139 at 60.
    assert body["contributions"]["total_months"] == 238
    assert body["payout_months"] == "139"
    assert body["estimate"]["basic_pension"] == "2239.78"
    assert "retirement_month_chosen" in [n["code"] for n in body["notices"]]


def test_deferring_36_months(client):
    body = post(client, {**EXAMPLE_A, "retirement_month": "2042-09"}).get_json()
    assert (body["retirement"]["kind"], body["retirement"]["age_years"]) == ("deferred", 66)
    assert body["payout_months"] == "93" and body["contributions"]["total_months"] == 310


def test_the_statutory_month_itself_is_the_plain_forecast(client):
    plain = post(client, EXAMPLE_A).get_json()
    same = post(client, {**EXAMPLE_A, "retirement_month": "2039-09"}).get_json()
    assert same["estimate"] == plain["estimate"] and same["retirement"]["kind"] == "statutory"


def test_months_outside_the_window_are_refused_with_the_reason(client):
    cases = {
        "2036-08": "You cannot retire before your original retirement age: the earliest month is September 2036.",
        "2042-10": "Flexible retirement can be deferred by at most 36 months: the latest month is September 2042.",
        "2026-11": "Choose a month after this one: the estimate is for a retirement still to come.",
    }
    for month, message in cases.items():
        response = post(client, {**EXAMPLE_A, "retirement_month": month})
        assert response.status_code == 422
        assert response.get_json() == {"errors": {"retirement_month": [message]}}


def test_early_retirement_without_the_minimum_months_by_then_is_refused(client):
    # 100 + 118 = 218 months by 2036-09; 222 are needed in 2036.
    response = post(client, {**EXAMPLE_A, "contributed_months": 100, "retirement_month": "2036-09"})
    assert response.get_json() == {"errors": {"retirement_month": [
        "Retiring early needs at least 222 months of contributions in the year you retire. Without them the "
        "earliest month is your statutory one, September 2039."]}}


def test_what_the_one_per_cent_buys(client):
    notice = next(n for n in post(client, EXAMPLE_A).get_json()["notices"]
                  if n["code"] == "shenzhen_hukou_supplementary")
    # 154 months from now to retirement: 154 ÷ 12 × 1 × 18.5 + 20 = 257.42.
    assert ("What it buys: paying it for the 154 months until you retire adds about ¥257.42 a month to your "
            "pension as the Shenzhen local subsidy") in notice["message"]


# Issue 25, item 1: a man born 1968-01 reaches his statutory age (60y10m) in 2028-11, when 180 months are the
# minimum; deferring to 2031-11 with 185 months by then, he needs 180, not 2031's 192, and nothing is missing.
DEFERRING_MAN = {
    "birth_date": "1968-01-15", "sex": "male", "contributed_months": 126, "personal_account_balance": "50000",
    "base_multiple": "1.0", "wage_growth": "0", "interest": "0", "as_of": "2026-12-01",
}


def test_a_deferred_retirement_needs_the_statutory_years_minimum(client):
    body = post(client, {**DEFERRING_MAN, "retirement_month": "2031-11"}).get_json()
    assert (body["retirement"]["kind"], body["retirement"]["statutory_month"]) == ("deferred", "2028-11")
    assert body["contributions"]["total_months"] == 185
    assert (body["minimum"]["required_months"], body["minimum"]["met"], body["minimum"]["missing_months"]) == (
        180, True, 0)
    assert "minimum_not_met" not in [n["code"] for n in body["notices"]]


def test_a_deferred_retirement_short_of_the_statutory_minimum_says_so_for_that_year(client):
    body = post(client, {**DEFERRING_MAN, "contributed_months": 100, "retirement_month": "2031-11"}).get_json()
    assert (body["minimum"]["required_months"], body["minimum"]["missing_months"]) == (180, 21)
    notice = {n["code"]: n["message"] for n in body["notices"]}["minimum_not_met"]
    assert "180 are needed" in notice and "the minimum of 2028" in notice
