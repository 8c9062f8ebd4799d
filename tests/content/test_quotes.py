"""Quotes stay equal to what they cite (issue 25, item 10).

A source found on the web is recorded in content/sources.yaml with the passage as found (`quote`). Every quote in
content/ that cites such a source, as `source` or as `related_source` (its passage then in `related_quote`), must
be that passage or a part of it ("…" marks a cut), so an edit to either side that makes them differ fails here.
Every statement added for issue 25 carries a source and a status.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from advisor.policy import load_content

ISSUE_25_SOURCES = ("chengdu-hrss-flexible-minimum", "npc-2024-retirement-art2-repost", "chinanews-2025-07-22-injury",
                    "etnet-2025-09-26-injury")


def bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cited(node, where: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, source key, quoted Chinese text) for every quote in a content tree, by the source it cites."""
    if isinstance(node, dict):
        for quote_key, source_key in (("quote", "source"), ("related_quote", "related_source")):
            if quote_key in node and node.get(source_key):
                quote = node[quote_key]
                yield f"{where}.{quote_key}", node[source_key], quote["zh"] if isinstance(quote, dict) else quote
        for key, value in node.items():
            yield from cited(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from cited(value, f"{where}[{i}]")


def every_tree(content) -> Iterator[tuple[str, object]]:
    for parameter_id, parameter in content.parameters.items():
        for entry in parameter.entries:
            yield f"{parameter_id}@{entry.effective}", {"source": entry.source, "quote": entry.quote}
    for group in (content.texts, content.schemes, content.protections):
        yield from group.items()


def mismatches(content) -> list[str]:
    found = []
    for name, tree in every_tree(content):
        for where, source_key, quote in cited(tree):
            recorded = content.sources.get(source_key, {}).get("quote")
            if recorded is None or quote is None:
                continue
            for piece in quote.split("…"):
                if bare(piece) not in bare(recorded):
                    found.append(f"{name}{where}: {piece!r} is not in what {source_key} records")
    return found


def test_every_quote_of_a_recorded_passage_is_that_passage(content):
    assert mismatches(content) == []


def test_the_check_fails_when_a_quote_drifts_from_its_source(content):
    drifted = dict(content.sources["chengdu-hrss-flexible-minimum"])
    drifted["quote"] = drifted["quote"].replace("16年", "15年")
    content.sources["chengdu-hrss-flexible-minimum"] = drifted
    try:
        found = mismatches(content)
        assert len(found) == 1 and found[0].startswith("notices.minimum_year_when_deferring.quote: ")
    finally:
        content.sources["chengdu-hrss-flexible-minimum"] = load_content().sources["chengdu-hrss-flexible-minimum"]


@pytest.mark.parametrize("key", ISSUE_25_SOURCES)
def test_each_source_found_for_issue_25_has_an_address_its_passage_and_is_cited(content, key):
    source = content.sources[key]
    address = source.get("url") or source["read_at"]  # a mirror or repost: where it was read (the sources page)
    assert address.startswith(("https://", "http://"))
    assert source["quote"] and source["kind"] == "secondary"  # mirrors and reposts: never "official"
    citing = [where for name, tree in every_tree(content) for where, cited_key, _ in cited(tree) if cited_key == key]
    related = [name for name, tree in every_tree(content) if f"'related_source': '{key}'" in str(tree)]
    assert citing or related, f"{key} is cited by nothing"


def test_the_statements_added_for_issue_25_have_a_source_and_a_status(content):
    notices = content.texts["notices"]
    for code in ("minimum_year_when_deferring", "extension_before_records", "lump_sum"):
        assert notices[code]["source"] in content.sources and notices[code]["status"] in ("provisional", "missing")
    plan = content.protections["platforms"]["industries_plan"]
    assert plan["source"] in content.sources and plan["status"] == "secondary"
    reason = content.protections["injury_protection"]["reasons"]["platform_work_not_named"]
    assert reason["zh"] and reason["en"]


def test_the_gov_2026_11_address_is_the_documents_own_page(content):
    assert content.sources["gov-2026-11"]["url"] == "https://www.gov.cn/zhengce/content/202605/content_7069960.htm"
