"""The guides on a phone (issue 24): each opens with its answer in the first screen, then items that open and
close; with every item closed no guide is taller than three screens (1,920 px at 360×640), in both languages,
with JavaScript on and off. A link to an item (#id) opens it without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import PHONE
from .site import LANGUAGES

GUIDES = ("/stopping", "/leaving", "/resident-schemes", "/faq", "/glossary", "/union", "/union/join",
          "/union/e-road", "/union/accident-aid", "/union/other-regions")
HUBS = ("/union",)  # a page of links to the union's schemes: its answer, then a line for each
TOOLS = ("/union/join", "/union/e-road", "/union/accident-aid")  # open with their form showing
THREE_SCREENS = 3 * PHONE["height"]

# A page's own tool (the union pages' check or calculator) opens with the page; the rest of the page is measured
# with it closed too, as a reader who has used it and closed it sees the page.
CLOSE_TOOLS = """() => { for (const item of document.querySelectorAll("main details.guide-item[open]")) {
  if (item.querySelector("form")) { item.open = false; } } }"""
MEASURE = """() => {
  const answer = document.querySelector("main .summary__headline, main .page-answer__text");
  const box = answer ? answer.getBoundingClientRect() : null;
  return {
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    answer: answer ? answer.innerText.trim() : "",
    answerBottom: box ? box.bottom + window.scrollY : null,
    open: [...document.querySelectorAll("main details.guide-item[open]")].length,
    items: document.querySelectorAll("main details.guide-item").length,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", GUIDES)
def test_each_guide_opens_with_its_answer_and_fits_three_screens_with_its_items_closed(any_page: Page, lang, path):
    any_page.set_viewport_size(PHONE)
    any_page.goto(f"/{lang}{path}")
    tools = any_page.locator("main details.guide-item[open]:has(form)").count()
    assert tools == (1 if path in TOOLS else 0)
    any_page.evaluate(CLOSE_TOOLS)
    found = any_page.evaluate(MEASURE)
    assert found["open"] == 0 and (found["items"] >= 3 or path in HUBS), found
    assert len(found["answer"]) > 10, "the page opens with no answer sentence"
    assert found["answerBottom"] <= PHONE["height"], f"the answer ends at {found['answerBottom']:.0f} px"
    assert found["height"] <= THREE_SCREENS, f"{path} is {found['height']} px tall with its items closed"
    assert found["width"] <= PHONE["width"], f"{path} scrolls sideways: {found['width']} px wide"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_resident_comparison_reads_on_a_phone_without_sideways_scrolling(any_page: Page, lang):
    any_page.set_viewport_size(PHONE)
    any_page.goto(f"/{lang}/resident-schemes")
    for summary in any_page.locator("details.compare-row > summary").all():
        summary.click()
    assert any_page.locator("details.compare-row[open]").count() == 6
    assert any_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cells = any_page.locator(".compare-cell").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    assert len(cells) == 12 and all(width <= PHONE["width"] for width in cells)


@pytest.mark.browser
@pytest.mark.parametrize("path, item, words", [
    ("/zh/stopping#no_pension_back_payment", "no_pension_back_payment", "请不要指望补缴"),
    ("/zh/glossary#term-base", "term-base", "缴费基数"),
    ("/en/faq#back_payment", "back_payment", "we found no Shenzhen or Guangdong text"),
])
def test_a_link_to_an_item_opens_it_with_or_without_javascript(any_page: Page, path, item, words):
    any_page.set_viewport_size(PHONE)
    any_page.goto(path)
    body = any_page.locator(f"[id='{item}']")
    assert body.is_visible()
    assert any_page.evaluate(f"document.getElementById('{item}').closest('details').open")
    if words:
        assert words in body.inner_text()
    top = body.evaluate("element => element.closest('details').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"]


@pytest.mark.browser
def test_an_item_opens_and_closes_from_the_keyboard(any_page: Page):
    any_page.set_viewport_size(PHONE)
    any_page.goto("/zh/stopping")
    summary = any_page.locator("details.guide-item > summary").first
    summary.focus()
    any_page.keyboard.press("Enter")
    assert any_page.locator("details.guide-item").first.evaluate("d => d.open")
    any_page.keyboard.press("Space")
    assert not any_page.locator("details.guide-item").first.evaluate("d => d.open")
