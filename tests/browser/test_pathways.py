"""The other paths in a real browser (issue 11): the guide pages, 延缴 on the check and forecast pages,
and the calculator's unemployment wage; with JavaScript on and off. (Their pages' axe-core, touch-target and
320 px checks are with every page's, in tests/browser/test_accessibility.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import (
    CHECK,
    LANGUAGES,
    calculate_unemployment,
    fill_check_past_the_age,
    forecast_past_the_age,
    submit,
)

pytestmark = pytest.mark.browser

EXTENSION = {
    "zh": "您还差60个月：如果从2026年11月开始每月缴，到2031年10月缴满",
    "en": "You are 60 months short: paying every month from November 2026, you would reach the minimum in "
          "October 2031",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_past_retirement_age_the_check_offers_paying_on(any_page: Page, javascript: bool, lang: str):
    page = any_page
    fill_check_past_the_age(page, lang)
    if javascript:  # the live result answers as soon as the questions are answered
        expect(page.locator("#check-result")).to_contain_text(EXTENSION[lang])
    submit(page, CHECK[lang]["see_result"])
    expect(page.locator(".notice--continue_contributing")).to_contain_text(EXTENSION[lang])
    page.locator("#more-notices > summary").click()  # the notices open below the answer (issue 23)
    expect(page.locator(".notice--continue_contributing")).to_be_visible()
    expect(page.locator(".notice--lump_sum")).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_past_retirement_age_the_forecast_estimates_after_paying_on(any_page: Page, lang: str):
    forecast_past_the_age(any_page, lang)
    expect(any_page.locator("#extension")).to_contain_text("¥57,300.00")
    expect(any_page.locator("#forecast-result .key-figures")).to_contain_text("¥2,091.61")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_unemployment_wage_is_clamped_on_the_calculator(any_page: Page, lang: str):
    calculate_unemployment(any_page, lang)
    expect(any_page.locator(".cost-table")).to_contain_text("¥442.65")
    expect(any_page.locator(".unemployment-benefit")).to_contain_text("¥2,430.00")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guides_link_each_other(any_page: Page, lang: str):
    page = any_page
    page.goto(f"/{lang}/register")
    page.locator('#stop_when_leaving a[href$="/leaving"]').click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text({"zh": "离开深圳：社保怎么办",
                                             "en": "Leaving Shenzhen: what happens to your insurance"}[lang])
    page.locator("details:has(#stop_before_you_go) > summary").click()  # the item opens with a tap
    page.locator('#stop_before_you_go a[href$="/stopping"]').click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text({"zh": "停保、断缴和补缴", "en": "Stopping, gaps and back payment"}[lang])
