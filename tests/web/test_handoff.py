"""Hand-off to a phone: a kiosk result's QR code carries the answers in the URL fragment (never sent to
a server), the phone's page posts them back, and the phone shows the same result."""

from __future__ import annotations

import html as html_module
import json
import re
from urllib.parse import urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from advisor import create_app
from advisor.web import handoff
from advisor.web.qr import qr_svg
from tests.web.kiosk_support import (
    ACCIDENT_AID,
    AFTER_ACCIDENT,
    CALCULATE,
    CHECK,
    FORECAST,
    INJURY,
    KIOSK,
    REGISTER,
    RESULTS,
    handoff_url,
)

BASE = KIOSK["PUBLIC_BASE_URL"]


@pytest.fixture(scope="module")
def kiosk_app():
    """One kiosk instance for the module: it keeps no state between requests."""
    return create_app(dict(KIOSK))


def handoff_section(html: str) -> str:
    return re.search(r'<section class="handoff".*?</section>', html, re.S).group(0)


def posted_pairs(data: dict) -> list[tuple[str, str]]:
    return sorted(MultiDict(data).items(multi=True))


# --- The payload --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "data"), RESULTS)
def test_the_payload_decodes_to_the_answers_given(kiosk_app, url, data):
    address = handoff_url(kiosk_app, url, data)
    parts = urlsplit(address)
    assert address.startswith(BASE + url + "#a=")
    assert parts.query == "" and "?" not in address  # nothing the server would see or log
    assert sorted(handoff.decode(parts.fragment)) == posted_pairs(data)


def test_the_payload_uses_short_keys(kiosk_app):
    address = handoff_url(kiosk_app, "/zh/calculate", CALCULATE)
    assert address == f"{BASE}/zh/calculate#a=w=8000&h=shenzhen&i=pension&i=medical&m=2026-11"


@pytest.mark.parametrize(("url", "data", "fragment"), [
    ("/zh/register", REGISTER, "a=h=other_province&hv=wechat&hv=id_card"),
    ("/zh/protection/injury", INJURY, "a=pf=meituan&wk=delivery&do=yes"),
    ("/en/protection/after-accident", AFTER_ACCIDENT,
     "a=pf=meituan&wk=delivery&do=yes&hp=injury&hp=hospital&hp=traffic&pl=shenzhen&um=yes&mw=yes&mi=yes"),
])
def test_the_register_and_protection_answers_use_short_keys_too(kiosk_app, url, data, fragment):
    assert handoff_url(kiosk_app, url, data) == f"{BASE}{url}#{fragment}"


def test_amounts_travel_as_the_server_read_them(kiosk_app):
    address = handoff_url(kiosk_app, "/en/calculate", {**CALCULATE, "wage": "８,０００元"})
    assert "#a=w=8000&" in address


def test_questions_that_do_not_apply_are_left_out(kiosk_app):
    answers = {**CHECK, "hukou": "shenzhen", "female_category": "F50", "first_insured_month-year": "2015"}
    pairs = dict(handoff.decode(urlsplit(handoff_url(kiosk_app, "/en/check", answers)).fragment))
    assert pairs["hukou"] == "shenzhen"
    assert not {"residence_permit", "female_category", "first_insured_month-year", "insured_before"} & set(pairs)


def test_every_answer_of_every_handoff_page_has_a_short_key(kiosk_app):
    client = kiosk_app.test_client()
    for endpoint in handoff.HANDOFF_PAGES:
        url = kiosk_app.url_map.bind("localhost").build(endpoint, {"lang_code": "en"})
        html = client.get(url).text
        form = html[html.index("<main"):]
        names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', form))
        assert names and names <= set(handoff.SHORT_KEYS), (url, names - set(handoff.SHORT_KEYS))


def test_short_keys_are_unique():
    assert len(set(handoff.SHORT_KEYS.values())) == len(handoff.SHORT_KEYS)


def test_values_that_would_break_the_fragment_are_escaped():
    fragment = handoff.encode([("wage", "8000&h=x#y"), ("hukou", "深圳 户籍")])
    assert "#" not in fragment and fragment.count("&") == 1
    assert handoff.decode("#" + fragment) == [("wage", "8000&h=x#y"), ("hukou", "深圳 户籍")]


def test_a_fragment_without_the_marker_is_not_read():
    assert handoff.decode("#payout-outcome") == []


# --- The code -----------------------------------------------------------------------------------------

LONGEST_BASE = "https://flexible-insurance-advisor.example.gov.cn"
LONGEST = [
    ("/zh/check", {**CHECK, "sex": "female", "female_category": "unknown", "insured_before": "yes",
                   "first_insured_month-year": "2015", "first_insured_month-month": "12",
                   "birth_date-month": "12"}),
    ("/zh/forecast", {**FORECAST, "sex": "female", "female_category": "unknown", "paid_months": "11",
                      "balance": "123456.78", "base": "wage", "wage": "34567.89", "wage_growth": "-1.25",
                      "interest": "2.75", "past_index": "0.8765"}),
    ("/zh/forecast", {**FORECAST, "sex": "female", "female_category": "unknown", "paid_months": "11",
                      "balance": "123456.78", "base": "wage", "wage": "34567.89", "wage_growth": "-1.25",
                      "interest": "2.75", "past_index": "0.8765", "retirement_month-year": "2035",
                      "retirement_month-month": "12"}),
    ("/zh/pension-at-retirement", {
        "birth_date-year": "1975", "birth_date-month": "10", "birth_date-day": "15", "sex": "female",
        "female_category": "unknown", "hukou": "shenzhen", "retirement_month-year": "2032",
        "retirement_month-month": "12", "paid_years": "30", "paid_months": "11", "average_index": "0.7183",
        "balance": "163426.28", "local_years": "25", "local_months": "11", "calculation_base": "11293.55"}),
    ("/zh/calculate", {**CALCULATE, "wage": "123456.78", "hukou": "other_province",
                       "insurances": ["pension", "medical", "unemployment"]}),
    ("/zh/register", {"hukou": "hk_macao_taiwan", "have": ["wechat", "yueshengshi", "id_card", "in_person", "sscard"]}),
    ("/zh/protection/injury", {"platform": "shunfeng_tongcheng", "work": "ride_hailing", "during_order": "unknown"}),
    ("/zh/protection/after-accident", {
        "happened": ["injury", "hospital", "traffic", "vehicle", "illness"], "during_order": "unknown",
        "platform": "shunfeng_tongcheng", "work": "ride_hailing", "place": "outside_guangdong",
        "union_member": "unknown", "months_in_work": "unknown", "medical_insured": "unknown"}),
    # Twenty accidents, each with the largest amount the page accepts to the fen.
    ("/zh/union/accident-aid", {f"amounts-{index}": "999999999.99" for index in range(20)}),
]


@pytest.mark.parametrize(("url", "data"), LONGEST)
def test_the_longest_answers_still_make_a_code_that_scans(url, data):
    app = create_app({**KIOSK, "PUBLIC_BASE_URL": LONGEST_BASE})
    address = handoff_url(app, url, data)
    assert handoff.qr_version(address) <= handoff.MAX_VERSION, address


@pytest.mark.parametrize(("url", "data"), RESULTS)
def test_each_kiosk_result_shows_the_code_and_explains_it(kiosk_app, url, data):
    html = kiosk_app.test_client().post(url, data=MultiDict(data)).text
    section = handoff_section(html)
    address = handoff_url(kiosk_app, url, data)
    name = "用手机打开这个结果的二维码" if url.startswith("/zh") else "QR code that opens this result on your phone"
    assert qr_svg(address, name) in section  # the very code drawn for this address
    # In plain words, for a rider, not an engineer: no "#", no JavaScript, no server records.
    text = html_module.unescape(section.split("</svg>", 1)[1])
    if url.startswith("/en"):
        assert "Open the camera on your phone and point it at this code." in text
        assert "This machine and our website do not keep them." in text
    else:
        assert "打开手机相机，对准这个二维码" in text and "这台机器和我们的网站都不会保存" in text
    assert "JavaScript" not in text and "“#”" not in text and "服务器" not in text
    finish = "完成并清除" if url.startswith("/zh") else "Finish and clear"
    assert f'data-kiosk-finish>{finish}</a>' in section  # beside the code, so nobody scrolls back up for it


@pytest.mark.parametrize(("url", "data"), RESULTS)
def test_the_live_result_fragment_carries_the_code_too(kiosk_app, url, data):
    html = kiosk_app.test_client().post(url, data=MultiDict(data), headers={"HX-Request": "true"}).text
    assert "<html" not in html and '<section class="handoff"' in html


def test_pages_without_a_result_show_no_code(kiosk_app):
    client = kiosk_app.test_client()
    for url, _ in RESULTS:
        assert 'class="handoff"' not in client.get(url).text
        assert 'class="handoff"' not in client.post(url, data={}).text


def test_without_a_public_address_the_code_uses_the_requests_host():
    app = create_app({**KIOSK, "PUBLIC_BASE_URL": ""})
    assert handoff_url(app, "/zh/calculate", CALCULATE).startswith("http://localhost/zh/calculate#a=")


# --- The phone's side ---------------------------------------------------------------------------------

def script_fields(html: str) -> dict:
    tag = re.search(r'<script src="/static/js/handoff\.js\?v=[0-9a-f]+" data-fields=\'([^\']*)\' defer></script>', html)
    return json.loads(html_module.unescape(tag.group(1)))


@pytest.mark.parametrize("url", ["/zh/calculate", "/en/check", "/zh/forecast", "/en/union/accident-aid",
                                 "/zh/register", "/en/protection/injury", "/zh/protection/after-accident"])
def test_the_public_result_pages_load_the_handoff_script_with_the_keys(client, url):
    assert script_fields(client.get(url).text) == handoff.FIELD_NAMES


def test_other_pages_and_the_kiosk_do_not_load_it(client, kiosk_app):
    assert "handoff.js" not in client.get("/zh/").text
    assert "handoff.js" not in client.get("/zh/union/e-road").text
    assert "handoff.js" not in kiosk_app.test_client().get("/zh/calculate").text


@pytest.mark.parametrize(("url", "data", "amount"), [
    ("/en/calculate", CALCULATE, "¥1,"), ("/zh/forecast", FORECAST, "¥"), ("/en/union/accident-aid", ACCIDENT_AID, "¥"),
])
def test_the_answers_posted_back_by_the_phone_give_the_same_result(kiosk_app, client, url, data, amount):
    """What handoff.js does on the phone: post the decoded answers to the public site."""
    pairs = handoff.decode(urlsplit(handoff_url(kiosk_app, url, data)).fragment)
    on_phone = client.post(url, data=MultiDict(pairs)).text
    on_kiosk = kiosk_app.test_client().post(url, data=MultiDict(data)).text

    def amounts(html):
        main = html[html.index('class="result"'):]
        return re.findall(r"¥[0-9,]+\.[0-9]{2}", main)

    assert amounts(on_phone) and amounts(on_phone) == amounts(on_kiosk)


def test_the_phone_shows_the_same_check_result(kiosk_app, client):
    pairs = handoff.decode(urlsplit(handoff_url(kiosk_app, "/en/check", CHECK)).fragment)
    html = client.post("/en/check", data=MultiDict(pairs)).text
    assert "Which insurances you can join" in html and "Date of birth 31 May 1990" in re.sub(r"\s+", " ", re.sub(
        r"<[^>]+>", " ", html))


def summary_text(html: str) -> str:
    """The result's answer sentence and its lines, as a reader sees them."""
    found = re.search(r'<div class="summary">.*?</div>', html, re.S).group(0)
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", found))).strip()


SAVED_PAGES = [("/zh/register", REGISTER), ("/en/register", REGISTER),
               ("/zh/protection/injury", INJURY), ("/en/protection/injury", INJURY),
               ("/zh/protection/after-accident", AFTER_ACCIDENT), ("/en/protection/after-accident", AFTER_ACCIDENT)]
SUMMARIES = {  # the answer each of these results opens with, so the comparison below cannot pass on empty pages
    "/zh/register": "用手机在“深圳社保”微信公众号里办理，不用带别的东西。",
    "/en/register": "Register on your phone, in the “深圳社保” (Shenzhen Social Insurance) WeChat account",
    "/zh/protection/injury": "按您的回答，这次受伤应在新职伤的保障范围内。",
    "/en/protection/injury": "From your answers this injury should be covered by 新职伤.",
    "/zh/protection/after-accident": "这次事故可能由这些保障赔付：新职伤（职业伤害保障）、深圳市总工会“E路守护”",
    "/en/protection/after-accident": "these may pay for this accident: 新职伤 (occupational-injury protection)",
}


@pytest.mark.parametrize(("url", "data"), SAVED_PAGES)
def test_the_register_and_protection_results_offer_save_or_send_at_the_top(client, url, data):
    """On the public site the result holds "save or send", right after its next step (inside the first screen),
    and its link is the page's own address with the answers after "#", as the kiosk's code carries them."""
    html = client.post(url, data=MultiDict(data)).text
    result = html[html.index('class="result'):]
    save = result.index('<details class="save-result no-print">')
    assert result.index('class="next-step no-print"') < save < result.index('<details class="more"')
    link = html_module.unescape(re.search(r'class="input save-result__link"[^>]*value="([^"]+)"', html).group(1))
    assert link.startswith(f"http://localhost{url}#a=")
    assert sorted(handoff.decode(urlsplit(link).fragment)) == posted_pairs(data)


@pytest.mark.parametrize(("url", "data"), SAVED_PAGES)
def test_the_register_and_protection_answers_posted_back_by_the_phone_give_the_same_answer(kiosk_app, client, url,
                                                                                            data):
    pairs = handoff.decode(urlsplit(handoff_url(kiosk_app, url, data)).fragment)
    on_phone = summary_text(client.post(url, data=MultiDict(pairs)).text)
    on_kiosk = summary_text(kiosk_app.test_client().post(url, data=MultiDict(data)).text)
    assert on_phone == on_kiosk and SUMMARIES[url] in on_phone


@pytest.mark.parametrize("url", ["/zh/register", "/en/register", "/zh/protection/injury", "/en/protection/injury",
                                 "/zh/protection/after-accident", "/en/protection/after-accident"])
def test_without_javascript_a_saved_link_says_why_the_form_is_empty(client, url):
    """The line stands in <noscript> on the empty page, and goes once a result is shown."""
    line = {"zh": "打开的是保存的链接？", "en": "Opened a saved link?"}[url[1:3]]
    empty = client.get(url).text
    assert re.search(r'<noscript><p class="[^"]*saved-link-noscript" id="saved-link-noscript">' + re.escape(line),
                     empty)
    assert empty.index("saved-link-noscript") < empty.index('<form class="form" method="post"')
    data = dict(SAVED_PAGES)[url]
    assert "saved-link-noscript" not in client.post(url, data=MultiDict(data)).text


def test_the_kiosk_builds_no_url_with_answers_for_the_server(kiosk_app):
    """Nothing in the kiosk's own page links to an address carrying the answers."""
    html = kiosk_app.test_client().post("/en/calculate", data=MultiDict(CALCULATE)).text
    assert "#a=" not in html and "?wage=" not in html


def test_boxes_the_page_never_offered_do_not_travel(kiosk_app, client):
    """Only the things a page offers to tick reach the link: a body with other values (found by the generated-input
    test, one 3,000 characters long) leaves them out, and the code is drawn for the real answers."""
    data = {"hukou": "shenzhen", "have": ["wechat", "x" * 3000]}
    assert handoff_url(kiosk_app, "/zh/register", data) == f"{BASE}/zh/register#a=h=shenzhen&hv=wechat"
    html = kiosk_app.test_client().post("/zh/register", data=MultiDict(data)).text
    assert "xxxx" not in handoff_section(html) and "<svg" in handoff_section(html)
    saved = client.post("/zh/register", data=MultiDict(data)).text
    assert "#a=h=shenzhen&amp;hv=wechat\"" in saved


def test_an_address_too_long_for_any_code_gets_no_code_instead_of_an_error():
    assert handoff.qr_version("https://advisor.example.cn/zh/register#a=" + "x" * 8000) > handoff.MAX_VERSION
