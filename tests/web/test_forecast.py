"""将来能领多少: the pension forecast page, without and with htmx, checked against the JSON API.

The page and POST /api/v1/forecast both call advisor.answers.forecast.forecast_pension; these tests
post the same answers to both and compare what a reader sees with the API's figures.
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from ..conftest import TODAY
from .pages import HTMX, assert_own_files_only, assert_private, assert_shows, htmx_fragment, restored_page, text_of

TODAY_DATE = date.fromisoformat(TODAY)

# Worked example A of tests/rules/test_forecast.py (a man born 1976-09-15, 120 months paid, balance
# 50,000, base 100% of the average = 9,183, no wage growth, no interest), as a person fills the page…
EXAMPLE_A = {
    "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15", "sex": "male",
    "paid_years": "10", "paid_months": "0", "balance": "50000", "base": "avg100",
    "wage_growth": "0", "interest": "0",
}
# …and as the API takes it.
EXAMPLE_A_API = {
    "birth_date": "1976-09-15", "sex": "male", "contributed_months": 120, "personal_account_balance": "50000",
    "base_multiple": "1.0", "wage_growth": "0", "interest": "0",
}
# A woman retiring in 2027-08 who cannot reach the 15 years needed in 2027 (tests/api: 21 months short).
SHORT_WOMAN = {
    "birth_date-year": "1972", "birth_date-month": "1", "birth_date-day": "10", "sex": "female",
    "female_category": "unknown", "paid_years": "12", "paid_months": "6", "base": "wage", "wage": "3000",
    "wage_growth": "2.9", "interest": "1.5",
}

# A provisional figure's badge says what it means.
MEANING = "Not yet read in an official text; ask 12333 or the platform before you rely on it."
# The page's "依据和来源" section, which an htmx answer brings along to replace the page's own
TRAIL = re.compile(r'<details class="sources-trail[^"]*" id="sources".*?</details>'
                   r'|<div id="sources" hidden[^>]*></div>', re.S)


def yuan(amount: str) -> str:
    """An API amount ("3972.88") as the page prints it ("¥3,972.88")."""
    return f"¥{Decimal(amount):,.2f}"


def page(client, data, lang="en", headers=None):
    return client.post(f"/{lang}/forecast", data=data, headers=headers or {})


def api(client, body, lang="en"):
    response = client.post(f"/api/v1/forecast?lang={lang}", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def table_rows(html: str) -> list[list[str]]:
    """The comparison, one block per base (issue 23: no wide table at 360 px): its name, then each figure."""
    blocks = html[html.index('<ul class="base-blocks"'):]
    blocks = blocks[:blocks.index("</ul>")]
    return [[text_of(re.search(r'<p class="base-block__name">(.*?)</p>', block, re.S).group(1)),
             *(text_of(cell) for cell in re.findall(r"<dd>(.*?)</dd>", block, re.S))]
            for block in re.findall(r'<li class="base-block[^"]*">(.*?)</li>', blocks, re.S)]


def about(amount: str) -> str:
    """An amount more than five years ahead, as the page shows it (advisor.rules.money.as_shown)."""
    return f"about ¥{Decimal(amount).quantize(Decimal('1'), rounding=ROUND_HALF_UP):,}"


# --- The empty page ---------------------------------------------------------------------------------

def test_the_empty_page_in_both_languages(client):
    zh = client.get("/zh/forecast")
    assert zh.status_code == 200
    assert '<html lang="zh-CN">' in zh.text and "<title>将来能领多少 – 深圳灵活就业参保助手</title>" in zh.text
    assert "您的出生日期" in zh.text
    en = client.get("/en/forecast")
    assert "<title>What will I get? – Shenzhen flexible employment insurance advisor</title>" in en.text
    assert "Your estimate appears here." in text_of(en.text)
    assert 'aria-current="page">What will I get?</a>' in en.text


def test_the_date_of_birth_is_asked_year_first_in_separate_boxes(client):
    html = client.get("/zh/forecast").text
    year, month, day = (html.index(f'name="birth_date-{part}"') for part in ("year", "month", "day"))
    assert year < month < day
    assert 'autocomplete="bday-year"' in html


def test_the_assumptions_are_prefilled_with_the_content_defaults_and_their_status(client, content):
    growth = content.figure("forecast.wage_growth", TODAY_DATE).value
    interest = content.figure("forecast.account_interest", TODAY_DATE).value
    assert (growth, interest) == (Decimal("0.029"), Decimal("0.0150"))
    html = client.get("/en/forecast").text
    assert re.search(r'id="wage_growth" name="wage_growth" type="text"\s+value="2.9"', html)
    assert re.search(r'id="interest" name="interest" type="text"\s+value="1.5"', html)
    text = text_of(html)
    assert "Suggested: 2.9% Unverified " + MEANING + " Where does 2.9% come from?" in text
    assert "Derived from the Shenzhen calculation base: 9,774 in 2020 to 11,293 in 2025" in text
    assert "Suggested: 1.5% Unverified " + MEANING + " Where does 1.5% come from?" in text
    assert "还在核实" in text_of(client.get("/zh/forecast").text)


def test_the_base_choices_show_today_s_amounts(client):
    text = text_of(client.get("/en/forecast").text)
    assert ("The lowest base ¥4,775.00 60% of the average ¥5,509.80 100% of the average ¥9,183.00 "
            "200% of the average ¥18,366.00 300% of the average ¥27,549.00 A wage I enter") in text


def test_the_past_index_is_an_advanced_question_folded_away(client):
    html = client.get("/en/forecast").text
    details = html[html.index('<details class="advanced"'):]
    details = details[:details.index("</details>")]
    assert '<details class="advanced">' in html  # closed until used
    assert 'name="past_index"' in details
    opened = page(client, {**EXAMPLE_A, "past_index": "0.8"}).text
    assert '<details class="advanced" open>' in opened


# --- Worked example A, page against API ----------------------------------------------------------

def test_worked_example_a_in_english_shows_the_api_s_figures(client):
    body = api(client, EXAMPLE_A_API)
    estimate = body["estimate"]
    assert (estimate["monthly_pension"], estimate["basic_pension"], estimate["personal_account_pension"]) == (
        "3972.88", "2578.57", "1394.31")
    text = text_of(page(client, EXAMPLE_A).text)
    # Summary first, in today's money (no wage growth assumed: the same as 2039's), 13 years ahead: to the yuan.
    assert "In today's money you would get about ¥3,973 a month once you retire." in text
    assert "Minimum contribution period: 120 more months to pay (240 needed in all)." in text
    assert (f"Basic pension (money of 2039) {yuan(estimate['basic_pension'])} "
            f"Personal account pension (money of 2039) {yuan(estimate['personal_account_pension'])} "
            f"Total per month (money of 2039) {yuan(estimate['monthly_pension'])}") in text
    assert ("This is an estimate. The official figure is calculated by the social-insurance agency when you "
            "retire.") in text
    assert ("Born on 15 September 1976, you reach the statutory retirement age of 63 years in September 2039 "
            "(on 15 September 2039).") in text
    # 120 months paid of the 240 needed: never "Reached" for months not yet paid (issue 23).
    assert "Reached." not in text
    assert ("120 more months of paying reach it. By the statutory retirement age you would have 274 months of "
            "contributions (120 already paid and 154 to pay). 240 are needed for a monthly pension when retiring "
            "in 2039.") in text
    # The walkthrough with the API's intermediate figures.
    assert "¥11,293.00 × (1 + 1.0000) ÷ 2 × 274 months ÷ 12 × 1% = ¥2,578.57." in text
    account = body["personal_account"]
    assert (f"Personal account at retirement: {yuan(account['opening_balance'])} today + "
            f"{yuan(account['credits'])} paid in + {yuan(account['interest'])} interest = "
            f"{yuan(account['balance_at_retirement'])}.") in text
    assert f"Personal account pension: ¥163,134.56 ÷ {body['payout_months']} months = ¥1,394.31." in text


@pytest.mark.parametrize("lang, headline, working", [
    ("en", "In today's money you would get about ¥3,889 a month once you retire.",
     "In today's money: ¥5,639.42 ÷ (1 + 2.9%)^13 = ¥3,888.97, taking wages to rise 2.9% a year for 13 years"),
    ("zh", "按今天的钱算，您退休后每月能领约3,889元。",
     "折成今天的钱：¥5,639.42连续13次除以（1 + 2.9%），等于¥3,888.97。"),
])
def test_the_headline_is_in_today_s_money_deflated_by_the_wage_growth(client, lang, headline, working):
    """5639.42 ÷ 1.029^13 = 3888.97 (2026 → 2039): the 2039 pension in today's money, beside the nominal one."""
    body = api(client, {**EXAMPLE_A_API, "wage_growth": "0.029", "interest": "0.015"})
    assert body["estimate"]["monthly_pension"] == "5639.42"
    text = text_of(page(client, {**EXAMPLE_A, "wage_growth": "2.9", "interest": "1.5"}, lang=lang).text)
    assert headline in text and working in text
    assert text.index(headline) < text.index("5,639.42 ÷" if lang == "en" else "折成今天的钱")


def test_worked_example_a_in_chinese_shows_the_same_figures(client):
    body = api(client, EXAMPLE_A_API, lang="zh")
    text = text_of(page(client, EXAMPLE_A, lang="zh").text)
    assert "按今天的钱算，您退休后每月能领约3,973元。" in text
    assert "最低缴费年限：再缴120个月可达到（共需240个月）。" in text
    assert ("基础养老金（2039年的钱） ¥2,578.57 个人账户养老金（2039年的钱） ¥1,394.31 "
            "每月合计（2039年的钱） ¥3,972.88") in text
    assert "这只是估算。正式的养老金数额在您退休时由社会保险经办机构核算。" in text
    assert "您出生于1976年9月15日，将在2039年9月（2039年9月15日）达到法定退休年龄63周岁。" in text
    notices = [n["message"] for n in body["notices"]]
    assert all(message in text for message in notices[1:])  # the first is said in the words above


def test_every_assumption_is_stated_next_to_the_result_as_the_api_words_it(client):
    body = api(client, EXAMPLE_A_API)
    text = text_of(page(client, EXAMPLE_A).text)
    for item in body["assumptions"]:
        assert item["message"] in text
    assert ("You entered this Wages grow by 0% a year: the average wage, the base floor and ceiling, your base "
            "and the calculation base are all assumed to rise by this much. Suggested: 2.9%") in text
    assert ("Unverified " + MEANING
            + " Your contribution index is your base divided by the Guangdong average monthly wage "
            "(¥9,183.00 in force now).") in text


def test_a_rate_left_at_its_default_keeps_the_default_s_status(client):
    text = text_of(page(client, {**EXAMPLE_A, "wage_growth": "2.9", "interest": "1.5"}).text)
    assert ("Unverified " + MEANING
            + " Wages grow by 2.9% a year: the average wage, the base floor and ceiling, your base and "
            "the calculation base are all assumed to rise by this much.") in text
    assert ("Unverified " + MEANING
            + " The personal account earns 1.5% a year in every year whose rate is not yet published.") in text
    assert "You entered this Wages grow" not in text
    # An empty box means the default too, and says so.
    cleared = text_of(page(client, {**EXAMPLE_A, "wage_growth": "", "interest": ""}).text)
    assert "Unverified " + MEANING + " Wages grow by 2.9% a year" in cleared


def test_every_figure_used_is_listed_with_its_status_and_source(client):
    text = text_of(page(client, EXAMPLE_A).text)
    assert ("Shenzhen pension calculation base (applies to people retiring in that calendar year): ¥11,293.00 "
            "Confirmed Based on: 《深圳市人力资源和社会保障局常见问题：2025年基本养老金计发基数》") in text
    assert ("Lowest monthly pension contribution base a Shenzhen flexible worker may choose: ¥4,775.00 "
            "Unverified " + MEANING
            + " The figures for the period from 1 July 2026 have not been published yet") in text
    assert "by whole age at retirement: 117 months at 63 years Confirmed" in text
    assert "by the year the statutory retirement age is reached: 240 months Confirmed" in text


# --- The base comparison -----------------------------------------------------------------------------

def test_the_comparison_table_has_five_rows_with_the_api_s_figures(client):
    body = api(client, EXAMPLE_A_API)
    rows = table_rows(page(client, EXAMPLE_A).text)
    assert len(rows) == 5
    expected = []
    for row in body["comparison"]:
        name = row["name"] + (" (your choice)" if row["row"] == "1" else "")
        # Key figures first; no wage growth in example A, so today's money is the 2039 amount; 13 years
        # ahead, pensions are to the yuan, "about"; the basic pension's range in the same (today's) money.
        range_ = row["basic_pension_range"]
        expected.append([f"{name} Base: {yuan(row['base']['applied'])}", about(row["monthly_pension"]),
                         f"{about(range_['low'])}–{about(range_['high'])}",
                         yuan(row["monthly_cost_now"]), about(row["monthly_pension"]),
                         yuan(row["total_contributions"]),
                         row["break_even_years"], row["extra_break_even_years"] or "–"])
    assert rows == expected
    assert rows[0] == ["Floor Base: ¥4,775.00", "about ¥3,161", "about ¥2,060–about ¥2,231", "¥955.00",
                       "about ¥3,161", "¥147,070.00", "3.9", "–"]
    assert rows[2][0] == "100% of the average wage (your choice) Base: ¥9,183.00" and rows[2][7] == "13.9"


def test_the_comparison_reads_in_chinese(client):
    body = api(client, EXAMPLE_A_API, lang="zh")
    rows = table_rows(page(client, EXAMPLE_A, lang="zh").text)
    assert [row[0].split(" 缴费基数")[0] for row in rows] == [
        "最低基数", "平均工资的60%", "平均工资的100%（您的选择）", "平均工资的200%", "平均工资的300%"]
    assert [row[3] for row in rows] == [yuan(r["monthly_cost_now"]) for r in body["comparison"]]
    assert rows[0][1] == "约3,161元"


def test_the_chart_is_an_accessible_image_with_the_same_figures_as_the_table(client):
    html = page(client, EXAMPLE_A).text
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="forecast-chart-title forecast-chart-desc"' in svg
    assert ('<title id="forecast-chart-title">Cost a month now and estimated pension a month, for each base'
            '</title>') in svg
    assert "The list below gives the same figures." in svg
    # Ten bars (cost and pension for five bases), told apart by a hatch pattern and by their words.
    bars = re.findall(r'<rect x="0" y="\d+" width="(\d+)" height="16"\s+fill="([^"]+)"', svg)
    assert len(bars) == 10
    assert [fill for _, fill in bars] == ["url(#forecast-hatch)", "#00566b"] * 5
    labels = text_of(svg)
    assert "Floor pay ¥955.00 get about ¥3,161" in labels  # 13 years ahead: to the yuan, as the list below
    assert "300% of the average wage pay ¥5,509.80 get about ¥7,356" in labels
    # The longest bar is the largest amount (the 300% pension); a higher amount is never a shorter bar.
    widths = [int(width) for width, _ in bars]
    assert max(widths) == widths[9] == 200
    assert widths[1] < widths[3] < widths[5] < widths[7] < widths[9]
    assert " style=" not in html


def test_the_chinese_chart_labels_its_bars(client):
    svg = page(client, EXAMPLE_A, lang="zh").text
    svg = svg[svg.index("<svg"):svg.index("</svg>")]
    assert "最低基数 每月缴 ¥955.00 每月领 约3,161元" in text_of(svg)


# --- Minimum years, notices --------------------------------------------------------------------------

def test_someone_who_cannot_reach_the_minimum_years_is_told_how_many_months_are_missing(client):
    body = api(client, {"birth_date": "1972-01-10", "sex": "female", "contributed_months": 150, "base_wage": "3000"})
    assert body["minimum"]["missing_months"] == 21
    text = text_of(page(client, SHORT_WOMAN).text)
    assert ("Not reached: 21 months missing. By the statutory retirement age you would have 159 months of "
            "contributions, but 180 are needed for a monthly pension (the minimum of 2027, the year you reach the "
            "statutory retirement age): 21 months are "
            "missing. You can then pay for longer, or pay the missing months at once, to reach the minimum.") in text
    assert "The base you chose (¥3,000.00) is below the floor, so the floor, ¥4,775.00, is used." in text
    assert "this site assumes an original retirement age of 55" in text
    assert "You did not choose your original retirement age, so we assumed this category." in text
    zh = text_of(page(client, SHORT_WOMAN, lang="zh").text)
    assert "未达到：还差21个月。" in zh


def test_a_man_s_answer_to_the_women_only_question_is_ignored(client):
    text = text_of(page(client, {**EXAMPLE_A, "female_category": "F50"}).text)
    assert "Total per month (money of 2039) ¥3,972.88" in text


def test_a_wage_entered_by_hand_is_used(client):
    body = api(client, {**EXAMPLE_A_API, "base_multiple": None, "base_wage": "8000"})
    text = text_of(page(client, {**EXAMPLE_A, "base": "wage", "wage": "8,000元"}).text)
    assert f"Total per month (money of 2039) {yuan(body['estimate']['monthly_pension'])}" in text
    assert "for a base of ¥8,000.00 a month from now on" in text


def test_the_lowest_base_choice_is_today_s_floor(client):
    body = api(client, {**EXAMPLE_A_API, "base_multiple": None, "base_wage": "4775"})
    # Lower than the comparison's floor row (3160.87): with no index given, the 120 months already paid
    # count at the chosen base's index, here the floor's.
    assert body["estimate"]["monthly_pension"] == "2889.86"
    text = text_of(page(client, {**EXAMPLE_A, "base": "floor"}).text)
    assert "Total per month (money of 2039) ¥2,889.86" in text and "In today's money, per month about ¥2,890" in text
    assert "for a base of ¥4,775.00 a month from now on" in text


# --- Errors -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("changes, message, target", [
    ({"birth_date-year": "", "birth_date-month": "", "birth_date-day": ""}, "Enter your date of birth",
     "birth_date-year"),
    ({"birth_date-month": "2", "birth_date-day": "30"}, "Date of birth must be a real date", "birth_date-day"),
    ({"birth_date-year": "2030"}, "Date of birth must be in the past", "birth_date-year"),
    ({"sex": ""}, "Choose man or woman", "sex-0"),
    ({"paid_years": "", "paid_months": ""},
     "Enter how long you have paid into the pension, or 0 if you have never paid", "paid_years"),
    ({"paid_years": "ten"}, "Enter the years as a whole number, for example 10.", "paid_years"),
    ({"paid_months": "6.5"}, "Enter the months as a whole number, for example 6.", "paid_months"),
    ({"paid_years": "40"}, "That is more than has passed since your 16th birthday (410 months).", "paid_years"),
    ({"balance": "abc"}, "Enter the balance in yuan using digits only, for example 50000 or 50000.50.", "balance"),
    ({"balance": "-1"}, "The balance cannot be negative.", "balance"),
    ({"base": ""}, "Choose the base you will pay on", "base-0"),
    ({"base": "wage"}, "Enter your monthly wage in yuan.", "wage"),
    ({"base": "wage", "wage": "8000.123"}, "The amount can have at most 2 decimal places (fen).", "wage"),
    ({"wage_growth": "25"}, "Enter a wage growth from -10 to 20 per cent a year.", "wage_growth"),
    ({"wage_growth": "fast"}, "Enter the wage growth in per cent, for example 2.9.", "wage_growth"),
    ({"interest": "-1"}, "Enter an interest rate from 0 to 20 per cent a year.", "interest"),
    ({"past_index": "9"}, "Enter the index as a number above 0 and at most 5, for example 0.8.", "past_index"),
    ({"birth_date-year": "1960", "paid_years": "20"},
     "You reached the statutory retirement age on 15 September 2020 with the minimum contribution months: apply "
     "for your pension. This forecast is for people who have not reached the age yet, or who still lack months.",
     "birth_date-year"),
])
def test_each_bad_answer_is_explained_next_to_its_field_and_the_other_answers_are_kept(client, changes, message,
                                                                                        target):
    response = page(client, {**EXAMPLE_A, **changes})
    assert response.status_code == 200
    html = response.text
    assert "<title>Error: What will I get?" in html
    assert f'<a href="#{target}">{message}</a>' in html
    assert f'<span class="visually-hidden">Error:</span> {message}' in html
    kept = {**EXAMPLE_A, **changes}
    for name in ("birth_date-year", "birth_date-month", "birth_date-day", "paid_years", "paid_months", "balance",
                 "wage_growth", "interest"):
        assert re.search(rf'id="{name}"[^>]*value="{re.escape(kept[name])}"', html), name
    for name in ("sex", "base"):
        if kept[name]:
            assert re.search(rf'name="{name}" type="radio"\s+value="{kept[name]}" checked', html), name
    assert "Your estimated pension" not in html


def test_errors_are_worded_in_chinese(client):
    assert_shows(page(client, {**EXAMPLE_A, "sex": "", "paid_years": "十"}, lang="zh").text,
                 "<title>错误： 将来能领多少",
                 '<a href="#sex-0">请选择性别</a>',
                 '<span class="visually-hidden">错误：</span> 请用整数填写年数，例如10。',
                 'value="十"')


# --- htmx, history, privacy --------------------------------------------------------------------------

def test_htmx_gets_only_the_result_fragment_and_a_history_restore_the_whole_page(client):
    assert "¥3,972.88" in htmx_fragment(client, "/en/forecast", EXAMPLE_A)
    assert "¥3,972.88" in restored_page(client, "/en/forecast", EXAMPLE_A)
    full = page(client, EXAMPLE_A)
    assert "<html" in full.text and 'id="forecast-result" class="result-region" aria-live="polite"' in full.text
    assert "HX-Request" in client.get("/en/forecast").headers["Vary"]


def test_the_form_updates_live_but_submits_as_a_plain_form(client):
    html = client.get("/en/forecast").text
    form = html[html.index('<form class="form"'):]
    form = form[:form.index(">")]
    assert 'method="post" action="/en/forecast#forecast-result-heading" novalidate' in form
    assert 'hx-post="/en/forecast" hx-trigger="change, input delay:500ms"' in form
    assert 'hx-target="#forecast-result"' in form and 'hx-sync="this:replace"' in form
    assert '<button type="submit" class="button">Estimate my pension</button>' in html


@pytest.mark.parametrize("changes", [{"paid_years": "1o"}, {"birth_date-year": "19"}, {"base": ""}])
def test_while_typing_an_unfinished_answer_leaves_a_neutral_result(client, changes):
    response = page(client, {**EXAMPLE_A, **changes}, headers=HTMX)
    assert "<html" not in response.text
    assert text_of(TRAIL.sub("", response.text)) == (
        "Enter your date of birth, whether you are a man or a woman, how long you "
                                      "have paid and a base to see the estimate.")


def test_the_language_switch_reposts_the_answers_without_putting_them_in_the_url(client):
    html = page(client, EXAMPLE_A).text
    switch = html[html.index('<form class="language-switch"'):]
    switch = switch[:switch.index("</form>")]
    assert 'action="/zh/forecast"' in switch
    assert '<input type="hidden" name="birth_date-year" value="1976">' in switch
    assert '<input type="hidden" name="balance" value="50000">' in switch


@pytest.mark.parametrize("method, headers", [("get", {}), ("post", {}), ("post", HTMX)])
def test_no_response_sets_a_cookie_or_is_cached_with_answers(client, method, headers):
    response = getattr(client, method)("/en/forecast", data=EXAMPLE_A if method == "post" else None, headers=headers)
    assert response.status_code == 200
    assert_private(response)


def test_no_resource_leaves_the_site(client):
    assert_own_files_only(page(client, EXAMPLE_A).text)


def test_the_result_prints_with_its_date(client):
    html = page(client, EXAMPLE_A).text
    assert '<p class="print-only">Printed on 22 November 2026 from the Shenzhen flexible employment' in html
    # The result sits outside the form, which print hides.
    assert html.index("</form>") < html.index('id="forecast-result"')


def test_the_calculator_result_links_here(client):
    html = client.post("/en/calculate", data={"wage": "8000", "hukou": "shenzhen", "insurances": ["pension"],
                                              "month": "2026-11"}).text
    # A form, so the base and the hukou travel to the forecast in the request body, never in the address.
    assert '<form class="carry-form next-step no-print" method="post" action="/en/forecast">' in html
    assert "What does this base mean for my pension?" in html
    # The next step, first: how to register, for this hukou (issue 23).
    assert html.index("Next: how do I register?") < html.index("What does this base mean for my pension?")


def test_the_comparison_states_the_pension_rate_from_content(client, content):
    rate = (content.figure("pension.pooled_fund_rate", date(2026, 11, 1)).value
            + content.figure("pension.personal_account_rate", date(2026, 11, 1)).value)
    assert rate == Decimal("0.20")
    assert "The cost is the pension insurance only (20% of the base)." in client.post(
        "/en/forecast", data=EXAMPLE_A).text
    assert "缴费只算养老保险（基数的20%）。" in client.post("/zh/forecast", data=EXAMPLE_A).text


# --- A forecast a rider can trust (issue 23) ------------------------------------------------------------

RIDER = {"birth_date-year": "1996", "birth_date-month": "3", "birth_date-day": "15", "sex": "male",
         "paid_years": "0", "paid_months": "0", "base": "floor"}


@pytest.mark.parametrize("lang, needed, wrong", [
    ("en", "Minimum contribution period: 240 months to pay.", "Reached."),
    ("zh", "最低缴费年限：再缴240个月可达到。", "已达到"),
])
def test_nothing_paid_yet_is_never_told_the_minimum_is_reached(client, lang, needed, wrong):
    """A rider born 1996 with 0 months paid: all 240 months are still to pay, so never a green "reached"."""
    html = page(client, RIDER, lang=lang).text
    text = text_of(html)
    assert needed in text
    assert wrong not in text
    assert 'class="minimum minimum--to-pay"' in html and "minimum--met" not in html
    assert {"en": "240 more months of paying reach it.", "zh": "再缴240个月可达到。"}[lang] in text


def test_months_already_paid_reach_the_minimum_only_when_they_are_enough(client):
    text = text_of(page(client, {**EXAMPLE_A, "paid_years": "20"}).text)
    assert "Minimum contribution period: reached with the months you have paid (240 months are needed)." in text
    assert "Reached. You have already paid 240 months: 240 are needed for a monthly pension when retiring in 2039." \
        in text


@pytest.mark.parametrize("lang, headline", [
    ("en", "In today's money you would get about ¥3,856 a month once you retire."),
    ("zh", "按今天的钱算，您退休后每月能领约3,856元。"),
])
def test_the_headline_reads_naturally_in_today_s_money_to_the_yuan(client, lang, headline):
    """33 years ahead: to the yuan, with "about"; no fen anywhere in the headline or the key figures."""
    html = page(client, RIDER, lang=lang).text
    assert text_of(re.search(r'<p class="summary__headline">(.*?)</p>', html, re.S).group(1)) == headline
    figures = text_of(html[html.index('<dl class="key-figures">'):html.index("</dl>", html.index("key-figures"))])
    assert {"en": "A month, in today's money about ¥3,856", "zh": "每月（按今天的钱） 约3,856元"}[lang] in figures
    assert "您每月大约能领按今天的钱算" not in text_of(html)


def test_the_range_is_in_the_same_money_as_the_headline(client):
    """With wages rising 2.9% a year, the 2059 basic-pension range is deflated as the headline is."""
    body = api(client, {"birth_date": "1996-03-15", "sex": "male", "contributed_months": 0, "base_wage": "4775",
                        "wage_growth": "0.029", "interest": "0.015"})
    span = body["estimate"]["basic_pension_range"]
    years = 2059 - 2026
    today = [(Decimal(span[end]) / Decimal("1.029") ** years).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
             for end in ("low", "high")]
    text = text_of(page(client, {**RIDER, "wage_growth": "2.9", "interest": "1.5"}).text)
    assert (f"In today's money the basic pension is between about ¥{today[0]:,} and about ¥{today[1]:,} a month"
            in text)
    assert f"¥{Decimal(span['high']):,.2f}" not in text.split("In today's money the basic pension")[1][:80]
