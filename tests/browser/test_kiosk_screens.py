"""Kiosk mode on the real screen: a 1080×1920 portrait touch screen, as in a social-insurance office.

A tap that dismisses the idle warning goes nowhere else; the phone hand-off (and "Finish and clear")
is on the first screen of every result; every interactive element of every kiosk page state is at
least 56×56 px; and axe finds nothing on the new states.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.site_map import page_urls
from tests.web.kiosk_support import RESULTS

from .conftest import kiosk_instance, serve
from .site import CALCULATOR, LANGUAGES, axe_violations

pytestmark = pytest.mark.browser

SCREEN = {"width": 1080, "height": 1920}
KIOSK_TARGET = 56  # CSS px, both ways: fingers on an office touch screen
IDLE_SECONDS = 2
STAY = {"zh": "我还在", "en": "I'm still here"}
STILL_THERE = {"zh": "您还在吗？", "en": "Are you still there?"}
FINISH = {"zh": "完成并清除", "en": "Finish and clear"}
HANDOFF = {"zh": "把结果带到手机上", "en": "Take this result with you on your phone"}
KEYPAD = {"zh": "数字键盘", "en": "Number keypad"}
E_ROAD_ALL_YES = {condition: "yes" for condition in
                  ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")}


def kiosk_app(idle: int = 600, warning: int = 600):
    return kiosk_instance(idle, warning, PUBLIC_BASE_URL="https://advisor.example.cn")


@pytest.fixture(scope="module")
def screen_app():
    return kiosk_app()


@pytest.fixture(scope="module")
def screen_server(screen_app) -> Iterator[str]:
    """A kiosk whose idle time is long: no warning interrupts the measuring."""
    yield from serve(screen_app, "kiosk-screen-server")


@pytest.fixture(scope="module")
def warning_server() -> Iterator[str]:
    """A kiosk that warns after two idle seconds and then waits: time to tap "I'm still here"."""
    yield from serve(kiosk_app(idle=IDLE_SECONDS), "kiosk-warning-server")


@pytest.fixture
def terminal_screen() -> dict[str, int]:
    """The `terminal` fixture's pages fill the whole real screen here."""
    return SCREEN


def post(page: Page, path: str, data: dict) -> None:
    """Send a form's answers as the page's own form would (a full-page POST), then wait for the result."""
    pairs = [[name, value] for name, values in data.items()
             for value in (values if isinstance(values, list) else [values])]
    page.goto(path)
    with page.expect_navigation():
        page.evaluate("""([action, pairs]) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = action;
            for (const [name, value] of pairs) {
                const input = document.createElement("input");
                input.type = "hidden"; input.name = name; input.value = value;
                form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
        }""", [path, pairs])
    page.wait_for_load_state("load")


# --- "I'm still here" ---------------------------------------------------------------------------------------

def type_five_and_wait_for_the_warning(page: Page, lang: str) -> list[str]:
    """The reported journey: 5 typed on the on-screen keypad, then the idle warning. Returns the list
    that collects every request the page sends from now on."""
    page.goto(f"/{lang}/calculate")
    page.get_by_label(CALCULATOR[lang]["wage"]).tap()
    page.get_by_role("group", name=KEYPAD[lang]).get_by_role("button", name="5", exact=True).tap()
    page.wait_for_load_state("networkidle")  # the live update for "5" (typing waits 500 ms) has been and gone
    expect(page.get_by_role("dialog", name=STILL_THERE[lang])).to_be_visible(timeout=(IDLE_SECONDS + 3) * 1000)
    page.wait_for_timeout(300)  # nothing else is on its way
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url} {request.post_data or ''}"))
    return sent


def answers(page: Page) -> dict:
    return page.evaluate("""() => ({
        url: location.href,
        wage: document.querySelector("[name=wage]").value,
        checked: [...document.querySelectorAll("input:checked")].map(input => input.name + "=" + input.value),
        result: document.querySelector("#cost-result").innerText,
    })""")


def tap_at(page: Page, box: dict) -> None:
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_still_here_tap_changes_nothing_and_sends_nothing(terminal, warning_server: str, lang: str):
    page = terminal(warning_server)
    sent = type_five_and_wait_for_the_warning(page, lang)
    before = answers(page)
    assert before["wage"] == "5"

    tap_at(page, page.get_by_role("button", name=STAY[lang]).bounding_box())
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.wait_for_timeout(1000)  # long enough for a click that slipped through to post the form
    assert answers(page) == before
    assert sent == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_tap_beside_the_warning_does_not_press_the_button_under_it(terminal, warning_server: str, lang: str):
    """The backdrop covers the quick-choice buttons ("100% of the average" and the rest): a tap there
    dismisses the warning and nothing else."""
    page = terminal(warning_server)
    quick = page.locator("button[name=quick]")
    sent = type_five_and_wait_for_the_warning(page, lang)
    before = answers(page)
    dialog_box = page.get_by_role("dialog").bounding_box()
    inside = lambda x, y: (dialog_box["x"] <= x <= dialog_box["x"] + dialog_box["width"]  # noqa: E731
                           and dialog_box["y"] <= y <= dialog_box["y"] + dialog_box["height"])
    beside = [(box["x"] + dx, box["y"] + box["height"] / 2)
              for box in map(lambda button: button.bounding_box(), quick.all())
              for dx in (6, box["width"] - 6) if not inside(box["x"] + dx, box["y"] + box["height"] / 2)]
    assert beside, "part of a quick-choice button must lie beside the warning for this test"

    page.touchscreen.tap(*beside[0])  # on the backdrop, right over the button
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.wait_for_timeout(1000)
    assert answers(page) == before
    assert sent == []


def test_the_warning_comes_back_after_the_still_here_tap(terminal, warning_server: str):
    """The tap counts as activity: the idle time starts again, and the page is still guarded."""
    page = terminal(warning_server)
    type_five_and_wait_for_the_warning(page, "zh")
    page.get_by_role("button", name=STAY["zh"]).tap()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("dialog", name=STILL_THERE["zh"])).to_be_visible(timeout=(IDLE_SECONDS + 3) * 1000)


# --- The hand-off on the first screen --------------------------------------------------------------------

RESULT_STATES = [pytest.param(url, data, id=url) for url, data in RESULTS]


@pytest.mark.parametrize(("url", "data"), RESULT_STATES)
def test_the_handoff_is_on_the_first_screen_of_every_result(terminal, screen_server: str, url: str, data: dict):
    page = terminal(screen_server)
    post(page, url, data)
    lang = url.split("/")[1]
    handoff = page.get_by_role("region", name=HANDOFF[lang])
    result = page.locator("section.result, section.guide").filter(has=handoff)  # the register result is its guide
    result.evaluate("element => element.scrollIntoView({block: 'start'})")
    top = result.bounding_box()["y"]
    code = handoff.locator("svg[role=img]").bounding_box()
    finish = handoff.get_by_role("link", name=FINISH[lang]).bounding_box()
    # From the result's first line, the whole code and its "Finish and clear" fit on one screen.
    code_end = code["y"] + code["height"] - top
    assert code_end <= SCREEN["height"], f"the code ends {code_end:.0f} px below the result's first line"
    assert finish["y"] + finish["height"] - top <= SCREEN["height"]
    assert code["width"] >= 280  # big enough to scan from a screen at arm's length


@pytest.mark.parametrize("lang", LANGUAGES)
def test_finish_and_clear_beside_the_code_clears_the_result(terminal, screen_server: str, lang: str):
    page = terminal(screen_server)
    url, data = next((u, d) for u, d in RESULTS if u == f"/{lang}/calculate")
    post(page, url, data)
    page.get_by_role("region", name=HANDOFF[lang]).get_by_role("link", name=FINISH[lang]).tap()
    page.wait_for_url(f"{screen_server}/zh/")
    expect(page.locator("body")).not_to_contain_text("8,000")


# --- 56 px targets on every state ------------------------------------------------------------------------

# Every element a finger can press. Radios and checkboxes are pressed on their labels.
INTERACTIVE = ", ".join([
    "a[href]", "button", "select", "textarea", "summary",
    "input:not([type=hidden], [type=radio], [type=checkbox])", ".radio__label", ".checkbox__label",
    "[tabindex]:not([tabindex='-1'])",
])
MEASURE_ALL = """selector => {
  document.querySelectorAll("details").forEach(details => { details.open = true; });  // what they hide counts too
  return [...document.querySelectorAll(selector)]
    .filter(element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden")
    .map(element => {
      const box = element.getBoundingClientRect();
      const text = (element.innerText || element.value || element.id || element.tagName).trim().replace(/\\s+/g, " ");
      return {text: text.slice(0, 40), tag: element.tagName.toLowerCase(), width: box.width, height: box.height,
              offscreen: box.right <= 0};
    });
}"""


def kiosk_pages(app) -> list[str]:
    """Every page a kiosk offers: the site's pages without the union staff's tools (no kiosk links to them)."""
    return [url for url in page_urls(app) if "/outreach" not in url]


def open_keypad(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/calculate")
    page.get_by_label(CALCULATOR[lang]["wage"]).tap()
    expect(page.get_by_role("group", name=KEYPAD[lang])).to_be_visible()


def change_an_answer(page: Page, lang: str) -> None:
    post(page, f"/{lang}/check", dict(next(d for u, d in RESULTS if u == f"/{lang}/check")))
    page.locator("button[name=edit]").first.click()
    page.wait_for_load_state("load")


def states(app) -> list[tuple[str, Callable[[Page], None]]]:
    found: list[tuple[str, Callable[[Page], None]]] = []
    for url in kiosk_pages(app):
        found.append((f"GET {url}", lambda page, url=url: page.goto(url)))
    for lang in LANGUAGES:
        for path in ("calculate", "check", "forecast", "register", "union/accident-aid", "union/e-road", "union/join"):
            url = f"/{lang}/{path}"
            found.append((f"POST {url} (nothing answered)", lambda page, url=url: post(page, url, {})))
        extra = [(f"/{lang}/register", {"hukou": "shenzhen"}), (f"/{lang}/union/e-road", E_ROAD_ALL_YES)]
        for url, data in [(u, d) for u, d in RESULTS if u.startswith(f"/{lang}/")] + extra:
            found.append((f"POST {url} (answered)", lambda page, url=url, data=data: post(page, url, data)))
        found.append((f"keypad /{lang}/calculate", lambda page, lang=lang: open_keypad(page, lang)))
        found.append((f"change /{lang}/check", lambda page, lang=lang: change_an_answer(page, lang)))
        found.append((f"404 /{lang}/", lambda page, lang=lang: page.goto(f"/{lang}/no-such-page")))
    return found


def test_every_interactive_element_on_every_kiosk_state_is_at_least_56_px(terminal, screen_app, screen_server: str):
    page = terminal(screen_server)
    small = []
    measured = 0
    for name, reach in states(screen_app):
        reach(page)
        for target in page.evaluate(MEASURE_ALL, INTERACTIVE):
            if target["offscreen"]:
                continue  # the skip link, until it is focused (measured below)
            measured += 1
            if target["height"] < KIOSK_TARGET - 0.5 or target["width"] < KIOSK_TARGET - 0.5:
                small.append(f"{name}: {target['tag']} “{target['text']}” {target['width']:.0f}×{target['height']:.0f}")
    assert small == [], f"{len(small)} targets under {KIOSK_TARGET}×{KIOSK_TARGET} px:\n" + "\n".join(small)
    assert measured > 1000

    page.goto("/zh/calculate")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link").bounding_box()
    assert skip["height"] >= KIOSK_TARGET and skip["width"] >= KIOSK_TARGET


def test_the_idle_warning_targets_are_at_least_56_px(terminal, warning_server: str):
    page = terminal(warning_server)
    page.goto("/zh/forecast")
    stay = page.get_by_role("button", name=STAY["zh"])
    expect(stay).to_be_visible(timeout=(IDLE_SECONDS + 3) * 1000)
    box = stay.bounding_box()
    assert box["height"] >= KIOSK_TARGET and box["width"] >= KIOSK_TARGET


# --- axe on the new states --------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "data"), RESULT_STATES)
def test_results_with_the_handoff_first_pass_axe(terminal, screen_server: str, url: str, data: dict):
    page = terminal(screen_server)
    post(page, url, data)
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_warning_after_a_dismissed_warning_passes_axe(terminal, warning_server: str, lang: str):
    page = terminal(warning_server)
    type_five_and_wait_for_the_warning(page, lang)
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
