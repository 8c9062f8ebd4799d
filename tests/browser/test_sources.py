"""The sources page (/zh/sources) and the pages' "依据和来源" section on a phone, with JavaScript on and off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import CONTENT_DIR

from .site import LANGUAGES, axe_violations, small_touch_targets

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
STATUS_WORDS = {"zh": ("已确认", "还在核实"), "en": ("Confirmed", "Unverified")}


def source_keys() -> list[str]:
    """The top-level keys of content/sources.yaml, read as text (no app needed)."""
    return re.findall(r"^([a-z0-9][a-z0-9-]*):\s*$", (CONTENT_DIR / "sources.yaml").read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_page_lists_every_source_with_its_status_on_a_phone(any_page: Page, javascript: bool, lang: str):
    page = any_page
    page.set_viewport_size(PHONE)
    page.goto(f"/{lang}/sources")
    keys = source_keys()
    assert len(keys) > 60
    expect(page.locator("li.source-entry")).to_have_count(len(keys))
    for key in keys:
        summary = page.locator(f"li.source-entry[id='{key}'] summary")
        expect(summary).to_be_visible()
        assert any(word in summary.inner_text() for word in STATUS_WORDS[lang]), key
    # an entry opens on a tap, without JavaScript too, and shows its research note
    entry = page.locator("li.source-entry[id='calc-liubigfatty-pension']")
    entry.locator("summary").click()
    expect(entry.locator(".source-entry__facts")).to_be_visible()
    expect(entry).to_contain_text("liubigfatty/pension-calculator")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert small_touch_targets(page) == []
    if javascript:  # axe-core runs as a script in the page
        assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_faq_sources_section_is_closed_and_opens_with_links(any_page: Page, lang: str):
    page = any_page
    page.set_viewport_size(PHONE)
    page.goto(f"/{lang}/faq")
    trail = page.locator("details.sources-trail")
    expect(trail).to_have_count(1)
    expect(trail.locator(".sources-trail__list")).to_be_hidden()
    trail.locator("summary").click()
    expect(trail.locator(".sources-trail__list")).to_be_visible()
    expect(trail.locator("a.url").first).to_be_visible()
    trail.get_by_role("link", name={"zh": "本站用到的所有来源和核实情况",
                                    "en": "Every source the site uses, and how it was checked"}[lang]).click()
    assert page.url.endswith(f"/{lang}/sources")
    expect(page.locator("h1")).to_have_text({"zh": "来源", "en": "Sources"}[lang])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
