"""工会保障 in a real browser: the claim check and the payout calculator with JavaScript on and off,
and every union page state free of axe-core violations, small touch targets and sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .site import LANGUAGES, MIN_TARGET, axe_violations, small_touch_targets

pytestmark = pytest.mark.browser

WORDS = {
    "zh": {"accident": "第{n}次意外：个人自付金额（元）", "work_out": "计算补偿", "add": "再加一次意外",
           "yes": "是", "no": "否", "unknown": "不知道", "check": "查看结果", "met": "五个条件都符合",
           "not_met": "有条件不符合", "unclear": "还不能确定", "problem": "有问题需要修改",
           "agency": "您是劳务派遣人员（由派遣公司派到用工单位工作）。", "show_route": "看看我可以在哪里入会",
           "agency_route": "可以在劳务派遣单位加入工会，也可以在用工单位加入工会。"},
    "en": {"accident": "Accident {n}: what you paid yourself (yuan)", "work_out": "Work out the payout",
           "add": "Add another accident", "yes": "Yes", "no": "No", "unknown": "I don't know", "check": "Check",
           "met": "All five conditions met", "not_met": "Not every condition is met", "unclear": "Not clear yet",
           "problem": "There is a problem",
           "agency": "You are an agency worker (placed with a user company by a labour-dispatch agency).",
           "show_route": "Show where I can join",
           "agency_route": "Join the union at the dispatch agency or at the company you are placed with."},
}
CONDITIONS = ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")


def submit(page: Page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def amount_box(page: Page, lang: str, number: int):
    return page.get_by_label(WORDS[lang]["accident"].format(n=number), exact=True)


def answer_conditions(page: Page, answers: dict[str, str]) -> None:
    for condition, answer in answers.items():
        page.locator(f"input[name={condition}][value={answer}]").check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_accidents_of_12000_pay_10000_with_and_without_javascript(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, WORDS[lang]
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
    page, words = any_page, WORDS[lang]
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
    page, words = any_page, WORDS[lang]
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
    page, words = any_page, WORDS[lang]
    page.goto(f"/{lang}/union/e-road")
    result = page.locator("#claim-result")
    answer_conditions(page, {condition: "yes" for condition in CONDITIONS})
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
    page, words = any_page, WORDS[lang]
    page.goto(f"/{lang}/union/join")
    page.get_by_label(words["agency"], exact=True).check()
    if javascript:
        expect(page.locator("#join-route")).to_contain_text(words["agency_route"])
    submit(page, words["show_route"])
    expect(page.locator("#join-route")).to_contain_text(words["agency_route"])


# Every state of every union page ------------------------------------------------------------------

def e_road_error(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/union/e-road")
    answer_conditions(page, {"member": "yes"})
    submit(page, WORDS[lang]["check"])


def e_road_result(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/union/e-road")
    answer_conditions(page, {**{c: "yes" for c in CONDITIONS}, "occupation": "unknown"})
    submit(page, WORDS[lang]["check"])


def join_result(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/union/join")
    page.get_by_label(WORDS[lang]["agency"], exact=True).check()
    submit(page, WORDS[lang]["show_route"])


def aid_error(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/union/accident-aid")
    amount_box(page, lang, 1).fill("abc")
    submit(page, WORDS[lang]["work_out"])


def aid_result(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/union/accident-aid")
    amount_box(page, lang, 1).fill("12000")
    amount_box(page, lang, 2).fill("12000")
    amount_box(page, lang, 3).fill("350")
    submit(page, WORDS[lang]["work_out"])


def visit(path: str) -> Callable[[Page, str], None]:
    return lambda page, lang: page.goto(f"/{lang}{path}")


UNION_STATES: dict[str, Callable[[Page, str], None]] = {
    "union": visit("/union"),
    "e-road-empty": visit("/union/e-road"),
    "e-road-error": e_road_error,
    "e-road-result": e_road_result,
    "join-empty": visit("/union/join"),
    "join-result": join_result,
    "accident-aid-empty": visit("/union/accident-aid"),
    "accident-aid-error": aid_error,
    "accident-aid-result": aid_result,
    "other-regions": visit("/union/other-regions"),
}
STATES = [pytest.param(state, lang, id=f"{state}-{lang}") for state in UNION_STATES for lang in LANGUAGES]


@pytest.mark.parametrize(("state", "lang"), STATES)
def test_no_accessibility_violations(page: Page, state: str, lang: str):
    UNION_STATES[state](page, lang)
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} problem(s) on {page.url}:\n" + "\n".join(violations)


@pytest.mark.parametrize(("state", "lang"), STATES)
def test_touch_targets_and_no_sideways_scrolling_on_a_phone(page: Page, state: str, lang: str):
    page.set_viewport_size({"width": 360, "height": 640})
    UNION_STATES[state](page, lang)
    too_small = small_touch_targets(page)
    assert too_small == [], f"touch targets lower than {MIN_TARGET} px on {page.url}: {too_small}"
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} is {width} px wide on a 320 px screen"
