"""Kiosk mode in Chromium: a separate kiosk instance (short idle time) beside the public site, as an
office deploys it. The idle warning and return to the start, "Finish and clear" with Back, the
on-screen keypad, the hand-off of a result to a phone, and axe and 56 px targets on kiosk pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from werkzeug.datastructures import MultiDict

from tests.web.kiosk_support import (  # tests/web/test_handoff.py: the page draws this address
    AFTER_ACCIDENT,
    INJURY,
    REGISTER,
    handoff_url,
)

from .conftest import OutsideRequests, kiosk_instance, serve
from .site import (
    CALCULATOR,
    CHECK,
    LANGUAGES,
    MEASURE,
    TOUCH_TARGETS,
    answer_check_questions,
    axe_violations,
    calculate,
    fill_calculator,
    submit,
)
from .test_results_first_screen import SAVED_RESULTS

pytestmark = pytest.mark.browser

IDLE_SECONDS = 3
WARNING_SECONDS = 2
COUNTDOWN_SECONDS = 10
KIOSK_TARGET = 56  # CSS px: fingers on an office touch screen
UNION = {"zh": "工会保障", "en": "Union protection"}
WORDS = {
    "zh": {"finish": "完成并清除", "still_there": "您还在吗？", "stay": "我还在", "keypad": "数字键盘",
           "delete": "删除最后一位", "done": "完成", "handoff": "把结果带到手机上",
           "clear_in": "这个页面将在{n}秒后清空，", "left": "还剩5秒。", "start": "在深圳以灵活就业人员身份参保"},
    "en": {"finish": "Finish and clear", "still_there": "Are you still there?", "stay": "I'm still here",
           "keypad": "Number keypad", "delete": "Delete the last digit", "done": "Done",
           "handoff": "Take this result with you on your phone",
           "clear_in": "This page will clear in {n} seconds,", "left": "5 seconds left.",
           "start": "Insure yourself as a flexible worker in Shenzhen"},
}


@pytest.fixture(scope="session")
def kiosk_app(live_server: str):
    """A kiosk instance whose hand-off codes open the public site (the session's live server). Its idle
    time is long, so no warning interrupts a journey."""
    return kiosk_instance(600, 20, PUBLIC_BASE_URL=live_server)


@pytest.fixture(scope="session")
def kiosk_server(kiosk_app) -> Iterator[str]:
    yield from serve(kiosk_app, "kiosk-server")


@pytest.fixture(scope="session")
def fast_kiosk_server() -> Iterator[str]:
    """A kiosk with a short idle time, as a test can wait for it."""
    yield from serve(kiosk_instance(IDLE_SECONDS, WARNING_SECONDS), "fast-kiosk-server")


@pytest.fixture(scope="session")
def patient_kiosk_server() -> Iterator[str]:
    """A kiosk that warns at once and then waits: the warning stays open while axe checks it."""
    yield from serve(kiosk_instance(1, 600), "patient-kiosk-server")


@pytest.fixture(scope="session")
def counting_kiosk_server() -> Iterator[str]:
    """A kiosk that warns after a second and counts 10 seconds down: long enough for the last-seconds call."""
    yield from serve(kiosk_instance(1, COUNTDOWN_SECONDS), "counting-kiosk-server")


@pytest.fixture
def counting_kiosk(terminal, counting_kiosk_server: str) -> Page:
    return terminal(counting_kiosk_server)


@pytest.fixture
def kiosk(terminal, kiosk_server: str) -> Page:
    return terminal(kiosk_server)


@pytest.fixture
def fast_kiosk(terminal, fast_kiosk_server: str) -> Page:
    return terminal(fast_kiosk_server)


@pytest.fixture
def patient_kiosk(terminal, patient_kiosk_server: str) -> Page:
    return terminal(patient_kiosk_server)


def start_url(kiosk_server: str) -> str:
    return f"{kiosk_server}/zh/"


def stay_button(page: Page, lang: str):
    return page.get_by_role("button", name=WORDS[lang]["stay"])


# --- Idle timeout -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_the_idle_time_a_warning_then_back_to_the_start(fast_kiosk: Page, fast_kiosk_server: str, lang: str):
    page = fast_kiosk
    page.goto(f"/{lang}/calculate")
    page.get_by_label(CALCULATOR[lang]["wage"]).fill("8000")
    dialog = page.get_by_role("dialog", name=WORDS[lang]["still_there"])
    expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 2) * 1000)
    expect(stay_button(page, lang)).to_be_focused()  # the one thing to press, ready for a key too
    expect(page.locator("#kiosk-idle-announce")).to_contain_text(WORDS[lang]["still_there"])
    page.wait_for_url(start_url(fast_kiosk_server), timeout=(WARNING_SECONDS + 2) * 1000)
    expect(page.locator("body")).not_to_contain_text("8000")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_warning_counts_the_seconds_down_and_speaks_only_at_the_start_and_the_end(counting_kiosk: Page,
                                                                                     lang: str):
    page, words = counting_kiosk, WORDS[lang]
    page.goto(f"/{lang}/calculate")
    page.get_by_label(CALCULATOR[lang]["wage"]).fill("8000")
    expect(page.get_by_role("dialog", name=words["still_there"])).to_be_visible(timeout=4000)
    text, seconds = page.locator("#kiosk-idle-text"), page.locator("#kiosk-idle [data-kiosk-countdown]")
    announce = page.locator("#kiosk-idle-announce")
    opened = int(seconds.inner_text())
    assert opened in (COUNTDOWN_SECONDS, COUNTDOWN_SECONDS - 1)
    expect(text).to_contain_text(words["clear_in"].format(n=opened))
    spoken = announce.inner_text()
    assert words["still_there"] in spoken
    # The figure goes down one by one, on screen only: the live region keeps its one announcement.
    for left in range(opened - 1, 5, -1):
        expect(text).to_contain_text(words["clear_in"].format(n=left), timeout=1500)
        assert announce.inner_text() == spoken
    # With 5 seconds left, a second and last announcement.
    expect(text).to_contain_text(words["clear_in"].format(n=5), timeout=1500)
    expect(announce).to_have_text(words["left"])
    stay_button(page, lang).click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(announce).to_have_text("")


def test_i_am_still_here_keeps_the_page_and_the_answers(fast_kiosk: Page, fast_kiosk_server: str):
    page = fast_kiosk
    page.goto("/en/calculate")
    wage = page.get_by_label(CALCULATOR["en"]["wage"])
    wage.fill("8000")
    expect(stay_button(page, "en")).to_be_visible(timeout=(IDLE_SECONDS + 2) * 1000)
    stay_button(page, "en").click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.wait_for_timeout((WARNING_SECONDS + 0.5) * 1000)  # past the moment the page would have cleared
    assert page.url == f"{fast_kiosk_server}/en/calculate"
    expect(wage).to_have_value("8000")


def test_the_untouched_start_page_stays_put(fast_kiosk: Page):
    page = fast_kiosk
    page.goto("/zh/")
    page.evaluate("window.stillTheSameDocument = true")
    page.wait_for_timeout((IDLE_SECONDS + WARNING_SECONDS + 1) * 1000)
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert page.evaluate("window.stillTheSameDocument === true")


# --- Finish and clear, and Back ---------------------------------------------------------------------------

def finish(page: Page, lang: str, kiosk_server: str) -> None:
    """The header's "Finish and clear" (a result has a second one beside its hand-off code)."""
    page.get_by_role("banner").get_by_role("link", name=WORDS[lang]["finish"]).click()
    page.wait_for_url(start_url(kiosk_server))


def back(page: Page) -> None:
    page.go_back()
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)  # a page brought back from the back/forward cache reloads itself


def shows_no_answers(page: Page, *texts: str) -> None:
    for text in texts:
        expect(page.locator("body")).not_to_contain_text(text)
    for box in page.locator("input[type=text]").all():
        expect(box).to_have_value("")
    for choice in page.locator("input[type=radio]").all():
        expect(choice).not_to_be_checked()


def back_stays_on_the_start_page(page: Page, kiosk_server: str, times: int, *texts: str) -> None:
    """Back through every page the last person saw (`times`, from the kiosk's start page on): each time the start
    page for the next person, never a page of the last one."""
    for _ in range(times):
        back(page)
        page.wait_for_url(start_url(kiosk_server), timeout=2000)  # at once, not by the idle timeout
        expect(page.get_by_role("heading", level=1)).to_have_text(WORDS["zh"]["start"])
        shows_no_answers(page, *texts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_back_after_finish_shows_no_submitted_wage(kiosk: Page, kiosk_server: str, lang: str):
    page = kiosk
    page.goto("/zh/")  # where the terminal starts
    calculate(page, lang, "8765")
    expect(page.locator("#cost-result .key-figures")).to_be_visible()
    finish(page, lang, kiosk_server)

    # Not even the calculator as it was first opened: the session is over.
    back_stays_on_the_start_page(page, kiosk_server, 2, "8,765", "8765", "¥2,6", CALCULATOR[lang]["wage"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_back_after_finish_never_reaches_the_last_persons_pages(kiosk: Page, kiosk_server: str, lang: str):
    page = kiosk
    page.goto("/zh/")
    page.goto(f"/{lang}/calculate")
    fill_calculator(page, lang, "8765")
    expect(page.locator("#cost-result .key-figures")).to_be_visible()  # shown live, nothing submitted
    page.get_by_role("navigation").get_by_role("link", name=UNION[lang]).click()
    page.wait_for_load_state("load")
    finish(page, lang, kiosk_server)

    # Behind the start page now: the calculator with its live result, and the terminal's start page as the last
    # person found it (the union page's entry became the new start page).
    back_stays_on_the_start_page(page, kiosk_server, 2, "8,765", "8765", "¥2,6", CALCULATOR[lang]["wage"])
    # The next person's own pages go back as usual.
    page.goto(f"/{lang}/union")
    back(page)
    assert page.url == start_url(kiosk_server)
    page.go_forward()
    page.wait_for_url(f"{kiosk_server}/{lang}/union")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_back_after_finish_shows_no_birth_date(kiosk: Page, kiosk_server: str, lang: str):
    page = kiosk
    page.goto("/zh/")
    page.goto(f"/{lang}/check")
    answer_check_questions(page, lang, ("1987", "8", "14"))  # not the hint's example date
    submit(page, CHECK[lang]["see_result"])
    expect(page.locator(".verdict-list")).to_be_visible()
    finish(page, lang, kiosk_server)

    back_stays_on_the_start_page(page, kiosk_server, 2, "1987", "14 August", "8月14日")
    assert page.locator("input[value='1987']").count() == 0


def test_back_after_the_idle_timeout_never_reaches_the_last_persons_pages(fast_kiosk: Page, fast_kiosk_server: str):
    page = fast_kiosk
    page.goto("/en/union")
    page.goto("/en/calculate")
    page.get_by_label(CALCULATOR["en"]["wage"]).fill("8000")
    page.wait_for_url(start_url(fast_kiosk_server), timeout=(IDLE_SECONDS + WARNING_SECONDS + 3) * 1000)
    back_stays_on_the_start_page(page, fast_kiosk_server, 1, "8000", CALCULATOR["en"]["wage"], UNION["en"])


def test_finish_and_clear_works_without_javascript(browser: Browser, outside_requests: OutsideRequests,
                                                  kiosk_server: str):
    context = outside_requests.guard(browser.new_context(base_url=kiosk_server, java_script_enabled=False))
    page = context.new_page()
    page.goto("/en/union/e-road")
    page.get_by_role("link", name=WORDS["en"]["finish"]).click()
    page.wait_for_url(start_url(kiosk_server))
    expect(page.get_by_role("link", name=WORDS["zh"]["finish"])).to_be_visible()
    context.close()


# --- The keypad -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_keypad_types_8000_by_touch(kiosk: Page, lang: str):
    page, words = kiosk, CALCULATOR[lang]
    page.goto(f"/{lang}/calculate")
    wage = page.get_by_label(words["wage"])
    wage.tap()
    pad = page.get_by_role("group", name=WORDS[lang]["keypad"])
    expect(pad).to_be_visible()
    for digit in "80001":
        pad.get_by_role("button", name=digit, exact=True).tap()
    pad.get_by_role("button", name=WORDS[lang]["delete"]).tap()
    expect(wage).to_have_value("8000")
    expect(wage).to_be_focused()  # pressing a key leaves the focus in the box
    page.get_by_label(words["shenzhen"], exact=True).check()
    page.get_by_label(words["unemployment"], exact=True).check()
    # The live result is for the wage typed on the pad (as in the calculator's own journey test).
    expect(page.locator("#cost-result .key-figures")).to_contain_text("¥2,400.00")


def test_the_keypad_follows_the_focused_box_and_closes_with_done(kiosk: Page):
    page = kiosk
    page.goto("/en/union/accident-aid")
    first, second = page.locator("#amounts-0"), page.locator("#amounts-1")
    first.tap()
    pad = page.get_by_role("group", name=WORDS["en"]["keypad"])
    for key in ("1", "2", "0", "0"):
        pad.get_by_role("button", name=key, exact=True).tap()
    second.tap()
    for key in ("3", "5", "0"):
        pad.get_by_role("button", name=key, exact=True).tap()
    pad.get_by_role("button", name="Decimal point").tap()
    pad.get_by_role("button", name="5", exact=True).tap()
    expect(first).to_have_value("1200")
    expect(second).to_have_value("350.5")
    pad.get_by_role("button", name=WORDS["en"]["done"]).tap()
    expect(pad).to_be_hidden()
    expect(page.locator("#payout-result")).to_contain_text("¥")


def test_a_whole_number_box_gets_no_decimal_point(kiosk: Page):
    page = kiosk
    page.goto("/en/check")
    page.get_by_role("group", name=CHECK["en"]["birth_date"]).get_by_label("Year", exact=True).tap()
    pad = page.get_by_role("group", name=WORDS["en"]["keypad"])
    expect(pad).to_be_visible()
    expect(pad.get_by_role("button", name="Decimal point")).to_be_hidden()


# --- Hand-off to a phone ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handoff_opens_the_same_result_on_a_phone(kiosk: Page, kiosk_app, live_server: str,
                                                      phone_page: Page, lang: str):
    page = kiosk
    calculate(page, lang, "8000")
    section = page.get_by_role("region", name=WORDS[lang]["handoff"])
    expect(section.locator("svg[role=img]")).to_be_visible()
    on_kiosk = page.locator("#cost-result .key-figures").inner_text()

    answers = {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical", "unemployment"],
               "month": "2026-11"}
    address = handoff_url(kiosk_app, f"/{lang}/calculate", answers)
    assert address.startswith(f"{live_server}/{lang}/calculate#a=")

    phone = phone_page  # a fresh context: the phone shares nothing with the kiosk
    phone.goto(address)
    phone.wait_for_url(re.compile(r"/calculate(#result-heading)?$"))
    phone.wait_for_load_state("load")
    expect(phone.locator("#cost-result .key-figures")).to_contain_text("¥2,400.00")
    assert phone.locator("#cost-result .key-figures").inner_text() == on_kiosk
    # The answers left the address bar; what follows "#" now only brings the result into view.
    assert urlsplit(phone.url).fragment in ("", "result-heading") and "?" not in phone.url
    expect(phone.get_by_label(CALCULATOR[lang]["wage"])).to_have_value("8000")


def test_the_handoff_of_a_check_result(kiosk_app, phone_page: Page, live_server: str):
    answers = {"birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31", "sex": "male",
               "hukou": "shenzhen", "work": "platform", "platform_qualified": "yes", "full_time_student": "no",
               "employer_insured": "no"}
    phone_page.goto(handoff_url(kiosk_app, "/en/check", answers))
    expect(phone_page.locator(".verdict-list")).to_contain_text(CHECK["en"]["can_join"])
    expect(phone_page.locator("body")).to_contain_text("31 May 1990")
    assert urlsplit(phone_page.url).fragment in ("", "check-result-heading") and urlsplit(phone_page.url).query == ""


@pytest.mark.parametrize(("lang", "name", "answers", "said"), [
    ("zh", "register", REGISTER, "用手机在“深圳社保”微信公众号里办理"),
    ("en", "injury", INJURY, "From your answers this injury should be covered by 新职伤."),
    ("zh", "after-accident", AFTER_ACCIDENT, "新职伤（职业伤害保障）"),
])
def test_the_handoff_of_the_register_and_protection_results(kiosk: Page, kiosk_app, phone_page: Page, lang: str,
                                                            name: str, answers: dict, said: str):
    """Answered by touch on the kiosk, these results show the code too, and the phone opens the same answer."""
    reach, region, _ticked = SAVED_RESULTS[name]
    reach(kiosk, lang)  # the same answers as `answers`
    section = kiosk.get_by_role("region", name=WORDS[lang]["handoff"])
    expect(section.locator("svg[role=img]")).to_be_visible()
    on_kiosk = kiosk.locator(f"{region} .summary").inner_text()
    assert said in on_kiosk

    phone_page.goto(handoff_url(kiosk_app, urlsplit(kiosk.url).path, answers))
    expect(phone_page.locator(f"{region} .summary")).to_have_text(on_kiosk)
    assert "a=" not in urlsplit(phone_page.url).fragment and urlsplit(phone_page.url).query == ""


def test_the_handoff_of_more_accidents_than_the_empty_page_shows(kiosk_app, phone_page: Page):
    answers = MultiDict({f"amounts-{index}": "1000" for index in range(7)})
    phone_page.goto(handoff_url(kiosk_app, "/en/union/accident-aid", answers))
    rows = phone_page.locator(".payout-table tbody tr")
    expect(rows).to_have_count(7)


# --- Accessibility and size -------------------------------------------------------------------------------

def kiosk_home(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/")


def kiosk_calculate_result(page: Page, lang: str) -> None:
    calculate(page, lang, "8000")


def kiosk_keypad_open(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/calculate")
    page.get_by_label(CALCULATOR[lang]["wage"]).tap()
    expect(page.get_by_role("group", name=WORDS[lang]["keypad"])).to_be_visible()


def kiosk_register(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/register")


def kiosk_union_phones(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/union/e-road")


def kiosk_warning(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/forecast")
    expect(stay_button(page, lang)).to_be_visible(timeout=5000)


KIOSK_STATES = {
    "home": kiosk_home, "calculate-result": kiosk_calculate_result, "keypad": kiosk_keypad_open,
    "register": kiosk_register, "union-phones": kiosk_union_phones, "idle-warning": kiosk_warning,
}
STATES = [pytest.param(state, lang, id=f"{state}-{lang}") for state in KIOSK_STATES for lang in LANGUAGES]


@pytest.mark.parametrize(("state", "lang"), STATES)
def test_kiosk_pages_have_no_accessibility_violations(kiosk: Page, patient_kiosk: Page, state: str, lang: str):
    # The patient kiosk warns after a second and keeps the warning open while axe looks at it.
    page = patient_kiosk if state == "idle-warning" else kiosk
    KIOSK_STATES[state](page, lang)
    violations = axe_violations(page)
    assert violations == [], f"axe-core found {len(violations)} problem(s) on {page.url}:\n" + "\n".join(violations)


@pytest.mark.parametrize(("state", "lang"), [s for s in STATES if s.values[0] != "idle-warning"])
def test_kiosk_touch_targets_are_at_least_56_px(kiosk: Page, state: str, lang: str):
    KIOSK_STATES[state](kiosk, lang)
    targets = kiosk.evaluate(MEASURE, TOUCH_TARGETS + ", .kiosk-finish, .keypad button")
    small = [f"{t['tag']} “{t['text']}”: {t['height']:.0f}" for t in targets if t["height"] < KIOSK_TARGET]
    assert small == [], f"touch targets lower than {KIOSK_TARGET} px on {kiosk.url}: {small}"


def test_kiosk_type_is_larger_than_the_public_sites(kiosk: Page, page: Page):
    kiosk.goto("/en/calculate")
    page.goto("/en/calculate")
    size = "parseFloat(getComputedStyle(document.body).fontSize)"
    assert kiosk.evaluate(size) >= 22 > page.evaluate(size)
