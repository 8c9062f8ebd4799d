"""Protection pages in a real browser: the 新职伤 self-check and the after-accident checklist with
JavaScript on and off, axe-core, and the checklist printed on one A4 page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .site import (
    CHECK,
    LANGUAGES,
    MIN_FRAME_INSET,
    answer_check_questions,
    axe_violations,
    frame_insets,
    question,
    small_touch_targets,
    submit,
    unfold,
)

pytestmark = pytest.mark.browser

WORDS = {
    "zh": {"check": "查看结果", "covered": "有保障", "show": "查看我的清单", "checklist": "您的清单",
           "meituan": "美团", "delivery": "外卖或即时配送（骑手、跑腿）", "shenzhen": "在深圳", "injured": "受伤了",
           "traffic": "交通事故（与车辆或行人）", "yes": "是"},
    "en": {"check": "Check", "covered": "Covered", "show": "Show my checklist", "checklist": "Your checklist",
           "meituan": "Meituan", "delivery": "Food or instant delivery (rider or errand runner)",
           "shenzhen": "In Shenzhen", "injured": "I was injured",
           "traffic": "A traffic accident (with a vehicle or a person)",
           "yes": "Yes"},
}


def answer_checklist(page: Page) -> None:
    for name, value in (("platform", "meituan"), ("work", "delivery"), ("during_order", "yes"), ("place", "shenzhen"),
                        ("union_member", "yes"), ("months_in_work", "yes"), ("medical_insured", "yes")):
        page.locator(f"input[type=radio][name={name}][value={value}]").check()
    for value in ("injury", "hospital", "traffic"):
        page.locator(f"input[type=checkbox][name=happened][value={value}]").check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_injury_self_check_with_and_without_javascript(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, WORDS[lang]
    page.goto(f"/{lang}/protection/injury")
    page.locator("input[type=radio][name=platform][value=meituan]").check()
    page.locator("input[type=radio][name=work][value=delivery]").check()
    page.locator("input[type=radio][name=during_order][value=yes]").check()
    result = page.locator("#injury-result")
    if javascript:
        expect(result.locator(".verdict")).to_have_text(words["covered"])
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state("load")
    expect(result.locator(".verdict")).to_have_text(words["covered"])
    expect(page.locator("input[type=radio][name=platform][value=meituan]")).to_be_checked()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_with_and_without_javascript(any_page: Page, javascript: bool, lang: str):
    page, words = any_page, WORDS[lang]
    page.goto(f"/{lang}/protection/after-accident")
    answer_checklist(page)
    result = page.locator("#checklist-result")
    if javascript:
        expect(result).to_contain_text(words["checklist"])
    page.get_by_role("button", name=words["show"], exact=True).click()
    page.wait_for_load_state("load")
    expect(result.locator("h2")).to_have_text(words["checklist"])
    expect(result).to_contain_text("12333")
    expect(result).to_contain_text("956030")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_protection_pages_have_no_axe_violations(page: Page, lang: str):
    page.goto(f"/{lang}/protection/injury")
    assert axe_violations(page) == []
    page.locator("form.form button[type=submit]").click()  # the error state
    page.wait_for_load_state("load")
    assert axe_violations(page) == []
    page.goto(f"/{lang}/protection/after-accident")
    assert axe_violations(page) == []
    answer_checklist(page)
    page.get_by_role("button", name=WORDS[lang]["show"], exact=True).click()
    page.wait_for_load_state("load")
    assert axe_violations(page) == []


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("story", ["rider", "everything"])
def test_the_checklist_prints_on_one_a4_page(page: Page, lang: str, story: str):
    page.goto(f"/{lang}/protection/after-accident")
    answer_checklist(page)
    if story == "everything":  # the longest checklist: every step, scheme and piece of evidence
        page.locator("input[type=radio][name=platform][value=jd]").check()
        page.locator("input[type=radio][name=place][value=outside_guangdong]").check()
        page.locator("input[type=radio][name=union_member][value=unknown]").check()
        for value in ("vehicle", "illness"):
            page.locator(f"input[type=checkbox][name=happened][value={value}]").check()
    page.get_by_role("button", name=WORDS[lang]["show"], exact=True).click()
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_protection_pages_have_large_targets_and_no_sideways_scrolling(phone_page: Page, lang: str):
    page = phone_page
    for path, fill in ((f"/{lang}/protection/injury", None), (f"/{lang}/protection/after-accident", answer_checklist)):
        page.goto(path)
        if fill:
            fill(page)
            page.get_by_role("button", name=WORDS[lang]["show"], exact=True).click()
            page.wait_for_load_state("load")
        assert small_touch_targets(page) == []
        for width in (360, 320):
            page.set_viewport_size({"width": width, "height": 640})
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
        page.set_viewport_size({"width": 360, "height": 640})


# The check: a full-time JD rider is routed to employee insurance (issue 12) ----------------------------------

JD = {"zh": {"question": "您是京东雇用的全职骑手吗？", "route": "您通过京东按职工参保，不按灵活就业人员参保"},
      "en": {"question": "Are you a full-time rider employed by JD (京东)?",
             "route": "You are insured through JD as an employee, not as a flexible worker"}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_check_routes_a_full_time_jd_rider_with_and_without_javascript(any_page: Page, javascript: bool,
                                                                           lang: str):
    page, words = any_page, CHECK[lang]
    page.goto(f"/{lang}/check")
    jd_question = page.locator("#q-jd_full_time")
    if javascript:
        expect(jd_question).to_be_hidden()  # a follow-up: only once "platform worker" is chosen
    answer_check_questions(page, lang, ("1990", "5", "31"))
    expect(jd_question).to_be_visible()
    only_for = jd_question.locator("summary")
    if javascript:  # shown once it applies, open, without the line saying whom it is for
        expect(only_for).to_be_hidden()
        expect(question(page, JD[lang]["question"])).to_be_visible()
    else:  # folded under that line, closed
        expect(only_for).to_have_text({"zh": "京东全职骑手才需要回答（选填）",
                                       "en": "Only for JD (京东) full-time riders (optional)"}[lang])
        expect(question(page, JD[lang]["question"])).to_be_hidden()
    unfold(page, "#q-jd_full_time")
    question(page, JD[lang]["question"]).get_by_label(words["yes"], exact=True).check()
    route = page.locator("#employee-route")
    if javascript:
        expect(route.locator("h3")).to_have_text(JD[lang]["route"])  # live, before the button
    submit(page, words["see_result"])
    expect(route.locator("h3")).to_have_text(JD[lang]["route"])
    expect(route).to_contain_text("12333")
    expect(page.locator(".verdict-item--no")).to_have_count(3)
    expect(page.locator(".verdict-item--yes")).to_have_count(0)
    page.locator("#more-next-steps > summary").click()  # "What to do next", below the answer (issue 23)
    expect(page.locator('#more-next-steps a[href$="/protection/after-accident"]')).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_jd_route_and_the_guangdong_plan_have_no_axe_violations(page: Page, lang: str):
    page.goto(f"/{lang}/check")
    answer_check_questions(page, lang, ("1990", "5", "31"))
    question(page, JD[lang]["question"]).get_by_label(CHECK[lang]["yes"], exact=True).check()
    submit(page, CHECK[lang]["see_result"])
    expect(page.locator("#employee-route")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"/{lang}/protection/after-accident")
    answer_checklist(page)
    page.get_by_role("button", name=WORDS[lang]["show"], exact=True).click()
    page.wait_for_load_state("load")
    page.locator("#more-schemes > summary").click()  # which schemes may pay, below the first steps (issue 23)
    expect(page.locator(".checklist__plan table")).to_be_visible()
    assert axe_violations(page) == []


def show_injury_result(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/protection/injury")
    for name, value in (("platform", "meituan"), ("work", "delivery"), ("during_order", "yes")):
        page.locator(f"input[type=radio][name={name}][value={value}]").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state("load")


def show_checklist(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/protection/after-accident")
    answer_checklist(page)
    page.get_by_role("button", name=WORDS[lang]["show"], exact=True).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("show", "frame"), [(show_injury_result, "injury-outcome"), (show_checklist, "checklist")])
def test_the_results_text_stays_inside_its_focus_frame_on_a_phone(phone_page: Page, lang: str, show, frame: str):
    """The address names the result (#injury-outcome, #checklist), so the browser focuses it and draws the focus
    frame around it: the text keeps 12 px from that frame on every side (issue 23: it touched it)."""
    show(phone_page, lang)
    insets = frame_insets(phone_page)
    assert insets is not None and insets["id"] == frame and insets["texts"] > 5, insets
    assert min(insets[side] for side in ("left", "right", "top", "bottom")) >= MIN_FRAME_INSET, insets
