"""Every page state in both languages: no axe-core violations, 44 px touch targets on a phone,
and no sideways scrolling on a 320 px screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import (
    CALCULATOR,
    LANGUAGES,
    MIN_FRAME_INSET,
    MIN_TARGET,
    PAGE_STATES,
    axe_violations,
    frame_insets,
    small_touch_targets,
)

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
def test_touch_targets_of_44_px_and_no_sideways_scrolling_on_a_phone(page: Page, state: str, lang: str):
    """Measured at 360 px wide, then the same page narrowed to 320 px (it reflows without a reload)."""
    page.set_viewport_size(PHONE)
    PAGE_STATES[state](page, lang)
    too_small = small_touch_targets(page)
    page.set_viewport_size({"width": NARROWEST, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert too_small == [] and width <= NARROWEST, (
        f"on {page.url}: touch targets lower than {MIN_TARGET} px: {too_small}; "
        f"page width on a {NARROWEST} px screen: {width} px")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_focused_skip_link_is_a_44_px_target(page: Page, lang: str):
    page.set_viewport_size(PHONE)
    page.goto(f"/{lang}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=CALCULATOR[lang]["skip_link"])
    expect(skip).to_be_focused()
    assert skip.bounding_box()["height"] >= MIN_TARGET


RESULTS = [pytest.param(state, id=state) for state in PAGE_STATES if state.endswith(("-result", "-extension"))]


@pytest.mark.parametrize("state", RESULTS)
def test_a_result_the_page_focuses_keeps_its_text_inside_the_frame(page: Page, state: str):
    """Any result shown with a focus frame on a phone (tests/browser/test_protection.py checks the two that
    always do) keeps its text 12 px inside it."""
    page.set_viewport_size(PHONE)
    PAGE_STATES[state](page, "zh")
    insets = frame_insets(page)
    assert insets is None or min(insets[side] for side in ("left", "right", "top", "bottom")) >= MIN_FRAME_INSET, \
        insets
