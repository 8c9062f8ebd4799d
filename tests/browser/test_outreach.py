"""Outreach tools in Chromium: the handout prints on exactly one A4 page, slides and quiz steps follow
the keyboard, and the pages pass axe in both languages."""

from __future__ import annotations

import io
import math
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.site import axe_violations

pytestmark = pytest.mark.browser

# A PDF page object is "/Type /Page"; the page tree is "/Type /Pages".
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
HANDOUT_WORDS = {"zh": ("956030", "¥955.00", "最低缴费基数"), "en": ("956030", "¥955.00", "The lowest base")}
HANDOUT_SMALLEST_PT = 10.5  # type a worker reads without glasses at a table
PRESENTER_SCREENS = [{"width": 1366, "height": 768}, {"width": 1920, "height": 1080}]
ROOM_BODY_PX = 28  # body type read from the back of a room, on a 1080 p projector


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
    for code in codes.all():
        box = code.bounding_box()
        # 31 mm and square: scans from a table
        assert box and box["width"] >= 115 and abs(box["width"] - box["height"]) < 1


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
    expect(page.get_by_role("heading", level=2)).to_have_text("现在可以这样回答")
    expect(page.locator(".quiz-answer__say")).to_contain_text("我们正在向市总工会（956030）核实")
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


# --- The handout, read back from its PDF ------------------------------------------------------------------

def text_sizes(pdf: bytes) -> dict[float, list[str]]:
    """Every run of text in the PDF by its size in points (font size × the text and page matrices' scale)."""
    sizes: dict[float, list[str]] = {}

    def visit(text, cm, tm, _font, font_size):
        if text.strip():
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            sizes.setdefault(round(font_size * scale, 2), []).append(text.strip())

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def calculator_total(page: Page, lang: str, wage: str) -> str:
    """The calculator's own monthly total: pension and medical, no Shenzhen hukou, 2026-11."""
    page.goto(f"/{lang}/calculate")
    page.evaluate("""wage => {
        const form = document.querySelector("form[action*='/calculate']");
        form.querySelector("[name=wage]").value = wage;
        form.querySelector("[name=hukou][value=other_province]").checked = true;
        form.querySelectorAll("[name=insurances]").forEach(box => {
            box.checked = ["pension", "medical"].includes(box.value);
        });
        form.querySelector("[name=month]").value = "2026-11";
        form.submit();
    }""", wage)
    page.wait_for_load_state("load")
    return page.locator("#cost-result .key-figures dd").first.inner_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_type_is_at_least_10_5_pt_on_one_page(context, lang: str):
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1
    sizes = text_sizes(pdf)
    assert min(sizes) >= HANDOUT_SMALLEST_PT - 0.01, f"smallest text {min(sizes)} pt: {sizes[min(sizes)][:5]}"
    assert sum(len(runs) for runs in sizes.values()) > 100  # the reader really saw the sheet's text
    assert any("1,493.16" in "".join(runs) for runs in sizes.values())  # the lowest total, in the PDF itself


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_leads_with_the_calculators_lowest_total(context, lang: str):
    """Pension + medical at their lowest bases, no Shenzhen hukou, 2026-11: the calculator's own sum."""
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    lowest = page.locator(".handout__lowest")
    expect(lowest).to_contain_text("¥1,493.16")
    first_amount = page.locator(".handout").inner_text().index("¥")
    assert page.locator(".handout").inner_text()[first_amount:].startswith("¥1,493.16")  # the first sum on the sheet
    expect(lowest).to_contain_text("¥955.00")
    expect(lowest).to_contain_text("¥538.16")
    assert calculator_total(page, lang, "4775") == "¥1,493.16"  # 4,775: the pension floor, below medical's


# --- Slides in a room -------------------------------------------------------------------------------------

@pytest.mark.parametrize("screen", PRESENTER_SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_fits_the_screen_without_scrolling(new_context, outside_requests, screen, lang: str):
    context = outside_requests.guard(new_context(viewport=screen))
    page = context.new_page()
    for number in range(1, 7):
        page.goto(f"/{lang}/outreach/present/{number}")
        measured = page.evaluate("""() => ({
            scroll: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,
            body: parseFloat(getComputedStyle(document.body).fontSize),
            chrome: [...document.querySelectorAll(".site-header, .site-footer")]
                      .filter(e => e.getClientRects().length).length,
            notes: Math.min(...[...document.querySelectorAll(".slide__statuses li, .slide__source")]
                                  .map(e => parseFloat(getComputedStyle(e).fontSize))),
        })""")
        assert measured["scroll"] <= screen["height"], f"slide {number}: {measured['scroll']} px tall"
        assert measured["width"] <= screen["width"], f"slide {number}: {measured['width']} px wide"
        assert measured["chrome"] == 0, f"slide {number} shows the site's header or footer"
        if screen["height"] == 1080:
            assert measured["body"] >= ROOM_BODY_PX, f"slide {number}: body {measured['body']} px"
            assert measured["notes"] >= 24, f"slide {number}: status notes and sources {measured['notes']} px"
        expect(page.locator("[data-fullscreen]")).to_be_visible()


def test_the_full_screen_button_fills_the_screen_and_stays_for_the_next_slide(context):
    page = context.new_page()
    page.goto("/en/outreach/present/3")
    page.get_by_role("button", name="Full screen").click()
    page.wait_for_function("document.fullscreenElement === document.documentElement")
    expect(page.get_by_role("button", name="Full screen")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/en/outreach/present/4")
    expect(page.get_by_role("heading", level=1)).to_have_text("What it costs each month")
    assert page.evaluate("document.fullscreenElement === document.documentElement")  # the room keeps its screen
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")


# --- The membership table ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_count_boxes_line_up_under_their_headings(context, lang: str):
    page = context.new_page()
    page.goto(f"/{lang}/outreach/membership")
    rights = page.evaluate("""() => {
        const table = document.querySelector(".membership-table");
        const headings = [...table.querySelectorAll("thead th.num")].map(th => th.getBoundingClientRect().right);
        return [...table.querySelectorAll("tbody tr")].map(row =>
            [...row.querySelectorAll("input")].map((input, i) => [headings[i], input.getBoundingClientRect().right]));
    }""")
    for row in rights:
        for heading, box in row:
            assert abs(heading - box) <= 8, f"a box ends at {box:.0f} px, its heading at {heading:.0f} px"
