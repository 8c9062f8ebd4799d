"""退休时能领多少 in a real browser (issue 17), with JavaScript on and off: the same lines either way;
axe-core finds nothing in the empty, error and result states, in both languages; 44 px targets."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import LANGUAGES, MIN_TARGET, axe_violations, small_touch_targets

pytestmark = pytest.mark.browser

BUTTON = {"zh": "计算我的养老金", "en": "Work out my pension"}
PHONE = {"width": 360, "height": 640}
# The Shenzhen approval sheet of 2025-10 (tests/api/test_pension_at_retirement.py).
BOXES = {
    "birth_date-year": "1975", "birth_date-month": "10", "birth_date-day": "15",
    "retirement_month-year": "2025", "retirement_month-month": "10", "paid_years": "30", "paid_months": "0",
    "average_index": "0.7183", "balance": "163426.28", "local_years": "5", "local_months": "8",
}
CHOICES = {"sex": "female", "female_category": "F50", "hukou": "shenzhen"}


def answer(page: Page, boxes: dict[str, str] = BOXES) -> None:
    for name, value in CHOICES.items():
        page.locator(f'input[type=radio][name="{name}"][value="{value}"]').check()
    for name, value in boxes.items():
        page.locator(f'#{name}').fill(value)


def submit(page: Page, lang: str) -> None:
    page.get_by_role("button", name=BUTTON[lang], exact=True).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sheet_through_the_page(any_page: Page, javascript: bool, lang: str):
    page = any_page
    page.goto(f"/{lang}/pension-at-retirement")
    answer(page)
    result = page.locator("#pension-result")
    if javascript:  # the answer appears as the boxes are filled, before the button is pressed
        expect(result).to_contain_text("¥3,844.09")
    submit(page, lang)
    for amount in ("¥2,910.71", "¥838.08", "¥95.30", "¥3,844.09"):
        expect(result).to_contain_text(amount)
    assert "1975" not in page.url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_month_before_the_original_age_is_refused_next_to_the_field(any_page: Page, lang: str):
    page = any_page
    page.goto(f"/{lang}/pension-at-retirement")
    answer(page, {**BOXES, "retirement_month-month": "9"})
    submit(page, lang)
    expect(page.locator("#retirement_month-error")).to_contain_text(
        "2025年10月" if lang == "zh" else "October 2025")


def _states(page: Page, lang: str):
    page.goto(f"/{lang}/pension-at-retirement")
    yield "empty"
    answer(page, {**BOXES, "average_index": "abc"})
    submit(page, lang)
    yield "error"
    page.locator('#average_index').fill("0.7183")
    submit(page, lang)
    expect(page.locator("#pension-result")).to_contain_text("¥3,844.09")
    yield "result"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violations_and_44_px_targets_on_a_phone(page: Page, lang: str):
    page.set_viewport_size(PHONE)
    for state in _states(page, lang):
        violations = axe_violations(page)
        assert violations == [], f"{state}: " + "\n".join(violations)
        too_small = small_touch_targets(page)
        assert too_small == [], f"{state}: touch targets lower than {MIN_TARGET} px: {too_small}"
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, state
        page.set_viewport_size(PHONE)
