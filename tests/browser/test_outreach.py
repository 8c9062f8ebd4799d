"""Outreach tools in Chromium: the handout prints on exactly one A4 page, slides and quiz steps follow
the keyboard, and the pages pass axe in both languages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.site import axe_violations

pytestmark = pytest.mark.browser

# A PDF page object is "/Type /Page"; the page tree is "/Type /Pages".
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
HANDOUT_WORDS = {"zh": ("956030", "¥955.00", "最低缴费基数"), "en": ("956030", "¥955.00", "The lowest base")}


def pdf_pages(pdf: bytes) -> int:
    return len(PDF_PAGE.findall(pdf))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_prints_on_exactly_one_a4_page(context, lang: str):
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    for words in HANDOUT_WORDS[lang]:
        expect(page.locator(".handout")).to_contain_text(words)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) == 1


def test_the_page_counter_counts_pages_of_a_longer_document(context):
    """The page counter must be able to say 2, or the one-page check above could never fail."""
    page = context.new_page()
    page.set_content("<p>one</p><p style='break-before: page'>two</p>")
    assert pdf_pages(page.pdf(format="A4")) == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_prints_its_qr_codes_as_inline_svg(context, lang: str):
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    page.emulate_media(media="print")
    codes = page.locator(".handout svg.qr")
    expect(codes).to_have_count(2)
    box = codes.first.bounding_box()
    assert box and box["width"] >= 80 and abs(box["width"] - box["height"]) < 1  # about 24 mm, square


def test_arrow_and_page_keys_move_between_slides(context):
    page = context.new_page()
    page.goto("/en/outreach/present/1")
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/en/outreach/present/2")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who may enroll")
    page.keyboard.press("PageDown")
    page.wait_for_url("**/en/outreach/present/3")
    page.keyboard.press("PageUp")
    page.wait_for_url("**/en/outreach/present/2")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**/en/outreach/present/1")
    page.keyboard.press("ArrowLeft")  # no slide before the first: the page stays
    expect(page.locator(".slide__counter")).to_have_text("Slide 1 of 6")


def test_without_javascript_the_next_and_previous_buttons_are_links(no_js_context):
    page = no_js_context.new_page()
    page.goto("/zh/outreach/present/3")
    page.get_by_role("link", name=re.compile("^下一页")).click()
    page.wait_for_url("**/zh/outreach/present/4")
    expect(page.locator(".slide-table")).to_contain_text("¥955.00")
    page.get_by_role("link", name=re.compile("^上一页")).click()
    page.wait_for_url("**/zh/outreach/present/3")


def test_the_quiz_reveals_the_answer_in_place_and_the_keys_step_through(context):
    page = context.new_page()
    page.goto("/zh/outreach/quiz/1")
    expect(page.locator("#quiz-step")).not_to_contain_text("956030")
    page.get_by_role("link", name="显示答案").click()
    expect(page.locator("#quiz-step")).to_contain_text("请拨打956030")
    expect(page.get_by_role("heading", level=2)).to_have_text("答案：待确认")
    page.wait_for_url("**/zh/outreach/quiz/1/answer")  # the address follows, so reloading keeps the step
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/zh/outreach/quiz/2")
    page.keyboard.press("ArrowRight")  # on a question, "next" is its answer
    expect(page.locator(".quiz-option--correct")).to_contain_text("B. 不需要")


def test_without_javascript_the_quiz_reveal_is_a_link(no_js_context):
    page = no_js_context.new_page()
    page.goto("/en/outreach/quiz/3")
    page.get_by_role("link", name="Show the answer").click()
    page.wait_for_url("**/en/outreach/quiz/3/answer")
    expect(page.locator(".quiz-option--correct")).to_contain_text("D. All of the above")


MEMBERSHIP = {
    "zh": {"groups": ("货车司机", "网约车司机", "快递员", "网约配送员", "其他群体"),
           "columns": ("摸底人数", "入会目标数", "已入会数量", "录入粤工惠平台数"), "submit": "计算完成率和总计"},
    "en": {"groups": ("Truck drivers", "Ride-hailing drivers", "Couriers", "Delivery riders", "Other groups"),
           "columns": ("Surveyed", "Target", "Joined", "Entered in 粤工惠"), "submit": "Work out rates and totals"},
}


def fill_membership(page: Page, lang: str, joined_by_truck_drivers: str) -> None:
    """Every group: surveyed 300, target 200, joined 150, entered 120; truck drivers' joined as given."""
    words = MEMBERSHIP[lang]
    for group in words["groups"]:
        values = ("300", "200", joined_by_truck_drivers if group == words["groups"][0] else "150", "120")
        for column, value in zip(words["columns"], values, strict=True):
            page.get_by_label(f"{group} {column}", exact=True).fill(value)
    page.get_by_role("button", name=words["submit"]).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outreach_pages_pass_axe(context, lang: str):
    page = context.new_page()
    for path in ("outreach", "outreach/present/1", "outreach/present/4", "outreach/present/6",
                 "outreach/quiz", "outreach/quiz/3/answer", "outreach/quiz/1/answer", "outreach/handout",
                 "outreach/membership"):
        page.goto(f"/{lang}/{path}")
        assert axe_violations(page) == [], path
    fill_membership(page, lang, "400")  # more joined than surveyed: the error state
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == [], "membership error"
    fill_membership(page, lang, "150")
    expect(page.locator(".progress-table")).to_contain_text("75.0%")
    assert axe_violations(page) == [], "membership result"
