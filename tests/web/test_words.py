"""The words on every page (issue 24), read as a reader meets them (tests/web/words.py says how).

Chinese pages: no raw web address, no Latin-letter word outside a short allowed list, no ASCII `: ? . , ( ) /` in
a Chinese sentence, no space between a number and its Chinese unit. English pages: Chinese only as a gloss in
brackets beside its English, a quoted screen label with its English, a document's name, Chinese marked as printed
on a form (lang="zh-CN"), or a name glossed once on the page. Every GET page in the app's URL map is read in both
languages (a page route this test does not reach fails it), with each form page's error state and its results.
"""

from __future__ import annotations

import pytest

from advisor import create_app
from tests.site_map import form_page_urls, page_urls

from .test_zh_punctuation import RESULTS
from .words import en_problems, zh_problems

NUMBERED = {  # GET pages with a number in the path: read from 1 until the first 404
    "/<lang_code>/outreach/present/<int:number>": "/{lang}/outreach/present/{n}",
    "/<lang_code>/outreach/quiz/<int:number>": "/{lang}/outreach/quiz/{n}",
    "/<lang_code>/outreach/quiz/<int:number>/answer": "/{lang}/outreach/quiz/{n}/answer",
}
# Pages that still fail, each with what is left to do and whose part of issue 24 it is; strict, so a page fixed
# here must leave this list.
OUTREACH = "outreach helper (slides, quiz, handout, membership table): "
SOURCES = "sources helper (research notes off the pages, one short source line): "
STILL_TO_FIX: dict[str, str] = {}


def _app():
    return create_app({"TESTING": True})


def get_routes() -> set[str]:
    return {rule.rule for rule in _app().url_map.iter_rules()
            if rule.endpoint.startswith("web.") and "GET" in rule.methods
            and rule.arguments - {"lang_code"} and "lang_code" in rule.arguments}


def states() -> list[tuple[str, dict | None]]:
    """(url, None) for a GET page, (url, answers) for a POST: every page, form errors and results, zh and en."""
    app = _app()
    found: list[tuple[str, dict | None]] = [(url, None) for url in page_urls(app)]
    client = app.test_client()
    for pattern in NUMBERED.values():
        for lang in ("zh", "en"):
            for n in range(1, 50):
                url = pattern.format(lang=lang, n=n)
                if client.get(url).status_code == 404:
                    break
                found.append((url, None))
    for url in form_page_urls(app):
        for lang in ("zh", "en"):
            found.append((url.replace("/zh/", f"/{lang}/", 1), {}))
            found += [(url.replace("/zh/", f"/{lang}/", 1), data) for data in RESULTS.get(url, [])]
    return found


STATES = states()


def state_id(url: str, data: dict | None) -> str:
    if data is None:
        return url
    return f"{url} POST {'error' if not data else RESULTS_INDEX[id(data)]}"


RESULTS_INDEX = {id(data): f"result {n}" for cases in RESULTS.values() for n, data in enumerate(cases)}


def marks(url: str, data: dict | None):
    key = state_id(url, data)
    if key in STILL_TO_FIX:
        return [pytest.mark.xfail(reason=STILL_TO_FIX[key], strict=True)]
    return []


@pytest.mark.parametrize("url, data", [pytest.param(url, data, id=state_id(url, data), marks=marks(url, data))
                                       for url, data in STATES])
def test_the_words_belong_to_the_page_language(client, url, data):
    response = client.get(url, follow_redirects=True) if data is None else client.post(url, data=data)
    assert response.status_code == 200, url
    problems = zh_problems(response.text) if url.startswith("/zh/") else en_problems(response.text)
    assert problems == []


def test_every_get_page_route_is_read():
    app = _app()
    plain = {rule.rule for rule in app.url_map.iter_rules()
             if rule.endpoint.startswith("web.") and "GET" in rule.methods and rule.arguments == {"lang_code"}}
    read_plain = {url.replace("/zh/", "/<lang_code>/", 1) for url, _ in STATES if url.startswith("/zh/")}
    assert {rule.replace("<lang_code>", "zh") for rule in plain} <= {url for url, _ in STATES}
    assert plain <= read_plain | {"/<lang_code>/"}
    assert get_routes() == set(NUMBERED), "a GET page with arguments this test does not know how to reach"


def kinds(problems: list[str]) -> list[str]:
    return [problem.split(":")[0] for problem in problems]


@pytest.mark.parametrize("text, found", [
    ("<p>女职工（F55）</p>", ["Latin word"]),
    ("<p>不知道 / 不确定</p>", ["ASCII punctuation"]),
    ("<p>（1 + 2.9%）每次等待6 秒</p>", ["space by a number"]),
    ("<p>见 http://hrss.sz.gov.cn/szsi/。</p>", ["web address"]),
    ('<p>见官网。</p><details class="sources-trail"><p>https://hrss.gd.gov.cn/a.html</p></details>', []),
    ("<p>用广东人社App、i深圳查，或按 Page Down 翻页。（(11293 ÷ 9774)^(1/5) − 1）</p>", []),
])
def test_the_chinese_check_finds_what_a_reader_would_trip_on(text, found):
    assert kinds(zh_problems(text)) == found


@pytest.mark.parametrize("text, found", [
    ("<p>饿了么 / 淘宝闪购 publish only “at least 50%”.</p>", ["饿了么", "淘宝闪购"]),
    ("<p>A screenshot of your 深工 membership card.</p>", ["深工"]),
    ("<p>You may pay on past retirement age (延缴). After 60 months of 延缴 you may pay the rest.</p>", []),
    ("<p>Choose “个缴人员停保” (stop individual contributions) under 粤人社规〔2026〕14号 or 《社会保险法》.</p>", []),
    ('<table><tr><th lang="zh-CN">参保年月*</th><td>The month your insurance starts.</td></tr></table>', []),
])
def test_the_english_check_finds_chinese_without_its_english(text, found):
    problems = en_problems(text)
    assert len(problems) == len(found) and all(word in problem for word, problem in zip(found, problems, strict=True))
