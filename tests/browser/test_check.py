"""可以参保吗 in a real browser, with JavaScript on and off: the same verdicts and reasons either way."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import CHECK, LANGUAGES, answer_check_questions, question, submit

pytestmark = pytest.mark.browser

THIRTY = ("1996", "3", "15")  # 30 on 22 November 2026
SEVENTEEN = "2009"  # the same day in 2009: 17, and 18 on 15 March 2027


def card(page: Page, scheme: str):
    """One insurance's line in the result: its name, yes or no, and the reasons that decide it."""
    return page.locator(".verdict-item").filter(has=page.locator(".verdict-item__name").get_by_text(scheme, exact=True))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_30_year_old_shenzhen_rider_can_join_all_three(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, CHECK[lang]
    page.goto(f"/{lang}/check")
    answer_check_questions(page, lang, THIRTY)
    if javascript:
        # The verdicts appear under the questions as they are answered, before the button is pressed.
        expect(page.locator("#check-result .verdict-item")).to_have_count(3)

    submit(page, words["see_result"])

    cards = page.locator(".verdict-item")
    expect(cards).to_have_count(3)
    expect(page.locator(".summary__headline")).to_have_text(words["all_three"])
    for scheme in words["schemes"]:
        expect(card(page, scheme).locator(".verdict")).to_have_text(words["can_join"])
    expect(card(page, words["schemes"][0])).to_contain_text(words["over_18"])
    assert "1996" not in page.url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_changing_the_birth_year_to_17_closes_pension_with_the_reason(any_page: Page, lang: str):
    page, words = any_page, CHECK[lang]
    page.goto(f"/{lang}/check")
    answer_check_questions(page, lang, THIRTY)
    submit(page, words["see_result"])

    submit(page, words["change_birth_date"])

    birth = question(page, words["birth_date"])
    expect(page.locator("#q-birth_date")).to_be_focused()  # autofocus on the question to change
    year = birth.get_by_label(words["year"], exact=True)
    expect(year).to_have_value("1996")
    expect(question(page, words["hukou"]).get_by_label(words["shenzhen"], exact=True)).to_be_checked()
    year.fill(SEVENTEEN)
    submit(page, words["continue"])

    pension = card(page, words["schemes"][0])
    expect(pension.locator(".verdict")).to_have_text(words["cannot_join"])
    expect(pension.locator(".reasons")).to_contain_text(words["under_18"])
    expect(card(page, words["schemes"][2]).locator(".verdict")).to_have_text(words["can_join"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unanswered_questions_are_listed_and_focused(any_page: Page, lang: str):
    page, words = any_page, CHECK[lang]
    page.goto(f"/{lang}/check")
    question(page, words["hukou"]).get_by_label(words["shenzhen"], exact=True).check()
    submit(page, words["see_result"])

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(words["problem"])
    expect(summary.get_by_role("link").first).to_have_text(words["no_birth_date"])
    expect(question(page, words["hukou"]).get_by_label(words["shenzhen"], exact=True)).to_be_checked()
    expect(page.locator(".verdict-item")).to_have_count(0)
