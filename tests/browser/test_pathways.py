"""The other paths in a real browser (issue 11): the guide pages, 延缴 on the check and forecast pages,
and the calculator's unemployment wage; with JavaScript on and off, axe-core, touch targets and 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .site import LANGUAGES, MIN_TARGET, axe_violations, small_touch_targets

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
NARROWEST = 320
SEE_RESULT = {"zh": "查看结果", "en": "See my result"}
ESTIMATE = {"zh": "估算我的养老金", "en": "Estimate my pension"}
CALCULATE = {"zh": "计算", "en": "Calculate"}
EXTENSION = {
    "zh": "您还差60个月：如果从2026年11月开始每月缴，到2031年10月缴满",
    "en": "You are 60 months short: paying every month from November 2026, you would reach the minimum in "
          "October 2031",
}
# A man born 1965-01-15 (statutory age reached 2025-02) with 120 months paid, pension drawn in Shenzhen.
CHECK_ANSWERS = {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15",
                 "contributed_months": "120"}
CHECK_CHOICES = {"sex": "male", "hukou": "shenzhen", "work": "platform", "platform_qualified": "yes",
                 "full_time_student": "no", "employer_insured": "no", "pension_place": "shenzhen"}


def fill_check(page: Page, lang: str) -> None:
    """In the page's order: the questions about paying on appear (with JavaScript) once the birth date
    and sex bring them up."""
    page.goto(f"/{lang}/check")
    for name, value in CHECK_ANSWERS.items():
        if name != "contributed_months":
            page.locator(f'input[name="{name}"]').fill(value)
    for name, value in CHECK_CHOICES.items():
        if name != "pension_place":
            page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.locator('input[name="contributed_months"]').fill(CHECK_ANSWERS["contributed_months"])
    page.locator(f'input[name="pension_place"][value="{CHECK_CHOICES["pension_place"]}"]').check()


def check_extension(page: Page, lang: str) -> None:
    fill_check(page, lang)
    page.get_by_role("button", name=SEE_RESULT[lang], exact=True).click()
    page.wait_for_load_state("load")


def forecast_extension(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/forecast")
    page.locator(".assumptions-box > summary").click()  # the rates sit behind "change the assumptions"
    for name, value in {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15",
                        "paid_years": "10", "paid_months": "0", "wage_growth": "0", "interest": "0"}.items():
        page.locator(f'input[name="{name}"]').fill(value)
    page.locator('input[name="sex"][value="male"]').check()
    page.locator('input[name="base"][value="floor"]').check()
    page.get_by_role("button", name=ESTIMATE[lang], exact=True).click()
    page.wait_for_load_state("load")


def calculate_unemployment(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/calculate")
    page.locator('input[name="wage"]').fill("8000")
    page.locator('input[name="unemployment_wage"]').fill("60000")
    page.locator('input[name="hukou"][value="guangdong"]').check()
    page.locator('input[name="insurances"][value="unemployment"]').check()
    page.get_by_role("button", name=CALCULATE[lang], exact=True).last.click()
    page.wait_for_load_state("load")


STATES: dict[str, Callable[[Page, str], None]] = {
    "stopping": lambda page, lang: page.goto(f"/{lang}/stopping"),
    "leaving": lambda page, lang: page.goto(f"/{lang}/leaving"),
    "resident": lambda page, lang: page.goto(f"/{lang}/resident-schemes"),
    "check-extension": check_extension,
    "forecast-extension": forecast_extension,
    "calculate-unemployment-wage": calculate_unemployment,
}
PARAMS = [pytest.param(state, lang, id=f"{state}-{lang}") for state in STATES for lang in LANGUAGES]


@pytest.mark.parametrize(("state", "lang"), PARAMS)
def test_no_accessibility_violations(page: Page, state: str, lang: str):
    STATES[state](page, lang)
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} problem(s) on {page.url}:\n" + "\n".join(violations)


@pytest.mark.parametrize(("state", "lang"), PARAMS)
def test_touch_targets_and_no_sideways_scrolling_on_a_phone(page: Page, state: str, lang: str):
    page.set_viewport_size(PHONE)
    STATES[state](page, lang)
    too_small = small_touch_targets(page)
    page.set_viewport_size({"width": NARROWEST, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert too_small == [] and width <= NARROWEST, (
        f"on {page.url}: touch targets lower than {MIN_TARGET} px: {too_small}; page width at 320 px: {width} px")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_past_retirement_age_the_check_offers_paying_on(any_page: Page, javascript: bool, lang: str):
    page = any_page
    fill_check(page, lang)
    if javascript:  # the live result answers as soon as the questions are answered
        expect(page.locator("#check-result")).to_contain_text(EXTENSION[lang])
    page.get_by_role("button", name=SEE_RESULT[lang], exact=True).click()
    page.wait_for_load_state("load")
    expect(page.locator(".notice--continue_contributing")).to_contain_text(EXTENSION[lang])
    expect(page.locator(".notice--lump_sum")).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_past_retirement_age_the_forecast_estimates_after_paying_on(any_page: Page, lang: str):
    forecast_extension(any_page, lang)
    expect(any_page.locator("#extension")).to_contain_text("¥57,300.00")
    expect(any_page.locator(".total-highlight")).to_contain_text("¥2,091.61")


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
    page.locator('#stop_before_you_go a[href$="/stopping"]').click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text({"zh": "停保、断缴和补缴", "en": "Stopping, gaps and back payment"}[lang])
