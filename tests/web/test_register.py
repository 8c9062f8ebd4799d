"""怎么办理: the four channels, steps and documents fitted to the hukou, without and with htmx."""

import re

import pytest

from .pages import assert_own_files_only, assert_private, assert_shows, between, htmx_fragment, opened, restored_page


def text_of(html: str) -> str:
    """The page's text with inline markup joined without a space (“<span>深圳</span>” reads as in Chinese)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#34;", '"').replace("&#39;", "'")


def channel(html: str, channel_id: str) -> str:
    return between(html, f'id="channel-{channel_id}"', "</section>")


def terminal_first_step(html: str) -> str:
    steps = between(channel(html, "terminal"), '<ol class="steps">', "</ol>")
    return text_of(steps.split('<li class="step">')[1]).strip()


def counter_materials(html: str) -> str:
    return text_of(between(channel(html, "counter"), '<ul class="materials">', "</ul>"))


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


def test_the_page_without_a_choice_shows_every_version_in_chinese(client):
    html = opened(client, "/zh/register")
    assert_shows(html, "<title>怎么办理 – 深圳灵活就业参保助手</title>", "办理方法（适用于所有户籍）")
    first = terminal_first_step(html)
    assert "深圳户籍： 在终端机上选择“灵活就业人员新参保（深户）”。" in first
    assert "非深户（广东省其他城市或外省）： 在终端机上选择“非深户灵活就业人员参保登记”。" in first
    materials = counter_materials(html)
    assert "深圳户籍： 居民户口簿" in materials
    assert "非深户（广东省其他城市或外省）： 居住证件（证明您在深圳居住，如居住证）" in materials
    assert "《深圳市社会保险个人参保登记/变更申请表》" in materials
    assert "不是必须的：还没有办理深圳金融社保卡的人才需要提供。" in materials


def test_the_page_without_a_choice_in_english(client):
    html = client.get("/en/register").text
    assert "<title>Where do I register? – Shenzhen flexible employment insurance advisor</title>" in html
    assert '<html lang="en">' in html
    first = terminal_first_step(html)
    assert ("For people with Shenzhen hukou: On the terminal, choose “灵活就业人员新参保（深户）” "
            "(new flexible worker enrolment (Shenzhen hukou)).") in first
    assert ("On the terminal, choose “非深户灵活就业人员参保登记” (flexible worker enrolment without Shenzhen "
            "hukou).") in first
    # The screen's own words are marked as Chinese for screen readers on the English page.
    assert ('<span class="screen-text" lang="zh-CN">“个人社保网上服务”</span> '
            '(personal social insurance online services)') in html


@pytest.mark.parametrize("lang, intro", [
    ("zh", "深圳社保局官网：适合会用网页、手机上有“粤省事”的人"),
    ("en", "Shenzhen social insurance website: For people who can use a website and have the Guangdong government "
           "app (粤省事) on their phone"),
])
def test_the_intro_says_which_way_suits_whom(client, lang, intro):
    page = text_of(client.get(f"/{lang}/register").text)
    assert intro in page
    assert ("带上身份证，到附近的社保自助终端机上办理" in page) or ("take your ID card to a social insurance" in page)


def test_shenzhen_hukou_gets_its_terminal_entry_and_the_household_register(client):
    html = client.post("/zh/register", data={"hukou": "shenzhen"}).text
    assert "办理方法（您的户籍：深圳）" in html
    assert terminal_first_step(html) == "在终端机上选择“灵活就业人员新参保（深户）”。"
    materials = counter_materials(html)
    assert "居民户口簿" in materials and "本人居民身份证" in materials
    assert "居住证件" not in materials
    assert 'value="shenzhen" checked' in html


@pytest.mark.parametrize("hukou", ["guangdong", "other_province"])
def test_without_shenzhen_hukou_the_other_terminal_entry_and_a_residence_document(client, hukou):
    html = client.post("/zh/register", data={"hukou": hukou}).text
    assert terminal_first_step(html) == "在终端机上选择“非深户灵活就业人员参保登记”。"
    materials = counter_materials(html)
    assert "居住证件（证明您在深圳居住，如居住证）" in materials and "本人居民身份证" in materials
    assert "居民户口簿" not in materials
    assert "先办好居住登记或居住证" in html  # the residence condition comes first


def test_the_same_in_english(client):
    html = client.post("/en/register", data={"hukou": "other_province"}).text
    assert "How to register (your hukou: Outside Guangdong)" in html
    assert terminal_first_step(html) == ("On the terminal, choose “非深户灵活就业人员参保登记” "
                                         "(flexible worker enrolment without Shenzhen hukou).")
    assert "Your residence document (居住证件), such as your Shenzhen residence permit" in counter_materials(html)
    # Only hukou outside Guangdong can need a temporary pension account.
    assert "A temporary pension account may be opened as well" in html
    guangdong = client.post("/en/register", data={"hukou": "guangdong"}).text
    assert "A temporary pension account may be opened as well" not in guangdong


def test_hong_kong_macao_and_taiwan_residents_are_told_to_ask_where_the_seed_is_silent(client):
    html = client.post("/en/register", data={"hukou": "hk_macao_taiwan"}).text
    first = terminal_first_step(html)
    assert "does not say which one Hong Kong, Macao and Taiwan residents choose. Call 12333" in first
    assert "灵活就业人员新参保（深户）" not in first
    materials = counter_materials(html)
    assert "does not say which documents Hong Kong, Macao and Taiwan residents bring. Call 12333" in materials
    assert "居民户口簿" not in materials
    wechat = text_of(channel(html, "wechat"))
    assert "“灵活就业登记和参保登记（港澳台、非深户、深户）”" in wechat
    assert "This one entry is for Hong Kong, Macao and Taiwan residents" in wechat


def test_every_channel_has_numbered_steps_and_its_source(client):
    html = client.post("/zh/register", data={"hukou": "shenzhen"}).text
    website = channel(html, "website")
    assert website.count('<li class="step">') == 5 and '<ol class="steps">' in website
    assert "依次点击“个人参保管理” → “灵活就业人员就业登记与参保登记”。" in text_of(website)
    for channel_id, way in (("website", "渠道一"), ("wechat", "渠道二"), ("terminal", "渠道三"), ("counter", "渠道四")):
        assert f"依据：《在深灵活就业人员参保讲解》“03 参保方法”{way}" in text_of(
            channel(html, channel_id))
    # The official address is a link to the official site (its text is the address, to read or copy),
    # and the hotline a tel: link; a kiosk keeps text and QR codes (tests/web/test_kiosk.py).
    assert "官方地址： http://hrss.sz.gov.cn/szsi/" in text_of(website)
    assert '<a class="url" href="http://hrss.sz.gov.cn/szsi/" rel="noopener noreferrer">' in website
    assert '<a class="phone" href="tel:12333">12333</a>' in html
    assert "在微信里搜索公众号： 深圳社保" in text_of(channel(html, "wechat"))


def test_pitfalls_payment_and_leaving_shenzhen(client):
    page = text_of(client.post("/zh/register", data={"hukou": "shenzhen"}).text)
    assert "以后要调整缴费基数或换缴费银行账号，要找税务部门办理，不是找社保。" in page
    assert "失业保险要先办就业登记" in page and "失业保险只有两类人能参加" in page
    assert "承诺书要如实签" in page
    assert "在官网“个人参保管理”或“深圳社保”公众号“参保管理”里，选择“个缴人员停保”。" in page
    # The payment app comes only from guides that are not official texts: the page says it was not seen officially.
    assert "依据：灵活就业人员社保缴费指南" in page and "这不是我们看到的官方文件" in page
    assert "先办好居住登记或居住证" not in page  # not for Shenzhen hukou
    assert "广东人社" not in page and "i深圳" not in page


def test_the_online_form_fields_are_explained_with_a_link_to_the_calculator(client):
    html = client.get("/en/register").text
    assert_shows(text_of(between(html, 'class="online-form"', "</section>")),
                 "养老/医疗缴费工资* The monthly wage you declare for pension and medical insurance",
                 "医疗档次* Flexible workers join employee medical insurance tier 1: "
                 "choose “医疗一档” (medical tier 1).",
                 "灵活就业平台、统一社会信用代码、单位名称、单位主体状态")
    assert_shows(html, '<a href="/en/calculate">Work out what you would pay now</a>',
                 '<th scope="row" class="as-printed" lang="zh-CN">参保年月*</th>')


def test_no_choice_is_an_error_with_summary_and_inline_message(client):
    response = client.post("/en/register", data={})
    html = response.text
    assert response.status_code == 200
    assert re.search(r"<title>Error:\s+Where do I register\?", html)
    assert '<a href="#hukou-0">Choose where your hukou is.</a>' in html
    assert '<span class="visually-hidden">Error:</span> Choose where your hukou is.' in html
    assert "How to register (every hukou)" in html  # the general version is still there
    zh = client.post("/zh/register", data={"hukou": "mars"}).text
    assert re.search(r"<title>错误：\s*怎么办理", zh) and '<a href="#hukou-0">请选择您的户籍所在地。</a>' in zh
    assert " checked" not in between(zh, '<div class="radios', "</fieldset>")


def test_htmx_gets_only_the_guide_and_a_history_restore_the_full_page(client):
    fragment = htmx_fragment(client, "/zh/register", {"hukou": "guangdong"})
    assert '<form class="form"' not in fragment  # the guide, not the page's questions (a next step is a form)
    assert terminal_first_step(fragment) == "在终端机上选择“非深户灵活就业人员参保登记”。"
    assert 'value="guangdong" checked' in restored_page(client, "/zh/register", {"hukou": "guangdong"})
    plain = client.get("/zh/register")
    assert "<html" in plain.text and "HX-Request" in plain.headers["Vary"]


def test_while_choosing_a_missing_answer_leaves_the_general_guide_without_errors(client):
    fragment = htmx_fragment(client, "/en/register", {})
    assert "How to register (every hukou)" in fragment and "There is a problem" not in fragment


def test_the_form_works_without_javascript_and_updates_live_with_it(client):
    html = client.get("/en/register").text
    assert_shows(between(html, '<form class="form"', "</form>"),
                 'method="post" action="/en/register#your-guide"',
                 'hx-post="/en/register" hx-trigger="change" hx-target="#register-guide"',
                 '<button type="submit" class="button">Show the steps for my hukou</button>')
    assert '<div id="register-guide" class="result-region" aria-live="polite">' in html


def test_the_language_switch_reposts_the_hukou_without_putting_it_in_the_url(client):
    html = client.post("/en/register", data={"hukou": "hk_macao_taiwan"}).text
    switch = between(html, '<form class="language-switch"', "</form>")
    assert 'action="/zh/register"' in switch
    assert '<input type="hidden" name="hukou" value="hk_macao_taiwan">' in switch
    assert "hukou=" not in html


@pytest.mark.parametrize("method, data", [("get", None), ("post", {"hukou": "shenzhen"})])
def test_no_cookie_and_nothing_from_another_host(client, method, data):
    response = getattr(client, method)("/zh/register", data=data)
    assert_private(response)
    assert_own_files_only(response.text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_headings_go_down_one_level_at_a_time(client, lang):
    for response in (client.get(f"/{lang}/register"), client.post(f"/{lang}/register", data={"hukou": "shenzhen"})):
        levels = heading_levels(between(response.text, '<main id="main"', "</main>"))
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_the_printout_is_dated_and_leaves_out_the_form_and_intro(client):
    html = client.post("/en/register", data={"hukou": "shenzhen"}).text
    assert ('<p class="print-only">Printed on 22 November 2026 from the Shenzhen flexible employment insurance '
            'advisor.</p>') in html
    assert '<ul class="channel-summary no-print">' in client.get("/en/register").text
    assert '<p class="no-print guide-action"><a href="/en/register">See the steps for every hukou</a></p>' in html


@pytest.mark.parametrize("value", ["", "x" * 5000, "\x00", "shenzhen\n", "深圳"])
def test_no_input_reaches_a_server_error(client, value):
    assert client.post("/zh/register", data={"hukou": value}).status_code == 200


# --- Which way suits you: from the hukou and what you have with you (issue 10) ----------------------

def headline(html: str) -> str:
    return text_of(between(html, 'class="summary__headline"', "</p>")).split(">", 1)[-1].strip()


def summary_lines(html: str) -> str:
    return text_of(between(html, 'id="register-suggestion"', "</div>\n  </div>") if 'summary__lines' in html else "")


@pytest.mark.parametrize("hukou, have, channel_id", [
    ("shenzhen", ["wechat", "yueshengshi", "id_card", "in_person"], "wechat"),
    ("other_province", ["yueshengshi", "id_card"], "website"),
    ("guangdong", ["id_card", "in_person"], "terminal"),
    ("other_province", ["id_card"], None),  # cannot go in person and has neither app
    ("hk_macao_taiwan", ["id_card", "in_person"], "counter"),  # the terminal's entry for them is unknown
    ("shenzhen", [], None),
])
def test_the_first_channel_whose_needs_the_person_has(content, hukou, have, channel_id):
    from advisor.answers.registration import suggested_channel
    assert suggested_channel(content.texts["channels"], hukou, have).channel == channel_id


def test_a_shenzhen_rider_with_wechat_is_sent_to_the_wechat_account_its_steps_open(client):
    html = client.post("/zh/register", data={"hukou": "shenzhen", "have": ["wechat", "id_card"]}).text
    assert headline(html) == "用手机在“深圳社保”微信公众号里办理，不用带别的东西。"
    wechat = channel(html, "wechat")
    assert "适合您" in wechat and '<details class="channel__steps" id="channel-wechat-steps" open>' in wechat
    # The other three one tap away, under "其他办理渠道", after the way that suits (issue 23).
    assert '<details class="channel__steps" id="channel-terminal-steps">' in channel(html, "terminal")
    assert html.index('id="channel-wechat"') < html.index('id="more-other-ways"') < html.index('id="channel-website"')
    assert "我们没有找到官方发布的公众号二维码" in text_of(wechat)


def test_in_person_with_an_id_card_the_terminal_and_the_counter_as_the_alternative(client):
    html = client.post("/en/register", data={"hukou": "other_province",
                                              "have": ["id_card", "in_person", "sscard"]}).text
    assert headline(html) == "Register at a social insurance self-service terminal, logging in with your ID card."
    page = text_of(html)
    assert "go to a social insurance counter with the originals listed there" in page
    assert "At a counter, with a Shenzhen financial social security card you need not bring a bank account." in page
    assert "We found no official list of places to cite: call 12333" in page
    assert "We found no official list of counters we could cite, so we give no addresses." in text_of(
        channel(html, "counter"))


def test_hong_kong_macao_taiwan_in_person_go_to_the_counter_after_calling_12333(client):
    html = client.post("/en/register", data={"hukou": "hk_macao_taiwan", "have": ["in_person"]}).text
    assert headline(html) == "Register at a social insurance service counter: take the originals of your documents."
    assert ("The briefing does not say which documents Hong Kong, Macao and Taiwan residents bring: call 12333 "
            "before you go.") in text_of(html)


def test_with_nothing_that_fits_the_page_says_to_call_12333(client):
    html = client.post("/zh/register", data={"hukou": "other_province", "have": ["id_card"]}).text
    assert headline(html) == ("每种办法都要用到手机上的微信或“粤省事”，或者带身份证亲自去办。"
                              "请打12333，问问用您手上有的东西怎么办理。")


def test_without_what_they_have_the_general_way_and_an_invitation_to_say(client):
    html = client.post("/en/register", data={"hukou": "guangdong", "have": ["passport", "x" * 300]}).text
    assert headline(html).startswith("For most people the easiest way is on the phone")
    assert "Tick what you have with you, and this page names the one way that fits." in text_of(html)
    assert "Suits you" not in html


def test_what_you_have_is_reposted_by_the_language_switch(client):
    html = client.post("/zh/register", data={"hukou": "shenzhen", "have": ["wechat", "sscard"]}).text
    switch = between(html, '<form class="language-switch"', "</form>")
    assert '<input type="hidden" name="have" value="wechat">' in switch
    assert '<input type="hidden" name="have" value="sscard">' in switch
