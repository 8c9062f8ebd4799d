"""Every page state in both languages: no axe-core violations, 44 px touch targets on a phone,
and no sideways scrolling on a 320 px screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import CALCULATOR, LANGUAGES, MIN_TARGET, PAGE_STATES, axe_violations, small_touch_targets

pytestmark = pytest.mark.browser

STATES = [pytest.param(state, lang, id=f"{state}-{lang}") for state in PAGE_STATES for lang in LANGUAGES]
PHONE = {"width": 360, "height": 640}
NARROWEST = 320


@pytest.mark.parametrize(("state", "lang"), STATES)
def test_no_accessibility_violations(page: Page, state: str, lang: str):
    PAGE_STATES[state](page, lang)
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} problem(s) on {page.url}:\n" + "\n".join(violations)


@pytest.mark.parametrize(("state", "lang"), STATES)
def test_touch_targets_are_at_least_44_px_high_on_a_phone(page: Page, state: str, lang: str):
    page.set_viewport_size(PHONE)
    PAGE_STATES[state](page, lang)
    too_small = small_touch_targets(page)
    assert too_small == [], f"touch targets lower than {MIN_TARGET} px on {page.url}: {too_small}"


@pytest.mark.parametrize(("state", "lang"), STATES)
def test_no_sideways_scrolling_at_320_px(page: Page, state: str, lang: str):
    page.set_viewport_size({"width": NARROWEST, "height": 640})
    PAGE_STATES[state](page, lang)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROWEST, f"{page.url} is {width} px wide on a {NARROWEST} px screen"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_focused_skip_link_is_a_44_px_target(page: Page, lang: str):
    page.set_viewport_size(PHONE)
    page.goto(f"/{lang}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=CALCULATOR[lang]["skip_link"])
    expect(skip).to_be_focused()
    assert skip.bounding_box()["height"] >= MIN_TARGET
