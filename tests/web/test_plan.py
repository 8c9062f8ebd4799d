"""Ask once and 我的参保方案 (issue 23): the answers ride forward in POST bodies, a later page leaves out the
questions already answered and lists them under "Your answers" with Change, and the plan puts together the answers
of every page, as each page gives them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from advisor.answers.contribution import calculate_cost
from advisor.rules.calendar import YearMonth
from advisor.rules.types import Hukou, Scheme

from .pages import text_of
from .test_check import RIDER

# A 30-year-old Meituan rider, hukou elsewhere in Guangdong, at the lowest base, never paid, WeChat at hand.
PLAN = {**RIDER, "birth_date-year": "1996", "birth_date-month": "3", "birth_date-day": "15", "hukou": "guangdong",
        "base": "floor", "wage": "4775", "insurances": ["pension", "medical", "unemployment"], "month": "2026-11",
        "platform_subsidy": "meituan", "paid_years": "0", "have": ["wechat"]}
PLAN.pop("insured_before")
KNOWN_FROM_CHECK = ["birth_date", "sex", "hukou", "residence_permit", "work", "platform_qualified",
                    "full_time_student", "employer_insured"]


def main_text(html: str) -> str:
    return text_of(html[html.index("<main"):html.index("</main>")])


def your_answers(html: str) -> str:
    start = html.index('class="your-answers')
    return text_of(html[start:html.index("</details>", start)])


def next_step(html: str, action: str) -> list[tuple[str, str]]:
    form = re.search(rf'<form class="carry-form next-step no-print" method="post" action="{action}"[^>]*>.*?</form>',
                     html, re.S).group(0)
    return re.findall(r'name="([\w-]+)" value="([^"]*)"', form)


def as_data(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def test_the_forecast_asks_only_what_the_earlier_pages_did_not(client):
    check = client.post("/zh/check", data={**RIDER, "hukou": "guangdong", "insured_before": None} | {}).text
    calculate = client.post("/zh/calculate", data=as_data(next_step(check, "/zh/calculate"))).text
    # The calculator's own form sends the riding answers again (not "carried": the page's own submit).
    riding = {name: values for name, values in as_data(next_step(check, "/zh/calculate")).items() if name != "carried"}
    result = client.post("/zh/calculate", data={**riding, "quick": "floor"}).text
    assert "There is a problem" not in calculate
    assert 'name="hukou" type="radio"' not in calculate  # known from the check
    forecast = client.post("/zh/forecast", data=as_data(next_step(result, "/zh/forecast"))).text
    form = forecast[forecast.index('<form class="form"'):]
    for question in ("birth_date-year", "sex", "hukou", "base"):
        assert not re.search(rf'<input[^>]*name="{question}"[^>]*type="(text|radio)"', form), question
    assert '<input type="hidden" name="base" value="floor">' in form  # the base as a choice, not a typed 4775
    assert 'name="paid_years"' in form  # still to answer
    answers = your_answers(forecast)
    assert "出生日期" in answers and "1990年5月31日" in answers and "最低缴费基数" in answers and "修改" in answers


def test_the_base_chosen_on_the_calculator_reaches_the_forecast_as_that_choice(client):
    result = client.post("/en/forecast", data={**as_data(next_step(client.post(
        "/en/calculate", data={"wage": "", "hukou": "shenzhen", "insurances": ["pension"], "month": "2026-11",
                               "quick": "avg60"}).text, "/en/forecast")), "carried": [],
        "birth_date-year": "1996", "birth_date-month": "3", "birth_date-day": "15", "sex": "male", "paid_years": "0"})
    assert "There is a problem" not in result.text
    assert "60% of the average" in main_text(result.text)


def test_the_register_page_starts_from_the_hukou_already_given(client):
    html = client.post("/zh/register", data={"carried": "1", "hukou": "other_province", "known": ["hukou"]}).text
    assert 'name="hukou" type="radio"' not in html and 'id="your-guide"' in html
    assert "户籍" in your_answers(html)
    assert 'name="have"' in html  # what it still needs


def test_change_posts_every_answer_back_to_the_question(client):
    html = client.post("/zh/register", data={**PLAN, "carried": "1", "known": KNOWN_FROM_CHECK}).text
    change = re.search(r'<form id="journey-answers".*?</form>', html, re.S).group(0)
    pairs = re.findall(r'name="([\w-]+)" value="([^"]*)"', change)
    assert ("paid_years", "0") in pairs and ("platform_subsidy", "meituan") in pairs and ("work", "platform") in pairs
    assert 'formaction="/zh/check#q-birth_date"' in html
    back = client.post("/zh/check", data={**as_data(pairs), "edit": "birth_date"}).text
    assert 'value="1996"' in back and "There is a problem" not in back
    assert '<input type="hidden" name="paid_years" value="0">' in back  # the later pages' answers ride along


@pytest.mark.parametrize("lang, expected", [
    ("zh", ["您可以参加养老保险、医疗保险和失业保险。每月要交¥1,063.41。",
            "美团是即时配送行业的第一批试点平台", "适合您的方式：“深圳社保”微信公众号。"]),
    ("en", ["You can join pension, medical insurance, and unemployment insurance. You would pay ¥1,063.41 a month.",
            "Meituan is a first-batch pilot platform",
            "The way that suits you: “深圳社保” (Shenzhen Social Insurance) WeChat official account."]),
])
def test_the_plan_gathers_every_page_s_answer(client, lang, expected):
    html = client.post(f"/{lang}/plan", data=PLAN).text
    text = main_text(html)
    for words in expected:
        assert words in text
    assert 'class="summary__headline"' in html


def test_the_plan_s_cost_is_the_calculator_s_less_the_subsidy(client, content):
    cost = calculate_cost(content, YearMonth(2026, 11), Hukou.GUANGDONG, Decimal("4775"),
                          (Scheme.PENSION, Scheme.MEDICAL, Scheme.UNEMPLOYMENT))
    calculator = main_text(client.post("/en/calculate", data={
        "wage": "4775", "hukou": "guangdong", "insurances": ["pension", "medical", "unemployment"],
        "month": "2026-11", "platform_subsidy": "meituan"}).text)
    plan = main_text(client.post("/en/plan", data=PLAN).text)
    total = f"¥{cost.contribution.monthly_total:,.2f}"
    assert total in calculator and total in plan
    assert "¥1,063.41" in calculator  # after Meituan's subsidy, as the calculator says it


def test_a_part_not_answered_yet_offers_its_page(client):
    html = client.post("/en/plan", data={**RIDER}).text
    assert "Say how long you have paid to see an estimate." in main_text(html)
    pension = html[html.index('id="plan-pension"'):]
    assert re.search(r'action="/en/forecast">\s*<input type="hidden" name="carried" value="1">', pension)


def test_the_plan_opened_without_answers_says_where_to_begin(client):
    html = client.get("/zh/plan").text
    assert 'href="/zh/check"' in html and 'class="summary' not in html


def test_the_plan_s_lines_open_their_full_pages_with_the_answers(client):
    html = client.post("/zh/plan", data=PLAN).text
    pairs = next_step(html, "/zh/calculate#result-heading")
    assert ("carried", "1") not in pairs  # the page shows its result straight away
    calculator = client.post("/zh/calculate", data=as_data(pairs)).text
    assert 'id="result-heading"' in calculator and "¥1,063.41" in calculator


def test_the_plan_can_be_saved_as_a_link_with_its_answers_after_the_hash(client):
    html = client.post("/zh/plan", data=PLAN).text
    saved = re.search(r'class="input save-result__link"[^>]*value="([^"]+)"', html).group(1)
    assert "/zh/plan#a=" in saved and "?" not in saved.split("#")[0]
    assert "hv=wechat" in saved and "ps=meituan" in saved


def test_the_next_step_continues_by_itself_only_after_a_live_result(client):
    """The result page made on the way (static/js/journey.js) marks the next step to go on to; nothing else does."""
    html = client.post("/zh/forecast", data={**PLAN, "then": "/zh/register"}).text
    assert re.search(r'action="/zh/register[^"]*"\s*data-continue>', html)
    assert "data-continue" not in client.post("/zh/forecast", data=PLAN).text
    assert "data-continue" not in client.post("/zh/forecast", data={**PLAN, "then": "https://example.com/"}).text


@pytest.mark.parametrize("day", ["9" * 300, "0", "32"])
def test_a_birth_date_no_calendar_has_is_no_answer_not_an_error(client, day):
    # Found by the generated-input test: a day too large for the machine's integers once answered 500.
    response = client.post("/zh/plan", data={"birth_date-year": "1990", "birth_date-month": "3", "birth_date-day": day})
    assert response.status_code == 200 and "我的参保方案" in response.text


def test_a_base_choice_no_page_offers_is_no_answer_not_an_error(client):
    # A multiple of the average wage far past any base once reached the fen rounding and answered 500.
    answers = {"birth_date-year": "1996", "birth_date-month": "3", "birth_date-day": "15", "sex": "male",
               "paid_years": "0", "hukou": "guangdong", "base": "avg" + "9" * 400}
    response = client.post("/zh/plan", data=answers)
    assert response.status_code == 200 and "我的参保方案" in response.text
