"""The worker's journey (issue 10), page by page: one summary sentence first, only the questions that
apply, answers carried forward in POST bodies, a link to save or send a result, and the glossary."""

from __future__ import annotations

import html as html_module
import re

import pytest

from advisor.web.handoff import decode

from .test_calculate import FULL, text_of
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


def test_the_check_carries_hukou_and_the_insurances_to_the_calculator(client):
    html = client.post("/en/check", data=answers(platform_qualified="no")).text
    carry = re.search(r'<form class="carry-form" method="post" action="/en/calculate">.*?</form>', html, re.S).group(0)
    assert re.findall(r'name="(\w+)" value="(\w+)"', carry) == [
        ("carried", "1"), ("hukou", "other_province"), ("insurances", "pension"), ("insurances", "medical")]
    page = client.post("/en/calculate", data={"carried": "1", "hukou": "other_province",
                                             "insurances": ["pension", "medical"]}).text
    assert 'value="other_province" checked' in page
    assert 'name="insurances" value="unemployment" checked' not in page
    assert "There is a problem" not in page and 'class="result"' not in page  # filled, not yet checked


def test_the_calculator_carries_the_base_and_hukou_to_the_forecast(client):
    html = client.post("/en/calculate", data=FULL).text
    carry = re.search(r'<form class="carry-form no-print" method="post" action="/en/forecast">.*?</form>',
                      html, re.S).group(0)
    assert re.findall(r'name="(\w+)" value="([\w.]+)"', carry) == [
        ("carried", "1"), ("base", "wage"), ("wage", "8000"), ("hukou", "shenzhen")]
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
