"""要交多少钱 in a real browser, with JavaScript on and off: the same answers either way."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import CALCULATOR, LANGUAGES, calculate, fill_calculator, submit

pytestmark = pytest.mark.browser


def result(page: Page):
    return page.locator("#cost-result")


def mark_document(page: Page) -> None:
    """A flag that only survives as long as this document does: gone after any page load."""
    page.evaluate("window.stillTheSameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.stillTheSameDocument === true")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_monthly_wage_of_8000_costs_2400_a_month(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, CALCULATOR[lang]
    page.goto(f"/{lang}/calculate")
    expect(page.get_by_label(words["month"]).locator("option:checked")).to_have_text(words["this_month"])
    fill_calculator(page, lang, "8,000")
    if javascript:
        # The result appears as the answers change, before anyone presses the button.
        expect(result(page).locator(".key-figures")).to_contain_text("¥2,400.00")
    else:
        expect(result(page)).not_to_contain_text("¥2,400.00")

    submit(page, words["calculate"])

    totals = result(page).locator(".key-figures")
    expect(totals).to_contain_text(f"{words['per_month']} ¥2,400.00")
    expect(totals).to_contain_text(f"{words['per_year']} ¥28,800.00")
    expect(page.get_by_label(words["wage"])).to_have_value("8,000")
    expect(page.get_by_label(words["shenzhen"], exact=True)).to_be_checked()
    expect(page.get_by_label(words["unemployment"], exact=True)).to_be_checked()
    assert "wage" not in page.url and "8000" not in page.url  # answers never travel in the URL


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enter_in_the_wage_field_calculates_with_the_typed_wage(any_page: Page, lang: str):
    page, words = any_page, CALCULATOR[lang]
    page.goto(f"/{lang}/calculate")
    fill_calculator(page, lang, "8000")
    page.get_by_label(words["wage"]).press("Enter")
    page.wait_for_load_state("load")
    # Not the lowest-base quick choice, which is the first button shown in the form.
    expect(page.get_by_label(words["wage"])).to_have_value("8000")
    expect(result(page).locator(".key-figures")).to_contain_text("¥2,400.00")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lowest_base_quick_choice_fills_in_4775(any_page: Page, lang: str):
    page, words = any_page, CALCULATOR[lang]
    page.goto(f"/{lang}/calculate")
    page.get_by_label(words["shenzhen"], exact=True).check()
    submit(page, words["lowest_base"] + " ¥4,775.00")

    expect(page.get_by_label(words["wage"])).to_have_value("4775")
    pension = result(page).locator("tbody").first
    expect(pension.locator("td").first).to_have_text("¥4,775.00")
    expect(pension.locator(".subtotal")).to_contain_text("¥1,002.75")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_wage_that_is_not_a_number_is_explained_and_the_answers_are_kept(any_page: Page, lang: str):
    page, words = any_page, CALCULATOR[lang]
    calculate(page, lang, "abc")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()  # autofocus: works without JavaScript too
    expect(summary).to_contain_text(words["problem"])
    expect(summary.get_by_role("link")).to_have_text(words["not_a_number"])
    expect(page.locator("#wage-error")).to_contain_text(words["not_a_number"])
    assert page.title().startswith(words["error_prefix"])
    expect(page.get_by_label(words["wage"])).to_have_value("abc")
    expect(page.get_by_label(words["shenzhen"], exact=True)).to_be_checked()
    expect(page.get_by_label(words["unemployment"], exact=True)).to_be_checked()
    expect(result(page)).not_to_contain_text("¥")

    summary.get_by_role("link").click()
    expect(page.get_by_label(words["wage"])).to_be_in_viewport()
    assert page.url.endswith("#wage")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typing_a_new_wage_updates_the_result_without_loading_a_page(page: Page, lang: str):
    words = CALCULATOR[lang]
    page.goto(f"/{lang}/calculate")
    fill_calculator(page, lang, "8,000")
    totals = result(page).locator(".key-figures")
    expect(totals).to_contain_text("¥2,400.00")
    url = page.url
    mark_document(page)

    wage = page.get_by_label(words["wage"])
    wage.clear()
    wage.press_sequentially("10000")

    # The live update waits for typing to pause (500 ms) and for the server: generous under a loaded test run.
    expect(totals).to_contain_text(f"{words['per_month']} ¥3,000.00", timeout=15_000)
    expect(totals).to_contain_text(f"{words['per_year']} ¥36,000.00")
    assert same_document(page), "the page was reloaded instead of updating the result region"
    assert page.url == url
    expect(wage).to_be_focused()  # focus stays where the person is typing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_language_on_a_result_keeps_the_answers(any_page: Page, lang: str):
    page, words = any_page, CALCULATOR[lang]
    other = "en" if lang == "zh" else "zh"
    calculate(page, lang, "8,000")

    submit(page, words["other_language"])

    assert page.url.endswith(f"/{other}/calculate")
    other_words = CALCULATOR[other]
    expect(result(page).locator(".key-figures")).to_contain_text(f"{other_words['per_month']} ¥2,400.00")
    expect(page.get_by_label(other_words["wage"])).to_have_value("8,000")
    expect(page.get_by_label(other_words["shenzhen"], exact=True)).to_be_checked()


def test_a_printed_result_has_the_amounts_and_sources_but_no_menu_or_form(page: Page):
    calculate(page, "zh", "8,000")
    page.emulate_media(media="print")

    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator("form.form")).to_be_hidden()
    expect(page.locator(".language-switch")).to_be_hidden()
    expect(page.locator(".key-figures")).to_be_visible()
    expect(page.locator(".key-figures")).to_contain_text("¥2,400.00")
    expect(page.locator(".cost-table")).to_be_visible()  # on paper, what opens and closes is printed open
    expect(page.locator(".figures")).to_be_visible()
    expect(page.locator(".figures .source-line").first).to_be_visible()  # the source component (issue 25)
    expect(page.locator(".figures .source-line").first).to_contain_text("依据：")
    expect(page.locator(".result .print-only")).to_contain_text("2026年11月22日")

    page.emulate_media(media="screen")
    expect(page.locator(".site-nav")).to_be_visible()
