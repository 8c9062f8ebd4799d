"""No layout shift on the forms (issue 23): Lighthouse measured CLS 0.107 on /zh/check and 0.080 on /zh/forecast,
because static/js/questions.js hid the questions that do not apply after the first paint.

Measured as Lighthouse's mobile run would: Chromium on a phone screen (Lighthouse's own 412×823, where those figures
are reproduced exactly, and 360×640), the CPU slowed four times, and every script but head.js arriving late (so the
page is painted before the deferred scripts run, as on a slow phone network). A PerformanceObserver for
'layout-shift' adds up every shift not caused by the person's own input, from the first paint until the page has
settled. Every form page, in both languages; each must stay under 0.02.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from tests.site_map import form_page_urls

from .conftest import PHONE

LIGHTHOUSE_PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile screen (a Moto G Power)

pytestmark = pytest.mark.browser

MAX_CLS = 0.02
SCRIPT_DELAY_SECONDS = 0.4  # every script but the head's arrives this late: the page paints before they run
CPU_SLOWDOWN = 4  # Lighthouse's mobile setting

# Installed before any of the page's own scripts: the shifts are summed as they are reported.
OBSERVE = """
window.__layoutShift = {total: 0, shifts: []};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) { continue; }
    window.__layoutShift.total += entry.value;
    window.__layoutShift.shifts.push({value: entry.value, nodes: (entry.sources || []).map(source =>
      source.node ? (source.node.id || source.node.className || source.node.nodeName) : "?")});
  }
}).observe({type: "layout-shift", buffered: true});
"""


def form_pages() -> list[str]:
    from advisor import create_app
    from tests.conftest import TODAY
    return form_page_urls(create_app({"TESTING": True, "ADVISOR_TODAY": TODAY}))


SCREENS = (("zh", LIGHTHOUSE_PHONE, "412"), ("zh", PHONE, "360"), ("en", LIGHTHOUSE_PHONE, "412"))
PAGES = [pytest.param(url.replace("/zh/", f"/{lang}/", 1), screen, id=f"{url.replace('/zh/', f'{lang}/', 1)}-{name}")
         for url in form_pages() for lang, screen, name in SCREENS]


@pytest.fixture
def slow_phone(context: BrowserContext) -> Page:
    page = context.new_page()
    page.add_init_script(OBSERVE)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})

    def late(route: Route) -> None:
        if route.request.resource_type == "script" and not route.request.url.split("?")[0].endswith("/head.js"):
            time.sleep(SCRIPT_DELAY_SECONDS)
        route.fallback()

    page.route("**/static/**", late)
    return page


def cumulative_layout_shift(page: Page, url: str) -> dict:
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1000)  # settled: the deferred scripts have run and any shift has been reported
    return page.evaluate("window.__layoutShift")


@pytest.mark.parametrize(("url", "screen"), PAGES)
def test_a_form_does_not_move_while_it_loads(slow_phone: Page, url: str, screen: dict[str, int]):
    slow_phone.set_viewport_size(screen)
    found = cumulative_layout_shift(slow_phone, url)
    assert found["total"] < MAX_CLS, f"{url}: cumulative layout shift {found['total']:.3f}: {found['shifts']}"


@pytest.mark.parametrize("url", ["/zh/check", "/zh/forecast"])
def test_without_javascript_every_question_shows_and_with_it_only_those_that_apply(
        no_js_context: BrowserContext, context: BrowserContext, url: str):
    """What holds the questions back in the first paint needs JavaScript: without it each shows (saying whom it
    is for); with it the women's question waits for the answer "woman"."""
    plain = no_js_context.new_page()
    plain.goto(url)
    expect(plain.locator('input[name="female_category"]').first).to_be_visible()
    scripted = context.new_page()
    scripted.goto(url)
    expect(scripted.locator('input[name="female_category"]').first).to_be_hidden()
    scripted.locator('input[name="sex"][value="female"]').check()
    expect(scripted.locator('input[name="female_category"]').first).to_be_visible()
