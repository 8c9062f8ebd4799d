"""Every page has a description in its language (issue 24): search results and chat link previews show it.
It is the first sentence of the page's answer (for a form page, its one-line intro): present, not empty, at most
120 characters in Chinese and 160 in English, in the page's language and its punctuation."""

from __future__ import annotations

import html as html_module
import re

import pytest

from advisor.web.description import first_sentence

from .test_words import STATES
from .words import en_problems, zh_problems

PAGES = [url for url, data in STATES if data is None]
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def description(page: str) -> str:
    found = DESCRIPTION.findall(page)
    assert len(found) == 1, found
    return html_module.unescape(found[0])


@pytest.mark.parametrize("url", PAGES)
def test_every_page_describes_itself_in_its_language(client, url):
    text = description(client.get(url, follow_redirects=True).text)
    han = len(re.findall(r"[\u3400-\u9fff]", text))
    if url.startswith("/zh/"):
        assert 8 <= len(text) <= 120, text
        assert han >= len(text) / 2, text
        assert zh_problems(f"<p>{text}</p>") == []
    else:
        assert 20 <= len(text) <= 160, text
        assert len(re.findall(r"[A-Za-z]", text)) >= len(text) / 2, text
        assert en_problems(f"<p>{text}</p>") == []


@pytest.mark.parametrize("url, words", [
    ("/zh/stopping", "想停就申请“个缴人员停保”。"),
    ("/en/faq", "Anyone doing flexible work in Shenzhen can join employee pension and medical insurance, whatever "
                "their hukou."),
    ("/zh/calculate", "灵活就业人员的社保费全部自己缴：在上下限之间自选缴费基数，乘以每个险种的费率。"),
    ("/en/union/e-road", "The Shenzhen Federation of Trade Unions pays for accident, critical-illness and other "
                         "cover for gig workers working in Shenzhen."),
])
def test_the_description_is_the_first_sentence_of_the_answer(client, url, words):
    assert description(client.get(url).text) == words


@pytest.mark.parametrize("text, language, expected", [
    ("想停就申请。断缴的月份不算。", "zh", "想停就申请。"),
    ("To stop, apply. Months you do not pay do not count.", "en", "To stop, apply."),
    ("It costs ¥4,775.00 × 20%, about 955.00 a month. Then more.", "en",
     "It costs ¥4,775.00 × 20%, about 955.00 a month."),
    ("<strong>Not Shenzhen.</strong> These schemes", "en", "Not Shenzhen."),
    ("字" * 130, "zh", "字" * 119 + "…"),
    ("word " * 40, "en", ("word " * 31).strip() + "…"),
])
def test_a_description_is_cut_at_the_first_sentence_or_the_limit(text, language, expected):
    assert first_sentence(text, language) == expected
