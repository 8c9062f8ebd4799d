"""Chinese pages read as Chinese: no ASCII `: ? . ,` inside Chinese sentences of the rendered zh pages
(numbers such as ¥4,775.00 or 2.9%, web addresses, official texts quoted word for word, and the letter of
a quiz option, "A.", are left alone).

Every zh page state is read: each page the site serves (from the URL map, so a new page is covered
the day it is added), each form page's error state, and at least one result of each form page; a
form page with no result listed here fails `test_every_form_page_has_a_result_here`.
"""

from __future__ import annotations

import html as html_module
import re

import pytest

from tests.site_map import form_page_urls, page_urls

from .kiosk_support import ACCIDENT_AID
from .test_check import RIDER
from .test_forecast import EXAMPLE_A
from .test_outreach import counts
from .test_pension_at_retirement import WOMAN_PAGE
from .test_protection import STORY_FORM
from .test_union import ALL_YES

CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”"
# A Chinese character (or full-width mark) with ASCII punctuation right after or before it.
MIXED = re.compile(rf"[{CJK}]\s*[:?,.](?![0-9])|(?<![0-9])(?<!\b[A-Z])[:?,.]\s*[{CJK}]")

# At least one result of every form page; several where the result reads differently.
RESULTS = {
    "/zh/check": [
        RIDER,
        {**RIDER, "birth_date-year": "1968", "sex": "female", "female_category": "unknown", "hukou": "shenzhen",
         "work": "self_employed", "contributed_months": "100", "pension_place": "shenzhen"},
        {**RIDER, "birth_date-year": "2012", "full_time_student": "yes", "employer_insured": "yes"},
    ],
    "/zh/calculate": [
        {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical"], "month": "2026-11"},
        {"wage": "100", "hukou": "other_province", "insurances": ["pension", "medical", "unemployment"],
         "month": "2026-11", "platform_subsidy": "meituan", "subsidy_condition_met": "yes"},
    ],
    "/zh/forecast": [
        {**EXAMPLE_A, "wage_growth": "", "interest": ""},
        {**EXAMPLE_A, "hukou": "shenzhen"},
        {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15", "sex": "male",
         "paid_years": "10", "paid_months": "0", "base": "floor", "wage_growth": "0", "interest": "0"},
    ],
    "/zh/pension-at-retirement": [WOMAN_PAGE],
    "/zh/plan": [
        {**RIDER, "base": "floor", "wage": "4775", "insurances": ["pension", "medical"], "month": "2026-11",
         "platform_subsidy": "meituan", "paid_years": "0", "have": ["wechat"]},
        {**RIDER, "hukou": "shenzhen"},  # only the check: the other parts say which page answers them
    ],
    "/zh/register": [
        {"hukou": "other_province"},
        {"hukou": "shenzhen", "have": ["wechat"]},
        {"hukou": "guangdong", "have": ["id_card", "in_person", "sscard"]},
        {"hukou": "hk_macao_taiwan", "have": ["in_person"]},
        {"hukou": "other_province", "have": ["id_card"]},
    ],
    "/zh/protection/injury": [
        {"platform": "meituan", "work": "delivery", "during_order": "yes"},
        {"platform": "unknown", "work": "unknown", "during_order": "unknown"},
    ],
    "/zh/protection/after-accident": [STORY_FORM],
    "/zh/union/accident-aid": [ACCIDENT_AID, {"amounts-0": "12000", "amounts-1": "12000"}],
    "/zh/union/e-road": [ALL_YES, {**ALL_YES, "member": "no"}],
    "/zh/union/join": [{"situation": "labour_relationship"}, {"situation": "not_sure"}],
    "/zh/outreach/membership": [counts()],
}


def visible_text(page: str) -> str:
    # Official texts quoted word for word keep their own punctuation.
    page = re.sub(r"<(script|style|svg|blockquote)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    text = html_module.unescape(page)
    return re.sub(r"https?://\S+", " ", text)  # web addresses keep their dots and colons


def mixed_punctuation(page: str) -> list[str]:
    text = visible_text(page)
    return [text[max(0, m.start() - 15):m.end() + 15].strip() for m in MIXED.finditer(text)]


def zh_pages() -> list[str]:
    from advisor import create_app
    app = create_app({"TESTING": True})
    return [url for url in page_urls(app) if url.startswith("/zh/")]


def zh_form_pages() -> list[str]:
    from advisor import create_app
    return form_page_urls(create_app({"TESTING": True}))


STATES = [(url, data) for url, cases in RESULTS.items() for data in cases]


@pytest.mark.parametrize("url", zh_pages())
def test_zh_pages_use_full_width_punctuation(client, url):
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200
    assert mixed_punctuation(response.text) == []


@pytest.mark.parametrize("path", ["/zh/outreach/present/{n}", "/zh/outreach/quiz/{n}", "/zh/outreach/quiz/{n}/answer"])
def test_every_slide_and_quiz_step_uses_full_width_punctuation(client, path):
    read = 0
    for number in range(1, 50):
        response = client.get(path.format(n=number))
        if response.status_code == 404:
            break
        assert response.status_code == 200
        assert mixed_punctuation(response.text) == [], path.format(n=number)
        read += 1
    assert read >= 3  # the quiz has three questions today, the slides six


@pytest.mark.parametrize("text, found", [
    ("统筹基金: ¥4,775.00 × 12%", ["金:"]), ("2.9%是怎么来的?", ["的?"]),
    ("企业职工基本养老保险. 2026年", ["险."]), ("…其他灵活就业人员.", ["员."]),
    ("统筹基金：¥4,775.00 × 12%", []), ("A.不包括", []), ("见 http://hrss.sz.gov.cn/szsi/。", []),
])
def test_the_check_catches_ascii_punctuation_in_chinese_and_nothing_else(text, found):
    assert [m.group().strip() for m in MIXED.finditer(visible_text(text))] == found


@pytest.mark.parametrize("url", zh_form_pages())
def test_zh_error_states_use_full_width_punctuation(client, url):
    response = client.post(url, data={})
    assert response.status_code == 200
    assert mixed_punctuation(response.text) == []


@pytest.mark.parametrize("url, data", STATES, ids=[f"{url} {n}" for url, cases in RESULTS.items()
                                                     for n in range(len(cases))])
def test_zh_results_use_full_width_punctuation(client, url, data):
    response = client.post(url, data=data)
    assert response.status_code == 200
    assert 'class="summary__headline"' in response.text or "membership" in url  # a result, not the form again
    assert mixed_punctuation(response.text) == []


def test_every_form_page_has_a_result_here():
    assert sorted(RESULTS) == sorted(zh_form_pages())
