"""工会保障 in a real browser: the claim check and the payout calculator with JavaScript on and off.
(Every union page state is checked for axe-core violations, small touch targets and sideways scrolling with
every other page's, in tests/browser/test_accessibility.py; the states are in tests/browser/site.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import E_ROAD_CONDITIONS, LANGUAGES, UNION, amount_box, answer_conditions, submit

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_accidents_of_12000_pay_10000_with_and_without_javascript(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, UNION[lang]
    page.goto(f"/{lang}/union/accident-aid")
    amount_box(page, lang, 1).fill("12000")
    amount_box(page, lang, 2).fill("12,000")
    result = page.locator("#payout-result")
    if javascript:
        expect(result).to_contain_text("¥6,000.00 + ¥4,000.00 = ¥10,000.00")
    else:
        expect(result).not_to_contain_text("¥10,000.00")
    submit(page, words["work_out"])
    expect(result).to_contain_text("¥6,000.00 + ¥4,000.00 = ¥10,000.00")
    expect(page.locator("#payout-heading")).to_be_in_viewport()  # the answer page opens at the result
    expect(amount_box(page, lang, 2)).to_have_value("12,000")
    assert "12000" not in page.url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enter_in_an_amount_box_works_out_the_payout_rather_than_adding_a_box(any_page: Page, lang: str):
    page = any_page
    page.goto(f"/{lang}/union/accident-aid")
    amount_box(page, lang, 1).fill("350")
    amount_box(page, lang, 1).press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("#payout-result .total-highlight")).to_contain_text("¥200.00")
    expect(amount_box(page, lang, 6)).to_have_count(0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_add_another_accident_keeps_what_was_typed(any_page: Page, lang: str):
    page, words = any_page, UNION[lang]
    page.goto(f"/{lang}/union/accident-aid")
    for number, amount in enumerate(["350", "600", "2500", "6000", "12000"], start=1):
        amount_box(page, lang, number).fill(amount)
    submit(page, words["add"])
    expect(amount_box(page, lang, 6)).to_have_value("")
    expect(amount_box(page, lang, 6)).to_be_focused()
    expect(amount_box(page, lang, 5)).to_have_value("12000")
    amount_box(page, lang, 6).fill("700")
    submit(page, words["work_out"])
    # 200 + 500 + 2,000 + 5,000 + 6,000 passes the 10,000 cap at the fifth accident; the sixth gets nothing.
    expect(page.locator("#payout-result .total-highlight")).to_contain_text("¥10,000.00")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_bad_amount_is_shown_next_to_its_box(any_page: Page, lang: str):
    page, words = any_page, UNION[lang]
    page.goto(f"/{lang}/union/accident-aid")
    amount_box(page, lang, 1).fill("12000")
    amount_box(page, lang, 2).fill("abc")
    submit(page, words["work_out"])
    expect(page.get_by_role("heading", name=words["problem"])).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(amount_box(page, lang, 2)).to_have_attribute("aria-invalid", "true")
    expect(amount_box(page, lang, 1)).to_have_value("12000")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_claim_check_with_and_without_javascript(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, UNION[lang]
    page.goto(f"/{lang}/union/e-road")
    result = page.locator("#claim-result")
    answer_conditions(page, {condition: "yes" for condition in E_ROAD_CONDITIONS})
    if javascript:
        expect(result.locator(".union-verdict")).to_have_text(words["met"])
    submit(page, words["check"])
    expect(result.locator(".union-verdict")).to_have_text(words["met"])

    answer_conditions(page, {"working_month_before": "unknown"})
    submit(page, words["check"])
    expect(result.locator(".union-verdict")).to_have_text(words["unclear"])
    expect(result.locator('a[href="tel:956030"]')).to_be_visible()

    answer_conditions(page, {"occupation": "no"})
    submit(page, words["check"])
    expect(result.locator(".union-verdict")).to_have_text(words["not_met"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_join_question_shows_the_agency_workers_route(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, UNION[lang]
    page.goto(f"/{lang}/union/join")
    page.get_by_label(words["agency"], exact=True).check()
    if javascript:
        expect(page.locator("#join-route")).to_contain_text(words["agency_route"])
    submit(page, words["show_route"])
    expect(page.locator("#join-route")).to_contain_text(words["agency_route"])
