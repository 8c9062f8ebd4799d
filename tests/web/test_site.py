"""Site-wide behaviour: languages in the URL, headers, privacy, error pages."""

import re

import pytest

from .pages import assert_own_files_only, between, text_of

PAGES = ["/zh/", "/en/", "/zh/calculate", "/en/calculate"]


def test_the_root_goes_to_chinese(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"] == "/zh/"


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sets_no_cookie_and_strict_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize("url", PAGES)
def test_no_resource_is_loaded_from_another_host(client, url):
    assert_own_files_only(client.get(url).text)


def test_htmx_is_served_from_static_with_a_safe_configuration(client):
    html = client.get("/zh/").text
    assert re.search(r'<script src="/static/vendor/htmx-2\.0\.11\.min\.js\?v=[0-9a-f]{12}" defer></script>', html)
    assert '"historyCacheSize": 0' in html and '"allowEval": false' in html and '"selfRequestsOnly": true' in html
    with client.get("/static/vendor/htmx-2.0.11.min.js") as script:
        assert script.status_code == 200 and b"htmx" in script.data


def test_the_footer_shows_when_the_rules_were_last_checked(client):
    assert "规则和数字最近一次核对于2026年11月22日" in client.get("/zh/").text
    assert "Rules and figures last checked on 22 November 2026" in client.get("/en/").text


def test_the_home_page_links_the_three_questions(client):
    html = client.get("/zh/").text
    assert "在深圳以灵活就业人员身份参保" in html
    assert 'href="/zh/calculate"' in html


@pytest.mark.parametrize("url, text", [
    ("/zh/no-such-page", "找不到页面"), ("/en/no-such-page", "Page not found"), ("/fr/calculate", "找不到页面"),
])
def test_unknown_paths_get_a_friendly_404_in_the_language(client, url, text):
    response = client.get(url)
    assert response.status_code == 404 and text in response.text


def test_unknown_methods_answer_405(client):
    response = client.delete("/en/calculate")
    assert response.status_code == 405 and "That action is not possible here" in response.text
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_oversized_bodies_answer_413(client):
    response = client.post("/en/calculate", data={"wage": "1" * 70_000})
    assert response.status_code == 413 and "What you sent is too large" in response.text
    api = client.post("/api/v1/contribution?lang=en", data=b"{" + b" " * 70_000 + b"}",
                      content_type="application/json")
    assert api.status_code == 413 and api.get_json() == {"errors": {"request": ["What you sent is too large"]}}


GUIDES = {  # the guides (issue 23): their address, and how the menu and home name them in each language
    "zh": {"/zh/stopping": "停保和补缴", "/zh/leaving": "离开深圳", "/zh/resident-schemes": "职工和居民保险怎么选"},
    "en": {"/en/stopping": "Stopping and back payment", "/en/leaving": "Leaving Shenzhen",
           "/en/resident-schemes": "Employee or resident insurance?"},
}


def links_in(html: str) -> dict[str, str]:
    """Each link's address and its text as a reader sees it."""
    return {href: text_of(text) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("url", ["/{lang}/", "/{lang}/calculate", "/{lang}/stopping"])
def test_the_menu_links_the_guides(client, lang, url):
    html = client.get(url.format(lang=lang)).text
    phone_menu = between(html, '<ul class="menu__list">', "</ul>")
    wide_menu = between(html, '<nav class="wrap site-nav"', "</nav>")
    for menu in (phone_menu, wide_menu):
        links = links_in(menu)
        assert {href: links.get(href) for href in GUIDES[lang]} == GUIDES[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_lists_the_guides_below_the_journey(client, lang):
    html = client.get(f"/{lang}/").text
    main = between(html, "<main", "</main>")
    links = links_in(main)
    assert {href: links.get(href) for href in GUIDES[lang]} == GUIDES[lang]
    # The way in comes first: the start button before the guides.
    assert main.index(f'href="/{lang}/check"') < min(main.index(f'href="{href}"') for href in GUIDES[lang])


@pytest.mark.parametrize("url", ["/zh/check", "/en/forecast", "/zh/"])
def test_the_page_is_marked_as_scripted_before_its_first_paint(client, url):
    """head.js sets <html class="js"> before the first paint (the stylesheet then holds back the questions that
    only some people are asked, so the form does not jump): in <head>, after the stylesheet, neither deferred nor
    async; without JavaScript the class is never set and every question shows."""
    html = client.get(url).text
    head = html[:html.index("</head>")]
    tag = re.search(r'<script src="/static/js/head\.js\?v=[0-9a-f]{12}"></script>', head)
    assert tag and head.index('rel="stylesheet"') < tag.start()
    assert '<html lang="' in html and 'class="js"' not in html
    with client.get("/static/js/head.js") as script:
        assert b'classList.add("js")' in script.data

