"""The first screen decides (issue 23): on every result page, at 360×640, the first 640 px of the result hold the
answer sentence, the figures that matter and the next step as a button (and save/send where a result can be
saved); with everything below collapsed no result is taller than 1,600 px. zh and en, JavaScript on and off.
Measured from the top of the page's result region (the part of the page the answer fills)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from .site import (
    CHECK,
    FORECAST_BUTTON,
    LANGUAGES,
    PAGE_STATES,
    PAST_AGE_CHOICES,
    assert_key_figures_whole,
    axe_violations,
    submit,
    unfold,
)
from .test_pension_at_retirement import answer as answer_pension
from .test_pension_at_retirement import submit as submit_pension
from .test_protection import show_checklist as after_accident
from .test_protection import show_injury_result as injury

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
FIRST_SCREEN = 640
TALLEST = 1600


def man_born_1966_03(page: Page, lang: str) -> None:
    """Born 1966-03-15, 150 months paid, pension drawn in Shenzhen: past the statutory age (2026-07), 30 short."""
    page.goto(f"/{lang}/check")
    for name, value in {"birth_date-year": "1966", "birth_date-month": "3", "birth_date-day": "15"}.items():
        page.locator(f'input[name="{name}"]').fill(value)
    for name, value in PAST_AGE_CHOICES.items():
        if name != "pension_place":
            page.locator(f'input[name="{name}"][value="{value}"]').check()
    unfold(page, "[data-asked-when=near-retirement]")
    page.locator('input[name="contributed_months"]').fill("150")
    page.locator('input[name="pension_place"][value="shenzhen"]').check()
    submit(page, CHECK[lang]["see_result"])


def rider_forecast(page: Page, lang: str, platform: str | None = None) -> None:
    """The typical rider: born 1996, nothing paid yet, the lowest base (and a platform's subsidy)."""
    page.goto(f"/{lang}/forecast")
    if platform:
        page.locator(f'input[name="platform_subsidy"][value="{platform}"]').check()
    for name, value in {"birth_date-year": "1996", "birth_date-month": "3", "birth_date-day": "15",
                        "paid_years": "0", "paid_months": "0"}.items():
        page.locator(f'input[name="{name}"]').fill(value)
    page.locator('input[name="sex"][value="male"]').check()
    page.locator('input[name="hukou"][value="other_province"]').check()
    page.locator('input[name="base"][value="floor"]').check()
    submit(page, FORECAST_BUTTON[lang])


def rider_cost(page: Page, lang: str) -> None:
    """The rider's cost: Meituan's subsidy (its condition not answered) and 新职伤 in the summary, three figures."""
    page.goto(f"/{lang}/calculate")
    page.locator('input[name="platform_subsidy"][value="meituan"]').check()
    page.locator('input[name="hukou"][value="guangdong"]').check()
    for scheme in ("pension", "medical", "unemployment"):
        page.locator(f'input[name="insurances"][value="{scheme}"]').check()
    page.locator('button[name="quick"][value="floor"]').click()
    page.wait_for_load_state("load")
    expect(page.locator("#cost-result .summary")).to_contain_text("新职伤")


def pension_at_retirement(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/pension-at-retirement")
    answer_pension(page)
    submit_pension(page, lang)


def register_with_what_i_have(page: Page, lang: str) -> None:
    """Hukou outside Guangdong, with WeChat and an ID card at hand: the page names the one way that fits."""
    page.goto(f"/{lang}/register")
    page.locator('input[name="hukou"][value="other_province"]').check()
    for value in ("wechat", "id_card"):
        page.locator(f'input[name="have"][value="{value}"]').check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state("load")


# Each result page: how to reach it, its result region, and whether its result can be saved and sent.
RESULTS: dict[str, tuple[Callable[[Page, str], None], str, bool]] = {
    "check": (PAGE_STATES["check-result"], "#check-result", True),
    "check-extension": (man_born_1966_03, "#check-result", True),
    "calculate": (PAGE_STATES["calculate-result"], "#cost-result", True),
    "calculate-platform": (rider_cost, "#cost-result", True),
    "forecast": (rider_forecast, "#forecast-result", True),
    "forecast-platform": (lambda page, lang: rider_forecast(page, lang, "meituan"), "#forecast-result", True),
    "forecast-extension": (PAGE_STATES["forecast-extension"], "#forecast-result", True),
    "register": (PAGE_STATES["register-result"], "#register-guide", True),
    "pension-at-retirement": (pension_at_retirement, "#pension-result", True),
    "injury": (injury, "#injury-result", True),
    "after-accident": (after_accident, "#checklist-result", True),
}

BOTTOM = """([region, selector]) => {
  const top = document.querySelector(region).getBoundingClientRect().top;
  const element = document.querySelector(region + ' ' + selector);
  return element ? element.getBoundingClientRect().bottom - top : null;
}"""
COLLAPSED_HEIGHT = """region => {
  document.querySelectorAll(region + ' details[open]').forEach(details => { details.open = false; });
  return document.querySelector(region).getBoundingClientRect().height;
}"""


def bottom_in_result(page: Page, region: str, selector: str) -> float:
    bottom = page.evaluate(BOTTOM, [region, selector])
    assert bottom is not None, f"{selector} is missing from {region}"
    return bottom


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", RESULTS)
def test_the_first_screen_holds_the_answer_its_figures_and_the_next_step(any_page: Page, name: str, lang: str):
    page = any_page
    page.set_viewport_size(PHONE)
    reach, region, saved = RESULTS[name]
    reach(page, lang)
    expect(page.locator(f"{region} .summary__headline")).to_be_visible()
    inside = {"the answer sentence": ".summary", "the next step": ".next-step .button"}
    if page.locator(f"{region} .key-figures").count():
        inside["the key figures"] = ".key-figures"
        assert_key_figures_whole(page)
    if saved:
        inside["save or send"] = ".save-result"
    for what, selector in inside.items():
        assert bottom_in_result(page, region, selector) <= FIRST_SCREEN, f"{name}: {what} lies below the first screen"
    height = page.evaluate(COLLAPSED_HEIGHT, region)
    assert height <= TALLEST, f"{name}: {height:.0f} px with everything collapsed"


EXTENSION = {
    "zh": "您可以延缴：再缴30个月，每月约¥955.00，缴到2029年4月；从2029年5月起可以按月领养老金。",
    "en": "You can pay on (延缴) for 30 more months at about ¥955.00 a month, until April 2029; from May 2029 you "
          "can draw a monthly pension.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_man_born_in_march_1966_reads_that_he_can_pay_on_inside_the_first_screen(any_page: Page, lang: str):
    """30 months short of 180 at his statutory age (2026-07): 延缴 from 2026-11 to 2029-04 at the lowest base's
    20% (¥4,775 × 20% = ¥955), the monthly pension from 2029-05 (content/rules/notices.yaml continue_contributing)."""
    page = any_page
    page.set_viewport_size(PHONE)
    man_born_1966_03(page, lang)
    line = page.locator("#check-result .summary__lines li", has_text=EXTENSION[lang][:12])
    expect(line).to_have_text(EXTENSION[lang])
    top = page.locator("#check-result").bounding_box()["y"]
    box = line.bounding_box()
    assert box["y"] + box["height"] - top <= FIRST_SCREEN
    expect(page.locator("#check-result .next-step .button")).to_have_text(
        {"zh": "下一步：延缴后能领多少？", "en": "Next: my pension after 延缴"}[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", RESULTS)
def test_no_accessibility_violations_in_the_new_result_layout(phone_page: Page, name: str, lang: str):
    reach, region, _saved = RESULTS[name]
    reach(phone_page, lang)
    assert axe_violations(phone_page) == []
    phone_page.evaluate(f"document.querySelectorAll('{region} details').forEach(d => {{ d.open = true; }})")
    assert axe_violations(phone_page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_forecast_comparison_fits_360_px_without_sliding_sideways(phone_page: Page, lang: str):
    page = phone_page
    rider_forecast(page, lang)
    page.locator("#more-comparison > summary").click()
    blocks = page.locator(".base-block")
    expect(blocks.first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for index in range(blocks.count()):
        box = blocks.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    caption = page.locator("#forecast-table-caption").bounding_box()
    assert caption["x"] + caption["width"] <= PHONE["width"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_saved_link_opened_without_javascript_says_why_the_form_is_empty(no_js_context, lang: str):
    page = no_js_context.new_page()
    page.goto(f"/{lang}/calculate#a=w=8000&h=shenzhen&i=pension&m=2026-11")
    expect(page.locator("#saved-link-noscript")).to_have_text(
        {"zh": "打开的是保存的链接？要运行脚本才能填回您的回答，请直接回答下面的问题。",
         "en": "Opened a saved link? Filling your answers back in needs JavaScript: answer the questions below "
               "instead."}[lang])
    expect(page.locator('input[name="wage"]')).to_have_value("")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_javascript_a_saved_link_fills_the_form_and_says_nothing_about_javascript(page: Page, lang: str):
    page.goto(f"/{lang}/calculate#a=w=8000&h=shenzhen&i=pension&m=2026-11")
    expect(page.locator("#cost-result .summary__headline")).to_be_visible()
    expect(page.get_by_text({"zh": "打开的是保存的链接", "en": "Opened a saved link"}[lang])).to_have_count(0)


# The results saved since issue 23's last round (register, 新职伤, after an accident): how to reach each, its region,
# and the radio and checkbox answers its saved link must bring back.
SAVED_RESULTS: dict[str, tuple[Callable[[Page, str], None], str, dict[str, tuple[str, ...]]]] = {
    "register": (register_with_what_i_have, "#register-guide",
                 {"hukou": ("other_province",), "have": ("wechat", "id_card")}),
    "injury": (injury, "#injury-result", {"platform": ("meituan",), "work": ("delivery",), "during_order": ("yes",)}),
    "after-accident": (after_accident, "#checklist-result",
                       {"happened": ("injury", "hospital", "traffic"), "place": ("shenzhen",),
                        "medical_insured": ("yes",)}),
}
NO_SCRIPT_LINE = {
    "zh": "打开的是保存的链接？要运行脚本才能填回您的回答，请直接回答下面的问题。",
    "en": "Opened a saved link? Filling your answers back in needs JavaScript: answer the questions below instead.",
}


def saved_link(page: Page, region: str) -> str:
    page.locator(f"{region} .save-result summary").click()
    link = page.locator(f"{region} .save-result__link").input_value()
    assert "#a=" in link and "?" not in link  # the answers ride after "#", never in what a server sees
    return link


def checked(page: Page, name: str) -> tuple[str, ...]:
    return tuple(page.eval_on_selector_all(f'main form.form input[name="{name}"]:checked',
                                           "boxes => boxes.map(box => box.value)"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", SAVED_RESULTS)
def test_the_saved_link_reopens_the_same_answer_with_the_answers_filled_in(any_page: Page, browser: Browser,
                                                                          name: str, lang: str):
    """Saved on one phone (JavaScript on or off), opened on another with JavaScript: the same answer sentence and
    lines, the same answers ticked in the form, and nothing left after "#" in the address."""
    page = any_page
    page.set_viewport_size(PHONE)
    reach, region, answers = SAVED_RESULTS[name]
    reach(page, lang)
    summary = page.locator(f"{region} .summary").inner_text()
    assert summary.strip()
    link = saved_link(page, region)

    fresh = browser.new_context(viewport=PHONE)  # another phone: JavaScript on, nothing shared
    other = fresh.new_page()
    other.goto(link)
    expect(other.locator(f"{region} .summary")).to_have_text(summary)
    for field, values in answers.items():
        assert checked(other, field) == values, field
    assert "#a=" not in other.url
    fresh.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", SAVED_RESULTS)
def test_the_saved_link_without_javascript_says_why_and_offers_the_empty_form(no_js_context, name: str, lang: str):
    reach, region, answers = SAVED_RESULTS[name]
    page = no_js_context.new_page()
    page.set_viewport_size(PHONE)
    reach(page, lang)
    link = saved_link(page, region)
    expect(page.locator("#saved-link-noscript")).to_have_count(0)  # not beside a result

    other = no_js_context.new_page()  # the saved link, opened where no script runs
    other.set_viewport_size(PHONE)
    other.goto(link)
    line = other.locator("#saved-link-noscript")
    expect(line).to_have_text(NO_SCRIPT_LINE[lang])
    assert line.bounding_box()["y"] + line.bounding_box()["height"] <= FIRST_SCREEN
    expect(other.locator(f"{region} .summary")).to_have_count(0)
    for field in answers:
        assert checked(other, field) == (), field
    expect(other.locator("main form.form button[type=submit]")).to_be_visible()
