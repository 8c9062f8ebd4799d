"""POST /api/v1/pension-at-retirement (issue 17): official Shenzhen approval sheets (养老金核定表)
reproduced to the fen, the contract, and every way a retirement month can be refused.

The sheets were collected by the public project liubigfatty/pension-calculator (commit dba9b78,
cases/guangdong/*.json, each naming its sheet); the project is a secondary source, recorded as
`calc-liubigfatty-pension` in content/sources.yaml. Each test names the sheet it reproduces. Lines this
site does not compute (the transitional pension, 调整额, 调节金) are added to ours to give the sheet's total.
"""

from decimal import Decimal as D

from .calls import operation

post, errors = operation("pension-at-retirement")


# 深圳社保局养老金核定表 (2025-10), cases/guangdong/shenzhen-woman.json: woman born 1975-10, first job
# 1994-12, retiring 2025-10 at 50, 30 years (360 months), index 0.7183, account 163,426.28, 5.6667 years
# (68 months) of local supplementary contributions. Sheet: 基础 2910.71 / 个人 838.08 / 过渡 220 /
# 调整额 51.32 / 地方补助 95.3 / 合计 4115.41.
WOMAN_2025_10 = {
    "sex": "female", "birth_date": "1975-10-15", "female_category": "F50", "retirement_month": "2025-10",
    "contribution_months": 360, "average_index": "0.7183", "personal_account_balance": "163426.28",
    "hukou": "shenzhen", "local_supplementary_months": 68,
}
# 深圳社保局养老金核定表 (2023-05), cases/guangdong/shenzhen-man.json: man born 1963-05, retiring 2023-05
# at 60, 34.6667 years (416 months), index 1.0433, account 136,755.37, 7.8333 years (94 months) local.
# Sheet: 基础 3823.29 / 个人 983.85 / 过渡 1141.41 / 调整额 1096.34 / 调节金 150 / 地方补助 171.19 / 合计 7366.11.
MAN_2023_05 = {
    "sex": "male", "birth_date": "1963-05-15", "retirement_month": "2023-05", "contribution_months": 416,
    "average_index": "1.0433", "personal_account_balance": "136755.37", "hukou": "shenzhen",
    "local_supplementary_months": 94,
}
# 深圳社保局养老金核定表 (2025-06), cases/guangdong/shenzhen-man-2025.json, transcribed in full (with the
# sheet's printed formulas) at commit c1cd73e as cases/guangdong/shenzhen-man-pension-case.json: man born
# 1964-03, 退休 2025-06, 退休年龄 printed as 61岁1个月, 16.5833 years (199 months), index 0.3803, account
# 33,425.18, no local months; the sheet uses the 2024 calculation base 11181 (the 2025 one, 11293, was
# published in November 2025). Sheet: 基础 1279.66 / 个人 254.38 (计发月数 131.4) / 过渡 417.13 /
# 调整额 44.80 / 合计 1995.97.
# The office paid by the age it printed, 61y1m (131.4 is the month-level value for 61y1m: 132 − 7/12);
# subtracting the transcribed birth month from the retirement month would give 61y3m. This API counts the
# age from the retirement month, so the sheet is reproduced with the month that age was reached, 2025-04.
MAN_2025_06 = {
    "sex": "male", "birth_date": "1964-03-15", "retirement_month": "2025-04", "contribution_months": 199,
    "average_index": "0.3803", "personal_account_balance": "33425.18", "hukou": "shenzhen",
    "calculation_base": "11181",
}


def test_sheet_shenzhen_woman_2025_10_every_line_to_the_fen(client):
    body = post(client, WOMAN_2025_10).get_json()
    assert body["retirement"] == {"month": "2025-10", "age_years": 50, "age_months": 0, "kind": "early",
                                  "statutory_month": "2026-03", "earliest_month": "2025-10",
                                  "latest_month": "2029-03", "category": "F50"}
    assert (body["basic_pension"], body["payout_months"], body["personal_account_pension"],
            body["local_subsidy"]) == ("2910.71", "195", "838.08", "95.30")
    assert body["transitional_pension"] is None
    assert body["total"] == "3844.09"
    # The sheet's total is ours plus the lines not computed here (过渡 220, 调整额 51.32).
    assert D(body["total"]) + D("220") + D("51.32") == D("4115.41")


def test_sheet_shenzhen_man_2023_05_every_line_to_the_fen(client):
    body = post(client, MAN_2023_05).get_json()
    assert body["retirement"]["kind"] == "statutory" and body["retirement"]["age_years"] == 60
    assert body["calculation_base"] == {"value": "10795.00", "year": 2023, "given": False, "previous_year": False}
    assert (body["basic_pension"], body["payout_months"], body["personal_account_pension"],
            body["local_subsidy"]) == ("3823.29", "139", "983.85", "171.19")
    assert body["total"] == "4978.33"


def test_sheet_shenzhen_man_2025_06_every_line_to_the_fen_at_the_age_printed_on_the_sheet(client):
    body = post(client, MAN_2025_06).get_json()
    assert body["retirement"] == {"month": "2025-04", "age_years": 61, "age_months": 1, "kind": "deferred",
                                  "statutory_month": "2024-03", "earliest_month": "2024-03",
                                  "latest_month": "2027-03", "category": "M60"}
    assert body["calculation_base"] == {"value": "11181.00", "year": 2025, "given": True, "previous_year": False}
    assert (body["basic_pension"], body["payout_months"], body["personal_account_pension"],
            body["local_subsidy"]) == ("1279.66", "131.4", "254.38", "0.00")
    assert body["transitional_pension"] is None
    assert body["total"] == "1534.04"
    # The sheet's total is ours plus the lines not computed here (过渡 417.13, 调整额 44.80).
    assert D(body["total"]) + D("417.13") + D("44.80") == D("1995.97")
    codes = [n["code"] for n in body["notices"]]
    assert "calculation_base_given" in codes and "payout_months_interpolated" in codes


def test_the_same_sheet_by_subtracting_months_is_61_years_3_months_and_says_the_office_decides(client):
    body = post(client, {**MAN_2025_06, "retirement_month": "2025-06"}).get_json()
    assert (body["retirement"]["age_years"], body["retirement"]["age_months"]) == (61, 3)
    # 132 − 7 × 3/12 = 130.25 → 130.3; the basic pension does not depend on the month.
    assert (body["basic_pension"], body["payout_months"], body["personal_account_pension"]) == (
        "1279.66", "130.3", "256.52")
    notice = next(n for n in body["notices"] if n["code"] == "payout_months_interpolated")
    assert notice["message"] == (
        "At 61 years 3 months the account is divided by 130.3 months: between whole ages the months fall by "
        "equal steps each month, rounded to one decimal, as official examples and approval sheets show (the "
        "national month-by-month table itself was not found). The office counts your age at retirement: if "
        "your approval sheet prints another age, its figure decides.")


def test_the_same_record_without_a_base_uses_the_published_2025_base(client):
    body = post(client, {k: v for k, v in MAN_2025_06.items() if k != "calculation_base"}).get_json()
    assert body["calculation_base"]["value"] == "11293.00" and body["basic_pension"] == "1292.48"
    assert "calculation_base_until_published" in [n["code"] for n in body["notices"]]


def test_every_line_has_its_formula_and_sources(client):
    body = post(client, WOMAN_2025_10).get_json()
    figures = {f["line"]: f for f in body["figures"]}
    assert list(figures) == ["basic_pension", "personal_account_pension", "local_subsidy", "transitional_pension",
                             "total"]
    assert figures["basic_pension"]["formula"] == (
        "Calculation base ¥11,293.00 × (1 + average index 0.7183) ÷ 2 × 360 months ÷ 12 × 1% = ¥2,910.71")
    assert [s["id"] for s in figures["basic_pension"]["sources"]] == ["pension.calculation_base"]
    assert figures["local_subsidy"]["formula"] == (
        "68 months of local supplementary contributions ÷ 12 × average index 0.7183 × 18.5 + 20 = ¥95.30")
    subsidy_source = figures["local_subsidy"]["sources"][0]
    assert (subsidy_source["id"], subsidy_source["status"], subsidy_source["source"]) == (
        "pension.local_subsidy", "provisional", "calc-liubigfatty-pension")
    assert figures["transitional_pension"]["amount"] is None
    assert figures["transitional_pension"]["formula"] == (
        "Not computed: its Shenzhen formula needs figures printed only on the approval sheet (see the note).")
    assert "12333" in figures["transitional_pension"]["notes"][0]
    assert "1,141.41 yuan" in figures["transitional_pension"]["notes"][0]  # what the sheets seen show
    assert figures["total"]["amount"] == "3844.09"
    assert body["status"] == "provisional"


def test_chinese_messages(client):
    body = post(client, WOMAN_2025_10, lang="zh").get_json()
    formulas = {f["line"]: f["formula"] for f in body["figures"]}
    assert "计发基数" in formulas["basic_pension"] and "2,910.71" in formulas["basic_pension"]
    assert any("过渡性养老金" in n["message"] for n in body["notices"])


def test_the_retirement_month_outside_the_window_is_refused_with_the_reason(client):
    # Born 1970-03: statutory 2031-07 (61y4m); the original age 60 is reached in 2030-03.
    base = {"sex": "male", "birth_date": "1970-03-15", "contribution_months": 400, "average_index": "1",
            "personal_account_balance": "100000", "hukou": "guangdong"}
    assert errors(client, {**base, "retirement_month": "2030-02"}) == {"retirement_month": [
        "You cannot retire before your original retirement age: the earliest month is March 2030."]}
    assert errors(client, {**base, "retirement_month": "2034-08"}) == {"retirement_month": [
        "Flexible retirement can be deferred by at most 36 months: the latest month is July 2034."]}
    # Early in 2030 needs 186 months.
    assert errors(client, {**base, "retirement_month": "2030-06", "contribution_months": 185}) == {
        "retirement_month": ["Retiring early needs at least 186 months of contributions in the year you retire. "
                             "Without them the earliest month is your statutory one, July 2031."]}
    ok = post(client, {**base, "retirement_month": "2030-06", "contribution_months": 186}).get_json()
    assert ok["retirement"]["kind"] == "early" and ok["retirement"]["age_years"] == 60


def test_more_than_36_months_early_is_refused(client):
    body = {"sex": "female", "birth_date": "1984-12-01", "female_category": "F50", "retirement_month": "2036-11",
            "contribution_months": 300, "average_index": "1", "personal_account_balance": "100000",
            "hukou": "guangdong"}
    assert errors(client, body) == {"retirement_month": [
        "Flexible retirement can be at most 36 months early: the earliest month is December 2036."]}


def test_bad_fields_are_named(client):
    found = errors(client, {"sex": "male", "birth_date": "1970-03-15", "retirement_month": "2031-7",
                            "contribution_months": -1, "average_index": "4", "personal_account_balance": "abc",
                            "hukou": "other_province", "local_supplementary_months": 12, "calculation_base": "5"})
    assert set(found) == {"retirement_month", "contribution_months", "average_index", "personal_account_balance",
                          "local_supplementary_months", "calculation_base"}
    assert found["local_supplementary_months"] == [
        "Only people with Shenzhen hukou pay the local supplementary pension; leave this at 0."]


def test_local_months_cannot_exceed_the_total(client):
    assert errors(client, {**WOMAN_2025_10, "local_supplementary_months": 361}) == {"local_supplementary_months": [
        "This cannot be more than your total contribution months."]}


def test_a_year_with_no_calculation_base_is_named(client):
    found = errors(client, {"sex": "male", "birth_date": "1959-05-15", "retirement_month": "2019-05",
                            "contribution_months": 300, "average_index": "1", "personal_account_balance": "1000",
                            "hukou": "guangdong"})
    assert list(found) == ["retirement_month"]


def test_a_future_year_uses_the_latest_base_and_says_so(client):
    body = post(client, {"sex": "male", "birth_date": "1976-09-15", "retirement_month": "2039-09",
                         "contribution_months": 300, "average_index": "1", "personal_account_balance": "100000",
                         "hukou": "shenzhen"}).get_json()
    assert body["calculation_base"] == {"value": "11293.00", "year": 2025, "given": False, "previous_year": True}
    assert "calculation_base_previous_year" in [n["code"] for n in body["notices"]]


# Issue 25, item 1: a deferred retiree needs only the minimum of the year the statutory age is reached (2024
# 办法 Art. 2; 人社部发〔2024〕94号; the 成都人社局 worked example). A man born 1968-01 reaches 60y10m in 2028-11
# (180 months needed); deferring 36 months to 2031-11, the 2031 minimum (192) does not apply to him.
DEFERRING_MAN = {
    "sex": "male", "birth_date": "1968-01-15", "retirement_month": "2031-11", "contribution_months": 185,
    "average_index": "1.0", "personal_account_balance": "60000", "hukou": "guangdong",
}


def test_deferring_needs_the_minimum_of_the_statutory_year_not_of_the_year_retired_in(client):
    body = post(client, DEFERRING_MAN).get_json()
    assert (body["retirement"]["kind"], body["retirement"]["statutory_month"]) == ("deferred", "2028-11")
    assert body["minimum_months"] == 180
    assert "minimum_not_met" not in [n["code"] for n in body["notices"]]


def test_deferring_short_of_the_statutory_years_minimum_counts_the_months_missing_against_it(client):
    body = post(client, {**DEFERRING_MAN, "contribution_months": 170}).get_json()
    assert body["minimum_months"] == 180
    notice = {n["code"]: n["message"] for n in body["notices"]}["minimum_not_met"]
    assert "but 180 are needed" in notice and "10 months are missing" in notice and "2028" in notice


def test_early_retirement_keeps_the_minimum_of_the_year_retired_in(client):
    # A man born 1971-01 (statutory 2032-08 at 61y7m) retiring 2031-11, 9 months early, needs 2031's 192.
    early = {**DEFERRING_MAN, "birth_date": "1971-01-15", "retirement_month": "2031-11", "contribution_months": 191}
    refused = post(client, early)
    assert refused.status_code == 422
    assert "192" in str(refused.get_json())
    body = post(client, {**early, "contribution_months": 192}).get_json()
    assert (body["retirement"]["kind"], body["minimum_months"]) == ("early", 192)


def test_the_deferral_notice_says_which_years_minimum_applies_and_why(client):
    notices = {n["code"]: n["message"] for n in post(client, DEFERRING_MAN).get_json()["notices"]}
    assert notices["retiring_deferred"].endswith(
        "If you defer, you need only the minimum contribution period of the year you reach the statutory retirement "
        "age (2028), not that of the year you actually retire. This is how the Chengdu human-resources bureau "
        "explains it in a worked example; this site has not read the sentence in 人社部发〔2024〕94号 itself, so "
        "confirm with 12333.")
    zh = {n["code"]: n["message"] for n in post(client, DEFERRING_MAN, lang="zh").get_json()["notices"]}
    assert "延迟退休的，只要满足您达到法定退休年龄那一年（2028年）的最低缴费年限" in zh["retiring_deferred"]
