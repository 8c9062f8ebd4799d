"""The worker's journey (issue 10), page by page: one summary sentence first, only the questions that
apply, answers carried forward in POST bodies, a link to save or send a result, and the glossary."""

from __future__ import annotations

import html as html_module
import re

import pytest

from advisor.web.handoff import decode

from .pages import text_of
from .test_calculate import FULL
from .test_check import RIDER, answers


def summary(html: str) -> str:
    return text_of(re.search(r"<div class=\"summary\">.*?</div>", html, re.S).group(0)).strip()


@pytest.mark.parametrize("lang, data, expected", [
    ("en", RIDER, "You can join pension, medical insurance, and unemployment insurance. "
                  "Your statutory retirement age: 63 years, reached in May 2053."),
    ("zh", RIDER, "您可以参加养老保险、医疗保险和失业保险。 您的法定退休年龄：63周岁，在2053年5月达到。"),
    ("en", answers(platform_qualified="no"),
     "You can join pension and medical insurance. You cannot join unemployment insurance now. The reasons are below."),
    ("zh", answers(platform_qualified="no"), "您可以参加养老保险和医疗保险；失业保险现在还不能参加，原因见下面。"),
    ("en", answers(full_time_student="yes"),
     "You cannot join pension, medical insurance, and unemployment insurance as a flexible worker now."),
])
def test_the_check_result_opens_with_one_sentence(client, lang, data, expected):
    html = client.post(f"/{lang}/check", data=data).text
    assert summary(html).startswith(expected)
    assert html.index('<div class="summary">') < html.index('class="verdict-list"')


def test_a_yes_shows_no_reasons_and_keeps_the_conditions_one_tap_away(client):
    html = client.post("/en/check", data=RIDER).text
    pension = html[html.index('id="card-pension"'):html.index('id="card-medical"')]
    assert '<ul class="reasons">' not in pension
    assert "<summary>Why: the conditions you meet</summary>" in pension
    unemployment = client.post("/en/check", data=answers(platform_qualified="no")).text
    item = unemployment[unemployment.index('id="card-unemployment"'):]
    assert '<ul class="reasons">' in item.split("</details>")[0]


@pytest.mark.parametrize("lang, expected", [
    ("en", "You would pay ¥2,400.00 a month, ¥28,800.00 a year, for pension, medical insurance, and "
           "unemployment insurance."),
    ("zh", "参加养老保险、医疗保险和失业保险，您每月要交¥2,400.00，一年¥28,800.00。"),
])
def test_the_cost_opens_with_one_sentence(client, lang, expected):
    assert summary(client.post(f"/{lang}/calculate", data=FULL).text) == expected


def carried_pairs(html: str, action: str) -> list[tuple[str, str]]:
    """The hidden (name, value) pairs of the next-step form that POSTs to `action`."""
    carry = re.search(rf'<form class="carry-form next-step no-print" method="post" action="{action}">.*?</form>',
                      html, re.S).group(0)
    return re.findall(r'name="([\w-]+)" value="([\w.-]+)"', carry)


def test_the_check_carries_every_answer_and_the_insurances_to_the_calculator(client):
    html = client.post("/en/check", data=answers(platform_qualified="no")).text
    pairs = carried_pairs(html, "/en/calculate")
    assert pairs[0] == ("carried", "1")
    assert ("hukou", "other_province") in pairs and ("birth_date-year", "1990") in pairs
    assert [value for name, value in pairs if name == "insurances"] == ["pension", "medical"]
    assert {value for name, value in pairs if name == "known"} >= {"birth_date", "sex", "hukou", "work"}
    page = client.post("/en/calculate", data=dict(pairs, insurances=["pension", "medical"],
                                                  known=["birth_date", "sex", "hukou"])).text
    assert 'name="hukou" type="radio"' not in page  # known: not asked again, it rides along
    assert '<input type="hidden" name="hukou" value="other_province">' in page
    assert 'name="insurances" value="unemployment" checked' not in page
    assert "There is a problem" not in page and 'class="result"' not in page  # filled, not yet checked


def test_the_calculator_carries_the_base_and_hukou_to_the_forecast(client):
    html = client.post("/en/calculate", data=FULL).text
    pairs = carried_pairs(html, "/en/forecast")
    assert ("base", "wage") in pairs and ("wage", "8000") in pairs and ("hukou", "shenzhen") in pairs
    # The lowest base travels as the choice, not as a typed amount.
    lowest = carried_pairs(client.post("/en/calculate", data={**FULL, "quick": "floor"}).text, "/en/forecast")
    assert ("base", "floor") in lowest and ("base", "wage") not in lowest
    page = client.post("/en/forecast", data={"carried": "1", "base": "wage", "wage": "8000", "hukou": "shenzhen"}).text
    assert 'value="wage" checked' in page and 'name="wage" type="text"' in page and 'value="8000"' in page
    assert "There is a problem" not in page


def test_the_shenzhen_supplement_note_is_only_for_shenzhen_hukou(client):
    from .test_forecast import EXAMPLE_A
    note = "local supplementary pension"
    assert note in text_of(client.post("/en/forecast", data={**EXAMPLE_A, "hukou": "shenzhen"}).text).split(
        "Things you need to know")[1]
    other = text_of(client.post("/en/forecast", data={**EXAMPLE_A, "hukou": "other_province"}).text)
    assert "Things you need to know" not in other or note not in other.split("Things you need to know")[1]


def test_answers_to_questions_that_do_not_apply_are_ignored(client):
    """A man's answer to the women-only question, Shenzhen hukou's answer about a residence permit."""
    with_extras = answers(hukou="shenzhen", residence_permit="no", female_category="F50")
    html = client.post("/en/check", data=with_extras).text
    assert "You can join pension, medical insurance, and unemployment insurance." in summary(html)
    shown = text_of(html[html.index('<dl class="summary-list">'):])
    assert "Original retirement age" not in shown and "residence registration or permit" not in shown


def test_a_result_can_be_saved_as_a_link_with_the_answers_after_the_hash(client):
    html = client.post("/en/calculate", data=FULL).text
    link = html_module.unescape(re.search(r'class="input save-result__link"[^>]*value="([^"]+)"', html).group(1))
    address, fragment = link.split("#", 1)
    assert address == "http://localhost/en/calculate"
    assert decode(fragment) == [("wage", "8000"), ("hukou", "shenzhen"), ("insurances", "pension"),
                                ("insurances", "medical"), ("insurances", "unemployment"), ("month", "2026-11")]
    assert "anyone who has it can see them" in html


@pytest.mark.parametrize("lang, term", [("zh", "缴费基数"), ("zh", "计发月数"), ("en", "Pooled fund (统筹基金)")])
def test_the_glossary_explains_the_words(client, lang, term):
    html = client.get(f"/{lang}/glossary").text
    assert term in html and 'id="term-base"' in html and 'id="term-payout_months"' in html
    assert 'href="/zh/glossary#term-base"' in client.get("/zh/calculate").text


# --- Summary first on the newer pages' results too (issue 10) -------------------------------------

from .test_pension_at_retirement import WOMAN_PAGE  # noqa: E402
from .test_protection import STORY_FORM  # noqa: E402
from .test_union import ALL_YES  # noqa: E402


def headline(html: str) -> str:
    return text_of(re.search(r'<p class="summary__headline">(.*?)</p>', html, re.S).group(1)).strip()


@pytest.mark.parametrize("url, data, expected, before", [
    ("/zh/protection/injury", {"platform": "meituan", "work": "delivery", "during_order": "yes"},
     "按您的回答，这次受伤应在新职伤的保障范围内。", "more-injury-why"),
    ("/en/protection/after-accident", STORY_FORM,
     "From your answers these may pay for this accident: 新职伤 (occupational-injury protection)", "checklist__steps"),
    ("/zh/pension-at-retirement", WOMAN_PAGE, "从2025年10月起，您每月大约能领¥", "pension-lines"),
    ("/en/union/e-road", ALL_YES, "From your answers all five conditions are met, so you can apply to the union.",
     "claim-table"),
    ("/zh/union/e-road", {**ALL_YES, "member": "no"}, "按您的回答，有条件不符合。", "claim-table"),
    ("/en/union/accident-aid", {"amounts-0": "12000", "amounts-1": "12000"},
     "Under the plan's rules the payout is ¥10,000.00 in all.", "payout-table"),
    ("/en/union/join", {"situation": "agency_worker"},
     "Join the union at the dispatch agency or at the company you are placed with.", "union-quote"),
    ("/zh/union/join", {"situation": "not_sure"}, "加入哪个工会，要看您为谁工作", "union-route"),
])
def test_the_newer_pages_open_their_result_with_one_sentence(client, url, data, expected, before):
    html = client.post(url, data=data).text
    assert headline(html).startswith(expected), headline(html)
    assert html.index('class="summary__headline"') < html.index(before, html.index('class="result'))


@pytest.mark.parametrize("url, expected", [
    ("/zh/stopping", "想停就申请“个缴人员停保”。"),
    ("/en/leaving", "Leaving Shenzhen for work elsewhere: stop here first"),
    ("/zh/resident-schemes", "居民保险只对部分人开放"),
])
def test_the_guides_open_with_their_answer(client, url, expected):
    html = client.get(url).text
    assert headline(html).startswith(expected)
    assert html.index('class="summary__headline"') < html.index('class="guide-item')  # the answer, then the items


def test_the_payout_summary_says_when_the_limit_is_reached(client):
    html = client.post("/zh/union/accident-aid", data={"amounts-0": "12000", "amounts-1": "12000"}).text
    assert "这已经到了所有事故合计的上限：以后的事故不再补贴。" in summary(html)


# --- Words explained where they first appear ---------------------------------------------------------

def term_block(html: str, key: str) -> str:
    """The first explanation of the word on the page: its question, then its answer."""
    for match in re.finditer(r'<details class="term">\s*<summary class="term__question">(.*?)</summary>\s*'
                             r'<p class="term__answer">(.*?)</p>\s*</details>', html, re.S):
        if f"#term-{key}" in match.group(2):
            return text_of(match.group(1)).strip() + " | " + text_of(match.group(2)).strip()
    raise AssertionError(f"no explanation of {key}")


@pytest.mark.parametrize("lang, url, data, key, question, answer", [
    ("zh", "/zh/calculate", None, "base", "缴费基数是什么？", "用来计算社保费的月工资数。"),
    ("en", "/en/calculate", None, "base", "What is the contribution base (缴费基数)?",
     "The monthly wage your payments"),
    ("zh", "/zh/calculate", None, "local_supplementary", "地方补充养老保险是什么？", "只有深圳户籍的人才交"),
    ("zh", "/zh/calculate", FULL, "pooled_fund", "统筹基金是什么？", "放进大家共用的那部分钱"),
    ("en", "/en/calculate", FULL, "personal_account", "What is the personal account (个人账户)?",
     "kept in your own name"),
    ("zh", "/zh/forecast", None, "personal_account", "个人账户是什么？", "记在您自己名下的那部分钱"),
    ("en", "/en/pension-at-retirement", WOMAN_PAGE, "payout_months", "What are payout months (计发月数)?",
     "divided by this number"),
    ("zh", "/zh/pension-at-retirement", WOMAN_PAGE, "payout_months", "计发月数是什么？", "退休越晚，这个数越小。"),
])
def test_each_word_is_explained_where_it_first_appears(client, lang, url, data, key, question, answer):
    html = (client.post(url, data=data) if data else client.get(url)).text
    shown = term_block(html, key)
    assert shown.startswith(question + " | ") and answer in shown
    assert f'href="/{lang}/glossary#term-{key}"' in html


# --- The questions about paying on wait for the birth date (with JavaScript) ------------------------

def born_by(html: str) -> dict[str, str]:
    rule = re.search(r'data-born-by="([^"]*)"', html).group(1)
    return dict(part.split("=") for part in rule.split(";"))


def test_the_page_tells_the_script_the_latest_birth_date_near_retirement(client):
    limits = born_by(client.get("/zh/check").text)
    assert sorted(limits) == ["female", "female/f50", "female/f55", "male"]
    assert limits["female/f50"] > limits["female/f55"] > limits["male"]  # a woman of 50 retires earliest
    # The script and the server agree: on the last day the questions are asked, the day after they are not.
    last = limits["male"]
    year, month, day = last.split("-")
    near = {**answers(hukou="shenzhen"), "birth_date-year": year, "birth_date-month": str(int(month)),
            "birth_date-day": str(int(day)), "contributed_months": "ten"}
    assert "Enter the months as a whole number, for example 120." in client.post("/en/check", data=near).text
    from datetime import date, timedelta
    after = date.fromisoformat(last) + timedelta(days=1)
    young = {**near, "birth_date-year": str(after.year), "birth_date-month": str(after.month),
             "birth_date-day": str(after.day)}
    assert "Enter the months as a whole number" not in client.post("/en/check", data=young).text
