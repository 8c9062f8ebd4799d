"""One way to show a source (issue 24): the badge, the short line, the page's collapsed "依据和来源" section, and the
sources page (/zh/sources), the only page that shows the research notes."""

from __future__ import annotations

import re
from html import escape

import pytest
from flask import render_template_string

from advisor.web.citations import cite, page_citations
from tests.web.pages import HTMX, opened, text_of

LANGUAGES = ("zh", "en")
# What the research behind a source found, which pages other than /sources never show: mirrors, reposts, code
# projects, third-party calculators and pages (by name or domain), undated documents, the site as an issuer.
RESEARCH_MARKERS = re.compile(
    r"镜像|转载|第三方|日期不详|公开代码|公开计算器|公开的养老金计算器|读的是"
    r"|liubigfatty|jiabin-xu|github|kaizencpa|isslerlaw|yyh998|191i\.com|1jbx|saitsu|eyeshenzhen|njpanjin"
    r"|mirror|repost|repository|third[- ]part(?:y|ies)(?! liability)|public (?:pension )?calculator",
    re.IGNORECASE)
TRAIL = re.compile(r'<details class="sources-trail[^"]*" id="sources".*?</details>', re.S)
SOURCE_LINE = re.compile(r'<span class="source-line">(.*?)</span>', re.S)
# Answers that bring each result page's figures, notices and rules onto the page.
RESULTS = {
    "/check": {"birth_date-year": "1968", "birth_date-month": "5", "birth_date-day": "31", "sex": "female",
               "hukou": "other_province", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
               "full_time_student": "no", "employer_insured": "no", "insured_before": "no"},
    "/calculate": {"wage": "3000", "hukou": "other_province", "insurances": ["pension", "medical", "unemployment"],
                   "month": "2026-11"},
}


def opened_page(client, url: str) -> str:
    """A page as a reader lands on it (the slides' first address leads to the first slide)."""
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, url
    return response.text


def pages(app) -> list[str]:
    """Every page of the app's URL map that needs no value in its address, in both languages."""
    rules = [rule.rule for rule in app.url_map.iter_rules()
             if "GET" in rule.methods and rule.endpoint.startswith("web.")
             and not set(rule.arguments) - {"lang_code"}]
    return sorted({rule.replace("<lang_code>", lang) for rule in rules for lang in LANGUAGES})


def outside_the_trail(html: str) -> str:
    return TRAIL.sub("", html)


def test_every_page_outside_the_sources_page_shows_no_research_note(app, client):
    shown = {}
    urls = [url for url in pages(app) if not url.endswith("/sources")]
    assert len(urls) > 30 and "/zh/faq" in urls and "/en/protection/injury" in urls
    for url in urls:
        found = RESEARCH_MARKERS.findall(text_of(outside_the_trail(opened_page(client, url))))
        if found:
            shown[url] = sorted(set(found))
    assert shown == {}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", sorted(RESULTS))
def test_a_result_shows_no_research_note_either(client, lang, path):
    response = client.post(f"/{lang}{path}", data=RESULTS[path])
    assert response.status_code == 200
    html = response.text
    assert SOURCE_LINE.search(html), "the result cites its rules"
    assert RESEARCH_MARKERS.findall(text_of(outside_the_trail(html))) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_source_lines_are_short_and_carry_no_address(app, client, lang):
    for url in pages(app):
        if not url.startswith(f"/{lang}/"):
            continue
        html = opened_page(client, url)
        trail = "".join(TRAIL.findall(html))
        for line in SOURCE_LINE.findall(html):
            text = text_of(line)
            title = re.sub(r"^(依据：|Based on: )", "", text)
            cited = [text_of(title) for title in re.findall(r'<span class="sources-trail__title">(.*?)</span>', trail)]
            assert any(title.startswith(document) for document in cited), (url, text)  # listed in the section
            assert "http" not in line and "<a " not in line, (url, text)
            assert text.startswith({"zh": "依据：", "en": "Based on:"}[lang]), (url, text)
            assert len(text) <= 160, (url, text)
            assert not RESEARCH_MARKERS.search(text), (url, text)


def test_the_faq_cites_each_document_once_in_one_closed_section_at_its_end(client):
    html = opened(client, "/zh/faq")
    trails = TRAIL.findall(html)
    assert len(trails) == 1
    trail = trails[0]
    assert "<details" in trail and " open" not in trail.split(">", 1)[0]  # closed until opened
    assert html.index(trail) > html.index('id="myths"')  # after the page's own content
    assert "依据和来源" in text_of(trail)
    titles = re.findall(r'<span class="sources-trail__title">(.*?)</span>', trail)
    assert titles and len(titles) == len(set(titles))  # the FAQ cites 在深灵活就业人员参保讲解 many times: once here
    lines = [text_of(line) for line in SOURCE_LINE.findall(outside_the_trail(html))]
    assert lines.count("依据：《在深灵活就业人员参保讲解》") >= 3
    assert 'href="/zh/sources"' in trail
    assert re.search(r'<a class="url" href="https://www\.gov\.cn/', trail)  # the full citation keeps its address
    # and the page outside the section shows no address of a source
    assert "https://www.gov.cn/" not in outside_the_trail(html)


def test_an_htmx_answer_brings_its_own_sources_section(client):
    response = client.post("/zh/calculate", data=RESULTS["/calculate"], headers=HTMX)
    html = response.text
    assert "<html" not in html
    trail = TRAIL.findall(html)
    assert len(trail) == 1 and 'hx-swap-oob="true"' in trail[0]
    assert "粤人社发〔2025〕32号" in text_of(trail[0])  # the bases' document, cited by the result


def test_the_footer_links_the_sources_page_on_every_page(client):
    for url in ("/zh/", "/en/faq", "/zh/union/e-road", "/en/outreach"):
        assert 'href="/{}/sources"'.format(url.split("/")[1]) in opened(client, url).split("<footer", 1)[1]


# The component itself -------------------------------------------------------------------------------------------

def render(app, lang: str, source: str, **values) -> str:
    with app.test_request_context(f"/{lang}/faq"):
        app.preprocess_request()
        return render_template_string('{% import "macros/sources.html" as sources %}' + source, **values)


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "依据：《中华人民共和国社会保险法》（主席令第三十五号）第十条"),
    ("en", "Based on: 《中华人民共和国社会保险法》 (主席令第三十五号), Article 10"),
])
def test_a_source_is_one_short_line_with_title_and_place(app, lang, line):
    locator = {"zh": "第十条", "en": "Article 10"}[lang]
    with app.test_request_context(f"/{lang}/faq"):
        app.preprocess_request()
        cited = cite("npc-2010-social-insurance-law", locator)
    html = render(app, lang, "<li>{{ sources.source_line(cited) }}</li>", cited=cited)
    assert text_of(html) == line
    assert html.count("<span") == 1 and "http" not in html


@pytest.mark.parametrize(("status", "badge", "meaning"), [
    ("provisional", "还在核实", "12333"),
    ("conflicting", "说法不一", "12333"),
    ("missing", "没找到官方规定", "956030"),
    ("unverified", "还在核实", "平台"),  # a protection item's statuses read as the figures'
    ("not_found", "没找到官方规定", "956030"),
])
def test_a_status_is_a_badge_with_a_line_of_meaning_and_whom_to_ask(app, status, badge, meaning):
    text = text_of(render(app, "zh", "{{ sources.status_badge(status) }}", status=status))
    assert text.startswith(badge + " ") and meaning in text


def test_a_confirmed_status_is_the_badge_alone(app):
    assert text_of(render(app, "zh", "{{ sources.status_badge('confirmed') }}")) == "已确认"
    assert text_of(render(app, "en", "{{ sources.status_badge('official') }}")) == "Confirmed"


def test_the_section_lists_a_document_once_with_every_place_cited(app):
    with app.test_request_context("/zh/faq"):
        app.preprocess_request()
        law = cite("npc-2010-social-insurance-law")
        found = page_citations({"a": [law.at("第十条"), law.at("第十条")]}, (law.at("第十六条"), cite("gov-2005-38")))
    assert [(c.citation.key, c.locators) for c in found] == [
        ("npc-2010-social-insurance-law", ("第十条", "第十六条")), ("gov-2005-38", ())]
    html = render(app, "zh", "{{ sources.sources_section(found) }}", found=found)
    assert html.startswith('<details class="sources-trail') and "<details open" not in html
    assert html.count('class="sources-trail__item"') == 2
    assert "第十条、第十六条" in text_of(html)


# The sources page ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_page_lists_every_source_with_its_status(client, content, lang):
    html = opened(client, f"/{lang}/sources")
    badges = {"zh": ("已确认", "还在核实"), "en": ("Confirmed", "Unverified")}[lang]
    for key, source in content.sources.items():
        entry = re.search(rf'<li class="source-entry" id="{re.escape(key)}">(.*?)</li>\s*'
                          r'(?=<li class="source-entry"|</ul>)', html, re.S)
        assert entry, key
        text = text_of(entry.group(1))
        assert any(badge in text for badge in badges), key
        if source.get("note"):
            assert source["note"][lang] in text, key  # the research note, here and nowhere else
        if source.get("read_at"):
            assert escape(source["read_at"]) in entry.group(1), key
    assert html.count('<li class="source-entry"') == len(content.sources)
    assert "sources-trail" not in html  # the page is the trail: no section of its own


def test_the_sources_page_says_what_each_source_supports(client):
    html = opened(client, "/zh/sources")
    entry = html[html.index('id="calc-liubigfatty-pension"'):]
    entry = entry[:entry.index('<li class="source-entry"')]
    assert "liubigfatty/pension-calculator" in entry  # the research note, in plain words
    assert "深圳市全口径城镇单位就业人员月平均工资" in text_of(entry) or "平均工资" in text_of(entry)
    faq = html[html.index('id="seed-000-sitf"'):]
    assert 'href="/zh/faq"' in faq[:faq.index('<li class="source-entry"')]
