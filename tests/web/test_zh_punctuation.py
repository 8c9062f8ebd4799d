"""Chinese pages read as Chinese: no ASCII `: ? . ,` inside Chinese sentences of the rendered zh pages
(numbers such as ¥4,775.00 or 2.9%, web addresses, and official texts quoted word for word are left alone)."""

from __future__ import annotations

import html as html_module
import re

import pytest

from .test_check import RIDER
from .test_forecast import EXAMPLE_A

CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”"
# A Chinese character (or full-width mark) with ASCII punctuation right after or before it.
MIXED = re.compile(rf"[{CJK}]\s*[:?,.](?![0-9])|(?<![0-9])[:?,.]\s*[{CJK}]")
PAGES = [
    ("get", "/zh/", None), ("get", "/zh/check", None), ("get", "/zh/calculate", None),
    ("get", "/zh/forecast", None), ("get", "/zh/register", None), ("get", "/zh/glossary", None),
    ("get", "/zh/faq", None), ("get", "/zh/union", None), ("get", "/zh/union/e-road", None),
    ("get", "/zh/union/join", None), ("get", "/zh/union/other-regions", None),
    ("post", "/zh/check", RIDER),
    ("post", "/zh/calculate", {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical"],
                               "month": "2026-11"}),
    ("post", "/zh/forecast", {**EXAMPLE_A, "wage_growth": "", "interest": ""}),
    ("post", "/zh/register", {"hukou": "other_province"}),
]


def visible_text(page: str) -> str:
    # Official texts quoted word for word keep their own punctuation.
    page = re.sub(r"<(script|style|svg|blockquote)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    text = html_module.unescape(page)
    return re.sub(r"https?://\S+", " ", text)  # web addresses keep their dots and colons


@pytest.mark.parametrize("method, url, data", PAGES, ids=[f"{m} {u}" for m, u, _ in PAGES])
def test_zh_pages_use_full_width_punctuation(client, method, url, data):
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 200
    found = [visible_text(response.text)[max(0, m.start() - 15):m.end() + 15].strip()
             for m in MIXED.finditer(visible_text(response.text))]
    assert found == [], found
