"""Kiosk mode (an office touch screen): switched on by the deployment, large type, "Finish and
clear" on every page, nothing that leaves the site (QR codes instead), no page kept by a cache, and
an idle return to the start that works without JavaScript too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from werkzeug.datastructures import MultiDict

from advisor import create_app
from tests.conftest import TODAY
from tests.site_map import page_urls
from tests.web.kiosk_support import CALCULATE, IDLE, KIOSK, RESULTS
from tests.web.pages import between, text_of

LEAVING = [
    re.compile(r'href="(?:https?:)?//', re.I), re.compile(r'href="(?:tel|mailto|sms|weixin):', re.I),
    re.compile(r'(?<![\w-])target=', re.I), re.compile(r'action="(?:https?:)?//', re.I),
]


@pytest.fixture(scope="module")
def kiosk_app():
    """One kiosk instance for the module: it keeps no state between requests."""
    return create_app(dict(KIOSK))


@pytest.fixture
def kiosk_client(kiosk_app):
    return kiosk_app.test_client()


def every_page(app) -> list[str]:
    """Every page of the menu and below it: the site map, plus the numbered outreach pages if present."""
    urls = page_urls(app)
    for endpoint, path in (("web.present", "/outreach/present/1"), ("web.quiz_question_page", "/outreach/quiz/1"),
                           ("web.quiz_answer", "/outreach/quiz/1/answer")):
        if endpoint in app.view_functions:
            urls += [f"/zh{path}", f"/en{path}"]
    return urls


def get(client, url: str):
    """A page as a browser ends up showing it (/outreach/present redirects to its first slide)."""
    return client.get(url, follow_redirects=True)


def body_tag(html: str) -> str:
    return re.search(r"<body[^>]*>", html).group(0)


def test_the_environment_turns_kiosk_mode_on(monkeypatch):
    monkeypatch.setenv("ADVISOR_KIOSK", "1")
    monkeypatch.setenv("ADVISOR_KIOSK_IDLE_SECONDS", "45")
    monkeypatch.setenv("ADVISOR_PUBLIC_BASE_URL", "https://advisor.example.cn")
    app = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
    assert app.config["KIOSK"] is True and app.config["KIOSK_IDLE_SECONDS"] == 45
    assert app.config["PUBLIC_BASE_URL"] == "https://advisor.example.cn"
    assert 'class="kiosk"' in body_tag(app.test_client().get("/zh/").text)


def test_kiosk_mode_is_off_unless_the_deployment_says_so(monkeypatch):
    monkeypatch.delenv("ADVISOR_KIOSK", raising=False)
    app = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
    assert app.config["KIOSK"] is False and app.config["KIOSK_IDLE_SECONDS"] == 120
    monkeypatch.setenv("ADVISOR_KIOSK", "0")
    assert create_app({"TESTING": True}).config["KIOSK"] is False


@pytest.mark.parametrize("seconds", [0, -5, "120"])
def test_a_broken_idle_time_stops_start_up(seconds):
    with pytest.raises(ValueError, match="KIOSK_IDLE_SECONDS"):
        create_app({**KIOSK, "KIOSK_IDLE_SECONDS": seconds})


def test_a_cookie_or_a_query_cannot_turn_kiosk_mode_on(client):
    client.set_cookie("kiosk", "1")
    html = client.get("/zh/calculate?kiosk=1", headers={"Cookie": "kiosk=1"}).text
    assert "kiosk" not in body_tag(html) and "kiosk.js" not in html


# --- The public site is unchanged ---------------------------------------------------------------------

def test_without_kiosk_mode_pages_have_no_kiosk_parts(app, client):
    for url in every_page(app):
        html = get(client, url).text
        assert "kiosk" not in body_tag(html), url
        assert "kiosk.js" not in html and "Finish and clear" not in html and "完成并清除" not in html, url
        assert 'http-equiv="refresh"' not in html, url
        assert 'class="scan-code"' not in html, url


def test_without_kiosk_mode_phone_numbers_stay_links(client):
    html = client.get("/en/union/e-road").text
    assert '<a class="phone" href="tel:956030">956030</a>' in html


def test_without_kiosk_mode_a_result_has_no_handoff_code(client):
    html = client.post("/en/calculate", data=MultiDict(CALCULATE)).text
    assert "¥" in html and "handoff" not in html.split("<main", 1)[1]


# --- Kiosk pages ------------------------------------------------------------------------------------------

def test_every_kiosk_page_is_large_type_with_finish_and_clear(kiosk_app, kiosk_client):
    for url in every_page(kiosk_app):
        response = get(kiosk_client, url)
        assert response.status_code == 200, url
        html = response.text
        assert re.search(r'class="[^"]*\bkiosk\b', body_tag(html)), url
        finish = "完成并清除" if url.startswith("/zh") else "Finish and clear"
        assert f'<a class="button kiosk-finish" href="/zh/" data-kiosk-finish>{finish}</a>' in html, url
        assert 'src="/static/js/kiosk.js?v=' in html and 'data-idle-seconds="90"' in html, url


def test_a_page_with_its_own_body_class_keeps_it_in_kiosk_mode(kiosk_app, kiosk_client):
    if "web.quiz" not in kiosk_app.view_functions:
        pytest.skip("no outreach pages")
    assert 'class="kiosk presenter"' in body_tag(kiosk_client.get("/zh/outreach/quiz").text)


def kiosk_responses(app, client) -> list[tuple[str, str]]:
    responses = [(url, get(client, url).text) for url in every_page(app)]
    responses += [(f"POST {url}", client.post(url, data=MultiDict(data)).text) for url, data in RESULTS]
    responses += [(f"POST {url} (htmx)", client.post(url, data=MultiDict(data), headers={"HX-Request": "true"}).text)
                  for url, data in RESULTS]
    responses += [(f"POST {url} (error)", client.post(url, data={}).text) for url, _ in RESULTS]
    if "web.register" in app.view_functions:
        responses.append(("POST /zh/register", client.post("/zh/register", data={"hukou": "shenzhen"}).text))
    return responses


def test_no_kiosk_page_has_a_link_that_leaves_the_site(kiosk_app, kiosk_client):
    for name, html in kiosk_responses(kiosk_app, kiosk_client):
        for pattern in LEAVING:
            found = pattern.search(html)
            assert found is None, f"{name}: {html[max(found.start() - 120, 0):found.end() + 80]}"


def test_official_addresses_come_with_a_code_to_scan(kiosk_app, kiosk_client):
    if "web.register" not in kiosk_app.view_functions:
        pytest.skip("no register page")
    html = kiosk_client.get("/en/register").text
    address = re.search(r'<p class="channel__address">.*?</p>', html, re.S).group(0)
    assert '<span class="url">http://hrss.sz.gov.cn/szsi/</span><span class="scan-code"><svg role="img"' in address
    assert "<title>QR code of the address http://hrss.sz.gov.cn/szsi/</title>" in address
    assert "Scan with your phone&#39;s camera to open this address on your phone." in address


def test_a_source_address_gets_one_code_per_page(kiosk_client):
    html = kiosk_client.post("/en/calculate", data=MultiDict(CALCULATE)).text
    addresses = re.findall(r'<span class="url">([^<]+)</span>', html)
    codes = re.findall(r"<title>QR code of the address ([^<]+)</title>", html)
    assert addresses and sorted(codes) == sorted(set(addresses))


def test_phone_numbers_become_text_and_a_code_that_dials(kiosk_client):
    html = kiosk_client.get("/en/union/e-road").text
    assert '<span class="phone">956030</span><span class="scan-code"><svg role="img"' in html
    assert "<title>QR code to call 956030</title>" in html
    assert html.count("<title>QR code to call 956030</title>") == 1  # the hotline is named four times
    zh = kiosk_client.get("/zh/union/e-road").text
    assert "<title>拨打 956030 的二维码</title>" in zh and "用手机相机扫一扫，就能拨打这个号码。" in zh


@pytest.mark.parametrize("url", ["/zh/", "/zh/calculate", "/en/union/e-road", "/zh/forecast", "/zh/check"])
def test_kiosk_pages_are_never_stored(kiosk_client, url):
    assert kiosk_client.get(url).headers["Cache-Control"] == "no-store"
    fragment = kiosk_client.post(url, data={}, headers={"HX-Request": "true"}) if url != "/zh/" else None
    if fragment is not None and fragment.status_code != 405:
        assert fragment.headers["Cache-Control"] == "no-store"


def test_static_files_keep_their_caching_in_kiosk_mode(kiosk_client):
    html = kiosk_client.get("/zh/").text
    css = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]+)"', html).group(1)
    with kiosk_client.get(css) as response:
        assert "immutable" in response.headers["Cache-Control"]


def test_without_javascript_a_kiosk_page_returns_to_the_start(kiosk_client):
    html = kiosk_client.get("/en/calculate").text
    head = html[:html.index("</head>")]
    # Inside <noscript>: with JavaScript the script's own timer (with a warning) does it instead.
    assert f'<noscript><meta http-equiv="refresh" content="{IDLE + 30};url=/zh/"></noscript>' in head
    assert "goes back to the start" in html


def test_the_untouched_start_page_does_not_reload_itself(kiosk_client):
    html = kiosk_client.get("/zh/").text
    assert 'http-equiv="refresh"' not in html and "data-start-page" in html


def test_the_idle_warning_is_ready_in_the_page(kiosk_client):
    html = kiosk_client.get("/zh/calculate").text
    assert '<dialog class="kiosk-idle" id="kiosk-idle"' in html
    assert "您还在吗？" in html and "我还在" in html
    assert 'aria-live="assertive"' in html
    # Chinese phrasing without spaces around the figure; the figure is the one kiosk.js counts down.
    dialog = between(html, '<dialog class="kiosk-idle"', "</dialog>")
    assert ('这个页面将在<span class="kiosk-idle__seconds" data-kiosk-countdown>20</span>秒后清空，'
            '免得下一个人看到您的回答。') in dialog
    assert 'data-message="您还在吗？这个页面将在20秒后清空。"' in html and 'data-last-message="还剩5秒。"' in html
    en = kiosk_client.get("/en/calculate").text
    assert "Are you still there?" in en and "I'm still here" in en
    assert "This page will clear in 20 seconds" in text_of(between(en, '<dialog class="kiosk-idle"', "</dialog>"))


def test_the_keypad_buttons_are_labelled(kiosk_client):
    html = kiosk_client.get("/en/calculate").text
    pad = html[html.index('<template id="kiosk-keypad">'):html.index("</template>")]
    assert 'aria-label="Number keypad"' in pad and 'aria-label="Delete the last digit"' in pad
    assert 'aria-label="Decimal point"' in pad and ">Done</button>" in pad and ">Clear</button>" in pad
    assert all(f'data-key="{digit}">{digit}</button>' in pad for digit in "0123456789")


def test_amount_inputs_keep_their_numeric_keyboard(kiosk_client):
    html = kiosk_client.get("/en/calculate").text
    assert re.search(r'id="wage" name="wage" type="text"\s+value=""\s+inputmode="decimal"', html)


def test_the_birth_date_is_never_offered_for_autofill_on_a_kiosk(kiosk_client, client):
    assert 'autocomplete="bday-year"' in client.get("/en/check").text
    html = kiosk_client.get("/en/check").text
    assert "bday" not in html


def test_kiosk_pages_set_no_cookie(kiosk_app, kiosk_client):
    for url in every_page(kiosk_app):
        assert "Set-Cookie" not in get(kiosk_client, url).headers, url


# --- Words on a public terminal ---------------------------------------------------------------------------

CATALOGUE = Path(__file__).parents[2] / "advisor/translations/zh/LC_MESSAGES/messages.po"


def test_no_kiosk_page_offers_the_union_staff_tools(kiosk_app, kiosk_client):
    """The staff's slides, quiz and handout are for their own screens: no kiosk page links to them."""
    for name, html in kiosk_responses(kiosk_app, kiosk_client):
        if "/outreach" in name:
            continue  # the staff pages themselves, which no kiosk page leads to
        found = re.search(r'href="[^"]*/outreach', html)
        assert found is None, f"{name}: {html[max(found.start() - 120, 0):found.end() + 80]}"
    for lang, words in (("zh", "工会工作人员"), ("en", "For union staff")):
        assert words not in kiosk_client.get(f"/{lang}/").text


def test_the_site_says_nin_never_ni_in_its_catalogue():
    """The polite 您 everywhere, as on the rest of the site: a stranger at a terminal is addressed politely too."""
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    ni = [message.id for message in catalogue if message.id and "你" in str(message.string)]
    assert ni == []
    assert sum("您" in str(message.string) for message in catalogue if message.id) > 100


def test_no_kiosk_page_says_ni(kiosk_app, kiosk_client):
    for name, html in kiosk_responses(kiosk_app, kiosk_client):
        if "/en/" in name:
            continue
        found = html.find("你")
        assert found == -1, f"{name}: {html[max(found - 120, 0):found + 80]}"
    idle_warning = kiosk_client.get("/zh/calculate").text
    assert "您还在吗？" in idle_warning and "免得下一个人看到您的回答" in idle_warning
