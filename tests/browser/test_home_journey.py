"""The home page answers "what can this site do for me" and leads to each answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

HOME = {
    "zh": {"heading": "在深圳以灵活就业人员身份参保", "pay": "要交多少钱", "english": "English"},
    "en": {"heading": "Insure yourself as a flexible worker in Shenzhen", "pay": "What will I pay?",
           "english": "English"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_from_the_home_page_to_the_calculator(any_page: Page, lang: str):
    page, words = any_page, HOME[lang]
    page.goto("/")  # the bare address goes to the Chinese site
    assert page.url.endswith("/zh/")
    if lang == "en":
        page.get_by_role("link", name=words["english"]).click()
        assert page.url.endswith("/en/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["heading"])

    page.locator(".task-list").get_by_role("link", name=words["pay"]).click()

    assert page.url.endswith(f"/{lang}/calculate")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["pay"])
    expect(page.get_by_role("navigation").get_by_role("link", name=words["pay"])).to_have_attribute(
        "aria-current", "page")
