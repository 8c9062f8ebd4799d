"""要交多少钱: the calculator page, without and with htmx."""

import pytest

from .pages import assert_shows, htmx_fragment, restored_page, text_of

FULL = {"wage": "8,000", "hukou": "shenzhen", "insurances": ["pension", "medical", "unemployment"], "month": "2026-11"}

# A provisional figure's badge says what it means.
MEANING = "Not yet read in an official text; ask 12333 or the platform before you rely on it."


def test_the_empty_page_in_both_languages(client):
    zh = client.get("/zh/calculate")
    assert zh.status_code == 200
    assert '<html lang="zh-CN">' in zh.text and "<title>要交多少钱 – 深圳灵活就业参保助手</title>" in zh.text
    en = client.get("/en/calculate")
    assert "<title>What will I pay? – Shenzhen flexible employment insurance advisor</title>" in en.text
    # This month is preselected; the quick choices carry this month's figures (2025-07 period, carried forward).
    assert '<option value="2026-11" selected>' in en.text
    assert "¥4,775.00" in en.text and "¥5,509.80" in en.text and "¥27,549.00" in en.text


def test_a_shenzhen_hukou_worker_declaring_8000_sees_every_line_and_the_totals(client):
    assert_shows(text_of(client.post("/en/calculate", data=FULL).text),
                 "Cost for November 2026",
                 "Pooled fund ¥8,000.00 12% ¥960.00",
                 "Personal account ¥8,000.00 8% ¥640.00",
                 "Local supplementary pension (Shenzhen hukou) ¥8,000.00 1% ¥80.00",
                 "Medical insurance, tier 1 ¥8,000.00 8% ¥640.00",
                 "Unemployment insurance ¥8,000.00 1% ¥80.00",
                 "Total per month ¥2,400.00", "Total per year (12 months) ¥28,800.00",
                 "Per month: ¥1,680.00 + ¥640.00 + ¥80.00 = ¥2,400.00. Per year: 12 × ¥2,400.00 = ¥28,800.00.")


def test_the_same_in_chinese(client):
    page = text_of(client.post("/zh/calculate", data=FULL).text)
    assert "2026年11月的缴费" in page
    assert "统筹基金 ¥8,000.00 12% ¥960.00" in page
    assert "每月合计 ¥2,400.00" in page and "每年合计（12个月） ¥28,800.00" in page


def test_a_clamped_base_is_explained_and_statuses_are_shown(client):
    page = text_of(client.post("/en/calculate", data={**FULL, "wage": "3000", "hukou": "other_province",
                                                      "insurances": ["pension"]}).text)
    assert ("Basic pension insurance: the wage you declared (¥3,000.00) is below the lowest base for this month "
            "(¥4,775.00), so the lowest base is used.") in page
    assert "Total per month ¥955.00" in page
    assert "The 1% local supplementary pension applies only to people with Shenzhen hukou" in page
    assert ("Unverified " + MEANING
            + " The figures for the period from 1 July 2026 have not been published yet; the figure of "
            "the previous period is used until they are.") in page
    assert "粤人社发〔2025〕32号" in page


def test_a_conflicting_floor_is_flagged_with_its_reason(client):
    page = text_of(client.post("/en/calculate", data={**FULL, "month": "2024-09", "insurances": ["pension"],
                                                      "wage": "1000"}).text)
    assert "Sources differ" in page
    assert "most give 4,492 (Meituan's Shenzhen example of 898.40 a month fits it), one gives 3,523" in page
    assert "calculator" not in page  # how the figures were found is the sources page's
    assert "Total per month ¥943.32" in page  # 4492 × 21%: 539.04 + 359.36 + 44.92


def test_a_month_whose_figures_were_not_found_explains_and_offers_a_way_out(client):
    response = client.post("/en/calculate", data={**FULL, "month": "2025-03"})
    page = text_of(response.text)
    assert response.status_code == 200
    assert "We cannot calculate this month yet" in page
    assert "No reliable official source was found for Shenzhen's 2025 medical base limits" in page
    assert "There is a problem" in page  # also in the error summary, linked to the month field
    assert 'href="#month"' in response.text


def test_a_quick_choice_fills_the_wage_with_that_base(client):
    response = client.post("/en/calculate", data={**FULL, "wage": "", "quick": "avg60", "insurances": ["pension"]})
    page = text_of(response.text)
    assert 'value="5509.80"' in response.text
    assert "Pooled fund ¥5,509.80 12% ¥661.18" in page


@pytest.mark.parametrize("wage, message", [
    ("", "Enter your monthly wage in yuan."),
    ("abc", "Enter the amount in yuan using digits only, for example 8000 or 8000.50."),
    ("-300", "The amount cannot be negative."),
    ("8000.123", "The amount can have at most 2 decimal places (fen)."),
])
def test_a_bad_wage_is_explained_next_to_the_field_and_other_answers_are_kept(client, wage, message):
    response = client.post("/en/calculate", data={**FULL, "wage": wage})
    assert response.status_code == 200
    html = response.text
    assert "<title>Error: What will I pay?" in html
    assert f'<a href="#wage">{message}</a>' in html  # error summary links to the field
    assert f'<span class="visually-hidden">Error:</span> {message}' in html
    assert 'value="shenzhen" checked' in html and 'value="unemployment" checked' in html
    assert '<option value="2026-11" selected>' in html


def test_missing_choices_are_reported_in_chinese(client):
    assert_shows(client.post("/zh/calculate", data={"wage": "8000", "month": "2026-11"}).text,
                 "<title>错误： 要交多少钱",
                 '<a href="#hukou-0">请选择您的户籍所在地。</a>',
                 '<a href="#insurances">请至少选择一个险种。</a>',
                 'value="8000"')


def test_htmx_gets_only_the_result_fragment(client):
    assert "Total per month" in htmx_fragment(client, "/en/calculate", FULL)
    assert "Total per month" in restored_page(client, "/en/calculate", FULL)
    assert "HX-Request" in client.get("/en/calculate").headers["Vary"]


def test_while_typing_an_unreadable_wage_leaves_a_neutral_result(client):
    fragment = htmx_fragment(client, "/en/calculate", {**FULL, "wage": "8o"})
    assert "Enter your monthly wage, your hukou and at least one insurance to see the cost." in fragment
    assert "There is a problem" not in fragment


def test_the_language_switch_reposts_the_answers_without_putting_them_in_the_url(client):
    html = client.post("/en/calculate", data=FULL).text
    switch = html[html.index('<form class="language-switch"'):]
    switch = switch[:switch.index("</form>")]
    assert 'action="/zh/calculate"' in switch
    assert '<input type="hidden" name="wage" value="8,000">' in switch
    assert '<input type="hidden" name="insurances" value="medical">' in switch


def test_results_are_kept_only_by_the_browser_for_back(client):
    assert client.post("/en/calculate", data=FULL).headers["Cache-Control"] == "private, max-age=0"


@pytest.mark.parametrize("field, value", [
    ("wage", "9" * 5000), ("wage", "\x00"), ("wage", "８，０００．００"), ("hukou", "mars"), ("month", "2026-13"),
    ("month", "1999-01"), ("month", "x" * 300), ("insurances", "dental"), ("quick", "avg999"),
])
def test_no_input_reaches_a_server_error(client, field, value):
    response = client.post("/zh/calculate", data={**FULL, field: value})
    assert response.status_code == 200


BACK_DATING_EN = ("The figures from 1 July 2026 are not published yet, so last year's are used; Guangdong applies "
                  "new figures back to 1 July, so a top-up may be collected later (bases usually rise).")


def test_a_cost_from_carried_forward_figures_says_a_top_up_may_follow(client):
    # Issue 25, item 4: from 2026-07 the 2025-07 pension bases are carried forward.
    html = client.post("/en/calculate", data=FULL).text
    assert BACK_DATING_EN in text_of(html)
    # one line, next to the cost: right after the totals
    assert html.index("key-figures") < html.index("notice--back-dated") < html.index("cost-table")
    zh = text_of(client.post("/zh/calculate", data=FULL).text)
    assert ("2026年7月1日起的新数字还没公布，先按上一年度的算；广东公布后会从7月1日起补算，以后可能要补交差额"
            "（基数一般是上调）。") in zh


def test_a_cost_from_figures_of_their_own_period_says_nothing_of_a_top_up(client):
    html = client.post("/en/calculate", data={**FULL, "month": "2026-06"}).text
    assert "Cost for June 2026" in text_of(html)
    assert "notice--back-dated" not in html and "top-up" not in html
