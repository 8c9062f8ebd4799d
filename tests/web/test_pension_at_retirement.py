"""退休时能领多少 (issue 17): the pension-at-retirement page without and with htmx, in both languages,
checked against POST /api/v1/pension-at-retirement; and the flexible window on the check page."""

import html as html_module
import re

import pytest

HTMX = {"HX-Request": "true"}

# The Shenzhen approval sheet of 2025-10 (tests/api/test_pension_at_retirement.py), as a person fills
# the page and as the API takes it.
WOMAN_PAGE = {
    "birth_date-year": "1975", "birth_date-month": "10", "birth_date-day": "15", "sex": "female",
    "female_category": "F50", "hukou": "shenzhen", "retirement_month-year": "2025", "retirement_month-month": "10",
    "paid_years": "30", "paid_months": "0", "average_index": "0.7183", "balance": "163426.28",
    "local_years": "5", "local_months": "8",
}
WOMAN_API = {
    "sex": "female", "birth_date": "1975-10-15", "female_category": "F50", "retirement_month": "2025-10",
    "contribution_months": 360, "average_index": "0.7183", "personal_account_balance": "163426.28",
    "hukou": "shenzhen", "local_supplementary_months": 68,
}


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html_module.unescape(body))


def yuan(amount: str) -> str:
    whole, fen = amount.split(".")
    return f"¥{int(whole):,}.{fen}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_empty_page(client, lang):
    response = client.get(f"/{lang}/pension-at-retirement")
    assert response.status_code == 200
    page = text(response)
    assert ("退休时能领多少" if lang == "zh" else "Pension at retirement") in page
    assert ("您的养老金会显示在这里。" if lang == "zh" else "Your pension appears here.") in page


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_page_and_api_agree(client, lang, headers):
    api = client.post(f"/api/v1/pension-at-retirement?lang={lang}", json=WOMAN_API).get_json()
    response = client.post(f"/{lang}/pension-at-retirement", data=WOMAN_PAGE, headers=headers)
    assert response.status_code == 200
    page = text(response)
    for key in ("basic_pension", "personal_account_pension", "local_subsidy", "total"):
        assert yuan(api[key]) in page, key
    assert (api["basic_pension"], api["personal_account_pension"], api["local_subsidy"], api["total"]) == (
        "2910.71", "838.08", "95.30", "3844.09")
    for figure in api["figures"]:
        assert figure["formula"] in page
    for notice in api["notices"]:
        assert notice["message"] in page
    if headers:
        assert "<html" not in response.get_data(as_text=True)  # the fragment only
    else:
        assert "<html" in response.get_data(as_text=True)


# The Shenzhen approval sheet of 2025-06 (tests/api/test_pension_at_retirement.py), at the month of the
# age printed on it (61y1m), with the calculation base printed on it.
MAN_PAGE = {
    "birth_date-year": "1964", "birth_date-month": "3", "birth_date-day": "15", "sex": "male",
    "hukou": "shenzhen", "retirement_month-year": "2025", "retirement_month-month": "4",
    "paid_years": "16", "paid_months": "7", "average_index": "0.3803", "balance": "33425.18",
    "local_years": "0", "local_months": "0", "calculation_base": "11181",
}
MAN_API = {
    "sex": "male", "birth_date": "1964-03-15", "retirement_month": "2025-04", "contribution_months": 199,
    "average_index": "0.3803", "personal_account_balance": "33425.18", "hukou": "shenzhen",
    "calculation_base": "11181",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_page_and_api_agree_on_the_2025_06_sheet(client, lang, headers):
    api = client.post(f"/api/v1/pension-at-retirement?lang={lang}", json=MAN_API).get_json()
    assert (api["basic_pension"], api["payout_months"], api["personal_account_pension"], api["total"]) == (
        "1279.66", "131.4", "254.38", "1534.04")
    page = text(client.post(f"/{lang}/pension-at-retirement", data=MAN_PAGE, headers=headers))
    for key in ("basic_pension", "personal_account_pension", "local_subsidy", "total"):
        assert yuan(api[key]) in page, key
    for figure in api["figures"]:
        assert figure["formula"] in page
    for notice in api["notices"]:
        assert notice["message"] in page


def test_the_chinese_page_reads_like_the_sheet(client):
    page = text(client.post("/zh/pension-at-retirement", data=WOMAN_PAGE))
    assert "每月 ¥3,844.09" in page or "¥3,844.09" in page
    assert "基础养老金" in page and "个人账户养老金" in page and "深圳地方补助" in page and "过渡性养老金" in page
    assert "提前退休（弹性退休）" in page
    assert "计发基数¥11,293.00 × (1 + 平均缴费指数0.7183) ÷ 2 × 360个月 ÷ 12 × 1% = ¥2,910.71" in page


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_a_month_outside_the_window_is_explained_next_to_the_field(client, headers):
    response = client.post("/en/pension-at-retirement",
                           data={**WOMAN_PAGE, "retirement_month-year": "2025", "retirement_month-month": "9"},
                           headers=headers)
    assert response.status_code == 200
    page = text(response)
    assert "You cannot retire before your original retirement age: the earliest month is October 2025." in page
    if not headers:
        assert 'id="retirement_month-error"' in response.get_data(as_text=True)


def test_bad_answers_are_named_and_the_others_kept(client):
    response = client.post("/en/pension-at-retirement", data={
        **WOMAN_PAGE, "average_index": "abc", "balance": "", "hukou": "guangdong"})
    body = response.get_data(as_text=True)
    page = text(response)
    assert "Enter the index as a number with up to 4 decimals, for example 0.7183" in page
    assert "Enter your personal account balance in yuan" in page
    assert 'value="1975"' in body and 'value="30"' in body  # the other answers are kept


def test_local_months_need_shenzhen_hukou(client):
    page = text(client.post("/en/pension-at-retirement", data={**WOMAN_PAGE, "hukou": "other_province"}))
    assert "Only people with Shenzhen hukou pay the local supplementary pension; leave this at 0." in page


def test_the_check_page_shows_the_flexible_window(client):
    response = client.post("/en/check", data={
        "birth_date-year": "1970", "birth_date-month": "3", "birth_date-day": "15", "sex": "male",
        "hukou": "shenzhen", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
        "full_time_student": "no", "employer_insured": "no", "insured_before": "no"})
    page = text(response)
    assert "Retiring earlier or later (flexible retirement)" in page
    assert ("Earliest: March 2030, at 60 years, 16 months early. Only with at least 186 months of "
            "contributions by then.") in page
    assert ("Latest: July 2034, at 64 years 4 months, 36 months later. Ask the social-insurance office (12333) "
            "how a flexible worker applies to defer.") in page
    assert "/en/pension-at-retirement" in response.get_data(as_text=True)


def test_the_check_page_in_chinese_shows_the_window(client):
    page = text(client.post("/zh/check", data={
        "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15", "sex": "male",
        "hukou": "shenzhen", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
        "full_time_student": "no", "employer_insured": "no", "insured_before": "no"}))
    assert "提前或推迟退休（弹性退休）" in page
    assert "最早：2036年9月，60周岁，提前36个月。届时须已缴费至少222个月。" in page


# The forecast asked for a month of the window (worked example A of tests/web/test_forecast.py).
FORECAST_A = {
    "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15", "sex": "male",
    "paid_years": "10", "paid_months": "0", "balance": "50000", "base": "avg100",
    "wage_growth": "0", "interest": "0",
}


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_the_forecast_for_an_early_month_agrees_with_the_api(client, headers):
    api = client.post("/api/v1/forecast?lang=en", json={
        "birth_date": "1976-09-15", "sex": "male", "contributed_months": 120, "personal_account_balance": "50000",
        "base_multiple": "1.0", "wage_growth": "0", "interest": "0", "retirement_month": "2036-09"}).get_json()
    page = text(client.post("/en/forecast", data={**FORECAST_A, "retirement_month-year": "2036",
                                                  "retirement_month-month": "9"}, headers=headers))
    assert api["estimate"]["monthly_pension"] == "3223.14"
    assert yuan(api["estimate"]["monthly_pension"]) in page
    assert ("You asked about retiring in September 2036 instead of your statutory month, September 2039 "
            "(flexible retirement).") in page
    assert "You would then be 60 years." in page


def test_the_forecast_refuses_a_month_outside_the_window_next_to_the_field(client):
    response = client.post("/en/forecast", data={**FORECAST_A, "retirement_month-year": "2036",
                                                 "retirement_month-month": "8"})
    assert "You cannot retire before your original retirement age: the earliest month is September 2036." in (
        text(response))
    assert 'id="retirement_month-error"' in response.get_data(as_text=True)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_the_forecast_shows_what_the_local_subsidy_pays_for_shenzhen_hukou(client, headers):
    api = client.post("/api/v1/forecast?lang=en", json={
        "birth_date": "1976-09-15", "sex": "male", "contributed_months": 120, "personal_account_balance": "50000",
        "base_multiple": "1.0", "wage_growth": "0", "interest": "0", "hukou": "shenzhen"}).get_json()
    notice = next(n["message"] for n in api["notices"] if n["code"] == "shenzhen_hukou_supplementary")
    found = re.search(r"adds about (¥[\d,]+\.\d\d) a month to your pension as the Shenzhen local subsidy", notice)
    assert found, notice
    page = text(client.post("/en/forecast", data={**FORECAST_A, "hukou": "shenzhen"}, headers=headers))
    assert notice in page and found.group(1) in page
    other = text(client.post("/en/forecast", data={**FORECAST_A, "hukou": "other_province"}, headers=headers))
    assert "Shenzhen local subsidy" not in other
