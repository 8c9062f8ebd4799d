"""Outreach tools in Chromium: the handout prints on exactly one A4 page, slides and quiz steps follow
the keyboard, and the pages pass axe in both languages."""

from __future__ import annotations

import io
import math
import re
import unicodedata

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.site import axe_violations

pytestmark = pytest.mark.browser

# A PDF page object is "/Type /Page"; the page tree is "/Type /Pages".
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
HANDOUT_WORDS = {"zh": ("956030", "¥955.00", "最低缴费基数"), "en": ("956030", "¥955.00", "The lowest base")}
HANDOUT_SMALLEST_PT = 11  # type a worker reads without glasses at a table
KEY_FIGURES = ("¥1,493.16", "956030", "12333")  # the least a month, the union's claim line, the official hotline
KEY_FIGURE_PT = 16
A4_HEIGHT_PT = 841.89
HANDOUT_MARGIN_PT = 12 / 25.4 * 72  # @page handout { margin: 12mm }
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
    expect(page.locator("#quiz-step")).not_to_contain_text("属于深圳工会实名会员")
    page.get_by_role("link", name="显示答案").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("答案：A")
    expect(page.locator(".quiz-option--correct")).to_have_text("A.必须是 ✓ 正确答案")
    expect(page.locator(".quiz-answer blockquote")).to_have_text("属于深圳工会实名会员。")
    expect(page.locator(".quiz-answer .source")).to_contain_text(
        "《“深工守护”综合保障服务项目》，申领条件1")
    expect(page.locator("main")).not_to_contain_text("原文如此")
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
    for number in range(1, 7):  # every slide, its speaker notes open
        page.goto(f"/{lang}/outreach/present/{number}")
        page.locator(".slide-notes summary").click()
        assert axe_violations(page) == [], f"slide {number}"
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

def text_runs(pdf: bytes) -> list[tuple[float, float, str]]:
    """Every run of text in the PDF: its size in points (font size × the text and page matrices' scale), how far
    its baseline is from the top of the page in points, and the text."""
    runs: list[tuple[float, float, str]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        height = float(page.mediabox.height)

        def visit(text, cm, tm, _font, font_size, height=height):
            if text.strip():
                scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
                baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((round(font_size * scale, 2), height - baseline, text.strip()))

        page.extract_text(visitor_text=visit)
    return runs


def text_sizes(pdf: bytes) -> dict[float, list[str]]:
    """The runs of text by their size in points."""
    sizes: dict[float, list[str]] = {}
    for size, _, text in text_runs(pdf):
        sizes.setdefault(size, []).append(text)
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
def test_the_handout_prints_on_one_page_with_the_three_key_figures_large_and_nothing_under_11_pt(context, lang: str):
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1
    runs = text_runs(pdf)
    assert len(runs) > 100  # the reader really saw the sheet's text
    smallest = min(runs)
    assert smallest[0] >= HANDOUT_SMALLEST_PT - 0.02, f"{smallest[2]!r} at {smallest[0]} pt"
    for figure in KEY_FIGURES:
        printed = [size for size, _, text in runs if figure in text]
        assert printed and max(printed) >= KEY_FIGURE_PT, f"{figure} printed at {printed} pt"
    # The page is used: the last line sits in the bottom tenth of the printable area (the page is over 90% full).
    lowest = max(top for _, top, _ in runs)
    printable = A4_HEIGHT_PT - 2 * HANDOUT_MARGIN_PT
    filled = (lowest - HANDOUT_MARGIN_PT) / printable
    assert filled >= 0.9, f"the last line ends at {lowest:.0f} pt of {A4_HEIGHT_PT} pt: {filled:.0%} of the page"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_says_each_caveat_once(context, lang: str):
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    text = page.locator(".handout").inner_text()
    rounding = {"zh": "四舍五入", "en": "half-up"}[lang]
    provisional = {"zh": "还在核实", "en": "Unverified"}[lang]
    assert text.count(rounding) == 1
    # The status twice: beside the least a month (worked out from those figures) and once with all the reasons.
    assert text.count(provisional) == 2
    expect(page.locator(".handout__lowest h3 .status--provisional")).to_have_text(provisional)
    expect(page.locator(".handout__notes .status--provisional")).to_have_count(1)
    assert text.count("956030") == 1 and text.count("12333") == 1
    for source in ("在深灵活就业人员参保讲解", "粤人社发〔2025〕32号"):
        assert text.count(source) == 1, source
    assert "公开计算器" not in text  # research material is for the sources page, not a worker's sheet


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_has_room_for_one_more_line(context, lang: str):
    """A line such as "本站数字更新：…" under the date still leaves the sheet on one page."""
    page = context.new_page()
    page.goto(f"/{lang}/outreach/handout")
    words = {"zh": "本站数字更新：2026年11月22日，依据各项官方通知。",
             "en": "Figures on this site updated on 22 November 2026, from the official notices."}[lang]
    page.evaluate("""words => {
        const line = document.createElement("p");
        line.className = "handout__date handout__extra";
        line.textContent = words;
        document.querySelector(".handout__date").after(line);
    }""", words)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1
    printed = unicodedata.normalize("NFKC", "".join(text for *_, text in text_runs(pdf)))  # ⽉ → 月, ﬁ → fi
    assert unicodedata.normalize("NFKC", words).replace(" ", "") in printed.replace(" ", "")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 703, "height": 1032})  # A4's width less the 12 mm margins, at 96 dpi
    assert page.locator(".handout__extra").evaluate(
        "line => line.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(line).lineHeight)"
    ), "the added line is one line"


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


# Every text node a person in the room can see: not inside a closed <details>, not hidden, not the site's
# screen-reader-only text (.visually-hidden), with a box on screen. For each: its text and computed size.
VISIBLE_TEXT = """root => {
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, element = node.parentElement;
        if (!node.textContent.trim() || element.closest(".visually-hidden")) continue;
        if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if (![...range.getClientRects()].some(r => r.width > 1 && r.height > 1)) continue;
        found.push([node.textContent, parseFloat(getComputedStyle(element).fontSize)]);
    }
    return found;
}"""
SLIDE_CHARACTERS = {"zh": 150, "en": 400}  # visible characters, spaces aside; English runs ~2.7 times longer
PROJECTOR = {"width": 1366, "height": 768}
SMALLEST_ON_A_PROJECTOR_PX = 24


def room_view(page: Page) -> tuple[str, list[tuple[str, float]]]:
    """What the room sees: the slide's own text (title and body), and every visible text on the screen with its size."""
    slide = "".join(text for text, _ in page.locator(".slide").evaluate(VISIBLE_TEXT))
    return re.sub(r"\s+", "", slide), [(t.strip(), size) for t, size in page.locator("main").evaluate(VISIBLE_TEXT)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_is_short_and_in_type_the_back_of_the_room_can_read(new_context, lang: str):
    page = new_context(viewport=PROJECTOR).new_page()
    for number in range(1, 7):
        page.goto(f"/{lang}/outreach/present/{number}")
        slide, texts = room_view(page)
        assert len(slide) <= SLIDE_CHARACTERS[lang], f"slide {number}: {len(slide)} characters: {slide}"
        assert len(slide) >= 40, f"slide {number}: the measure saw only {slide!r}"
        smallest = min(texts, key=lambda text: text[1])
        assert smallest[1] >= SMALLEST_ON_A_PROJECTOR_PX, f"slide {number}: {smallest[0]!r} at {smallest[1]} px"
        assert any(text == {"zh": "讲解备注", "en": "Speaker notes"}[lang] for text, _ in texts)


def test_the_measures_see_small_type_and_long_slides(new_context):
    """The two measures above can fail: small print and a long text on a slide are both caught."""
    page = new_context(viewport=PROJECTOR).new_page()
    page.goto("/zh/outreach/present/4")
    page.evaluate("""() => {
        const small = document.createElement("p");
        small.style.fontSize = "13.5px";
        small.textContent = "金额取整规则".repeat(30);
        document.querySelector(".slide").append(small);
    }""")
    slide, texts = room_view(page)
    assert len(slide) > SLIDE_CHARACTERS["zh"]
    assert min(size for _, size in texts) == 13.5


@pytest.mark.parametrize("lang, caveat", [("zh", "取整"), ("en", "Rounding")])
def test_the_cost_slide_keeps_its_caveats_in_the_speaker_notes(new_context, lang: str, caveat: str):
    page = new_context(viewport=PROJECTOR).new_page()
    page.goto(f"/{lang}/outreach/present/4")
    slide, texts = room_view(page)
    assert "¥955.00" in slide and "¥4,775.00" in slide and "¥538.16" in slide
    badge = page.locator(".slide-table caption .status--provisional")
    expect(badge).to_have_text({"zh": "还在核实", "en": "Unverified"}[lang])  # the figures' status stays on the slide
    assert caveat not in "".join(text for text, _ in texts)
    notes = page.locator(".slide-notes")
    expect(notes.locator(".slide__statuses")).to_be_hidden()
    notes.locator("summary").click()
    expect(notes.locator(".slide__statuses")).to_contain_text(caveat)
    expect(notes.locator(".slide__statuses .status--provisional").first).to_be_visible()
    expect(notes).to_contain_text("¥2,690.64")  # the medical ceiling, with the sources, for the presenter
    expect(notes).to_contain_text("粤人社发〔2025〕32号")


@pytest.mark.parametrize("screen", [{"width": 360, "height": 640}, {"width": 1080, "height": 1920}],
                         ids=["phone", "kiosk"])
def test_slides_read_on_a_phone_and_a_kiosk_without_sideways_scrolling(new_context, screen):
    page = new_context(viewport=screen).new_page()
    for lang in ("zh", "en"):
        for number in range(1, 7):
            page.goto(f"/{lang}/outreach/present/{number}")
            assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"], (lang, number)
            if page.locator(".slide-table").count():  # the cost table fits its box: nothing hidden to the right
                box = page.locator(".table-scroll")
                assert box.evaluate("box => box.scrollWidth <= box.clientWidth"), (lang, number)
            _, texts = room_view(page)
            assert min(size for _, size in texts) >= 16, (lang, number)


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
