"""content/protections/: every quote verbatim from the dossier or seed its source cites, the agreed
platform ids, known statuses, both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.rules.protections import PLATFORM_IDS
from tests.conftest import shared_file

from .walk import quotes, texts

CONTENT = Path(__file__).resolve().parents[2] / "content"
STATUSES = {"official", "secondary", "unverified", "not_found"}


def without_layout(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("**", ""))


def cited_text(content, source_key: str) -> str:
    source = content.sources[source_key]
    if "quote" in source:  # the passage recorded with the source when it was found (tests/content/test_quotes.py)
        return source["quote"]
    if "seed" in source:
        return shared_file(f"seeds/{source['seed']}").read_text(encoding="utf-8")
    if source.get("dossier") == "addendum.md":
        return (CONTENT / "protections" / "addendum.md").read_text(encoding="utf-8")
    assert source.get("dossier") == "protections-sources.md", f"{source_key} cites no dossier or seed"
    return shared_file("protections-sources.md").read_text(encoding="utf-8")


def test_every_quote_is_verbatim_from_the_dossier_or_seed_it_cites(content):
    shared_file("protections-sources.md")
    checked = 0
    for stem, data in content.protections.items():
        for where, source, zh in quotes(data):
            assert source, f"{stem}{where} has a quote without a source"
            text = without_layout(cited_text(content, source))
            for piece in zh.split("…"):  # "…" marks a cut in the quoted passage
                assert without_layout(piece) in text, f"{stem}{where}: {piece!r} not in {source}"
            checked += 1
    assert checked >= 11


def test_the_subsidy_figures_quote_the_dossier(content):
    text = shared_file("protections-sources.md").read_text(encoding="utf-8")
    for parameter_id in ("subsidy.meituan_pension_share", "subsidy.eleme_minimum_share"):
        for entry in content.parameters[parameter_id].entries:
            assert entry.quote in text, parameter_id
            assert entry.status == "provisional"  # press reports and platform rules, not a government text


def test_platform_ids_are_the_agreed_list_everywhere(content, app):
    assert [p["id"] for p in content.protections["platforms"]["platforms"]] == list(PLATFORM_IDS) == [
        "meituan", "eleme", "dada", "shansong", "huolala", "kuaigou", "caocao", "didi", "shunfeng_tongcheng",
        "didi_freight", "manbang", "jd", "other", "unknown"]
    schema = app.test_client().get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Platform"]
    assert schema["enum"] == list(PLATFORM_IDS)


def test_pilot_groups_and_dates_follow_the_dossier(content):
    groups = {p["id"]: (p["injury"]["group"], str(p["injury"].get("since"))) for p in
              content.protections["platforms"]["platforms"]}
    for platform in ("meituan", "eleme", "dada", "shansong", "huolala", "kuaigou", "caocao"):
        assert groups[platform] == ("first_batch", "2022-07-01")
    for platform in ("didi", "shunfeng_tongcheng", "didi_freight", "manbang"):
        assert groups[platform] == ("added_2025", "2025-07-01")
    assert groups["jd"][0] == "employer"


def test_every_fact_has_a_known_status_and_not_found_facts_name_whom_to_ask(content):
    sections = content.protections["injury_protection"]["sections"]
    items = [item for section in sections for item in section["items"]]
    assert {item["status"] for item in items} <= STATUSES
    for item in items:
        if item["status"] == "not_found":
            assert "12333" in item["text"]["zh"] or "平台" in item["text"]["zh"], item["id"]
        else:
            assert item["source"] in content.sources, item["id"]


def test_every_protection_text_has_both_languages(content):
    found = [text for data in content.protections.values() for _, text in texts(data)]
    assert len(found) > 100
    assert all(t["zh"].strip() and t["en"].strip() for t in found)


def test_a_wrong_platform_id_stops_start_up(broken):
    from tests.conftest import assert_refused
    assert_refused(broken, "protections/platforms.yaml", "- id: kuaigou", "- id: gogox",
                   "platforms", "ids must be exactly")


def test_the_checklist_quotes_e_road_and_the_guangdong_plan_as_their_content_does(content):
    pays = {k: v["pays"]["zh"] for k, v in content.protections["after_accident"]["schemes"].items()}
    benefits = content.schemes["e_road"]["benefits"]
    assert benefits["accident_death_disability"]["up_to"] == "1300000" and "130万元" in pays["e_road"]
    assert benefits["accident_medical"]["up_to"] == "50000" and "5万元" in pays["e_road"]
    assert benefits["sudden_death"]["lump_sum"] == "70000" and "猝死7万元" in pays["e_road"]
    plan = content.schemes["gd_mutual_aid"]
    assert plan["cumulative_cap"]["amount"] == "10000" and "累计最多1万元" in pays["gd_mutual_aid"]
    tiers = [t["payout"] for t in plan["payout_tiers"]["tiers"]]
    assert (tiers[0], tiers[-1]) == ("200", "6000") and "200元至6000元" in pays["gd_mutual_aid"]


def test_a_deleted_subsidy_figure_stops_start_up(broken):
    # The subsidies begin in 2025 (not required for every month since 2022-07, like the other
    # figures); content/protections/subsidies.yaml names them, and start-up checks they exist.
    from advisor.policy import ContentError, load_content
    (broken / "parameters" / "subsidy" / "meituan_pension_share.yaml").unlink()
    with pytest.raises(ContentError, match="subsidies.meituan.share"):
        load_content(broken)


def test_the_checks_jd_route_cites_seed_000_for_the_rule_and_the_dossier_for_jd(content):
    shared_file("protections-sources.md")
    rule = content.texts["eligibility"]["not_platform_employee"]
    assert rule["code"] == "platform_employee" and rule["source"] == "seed-000-sitf"
    assert without_layout(rule["quote"]["zh"]) in without_layout(cited_text(content, "seed-000-sitf"))
    jd = content.protections["subsidies"]["subsidies"]["jd"]
    assert jd["kind"] == "employer" and jd["condition"]["source"] == "jd-2025-02-19"
    assert jd["condition"]["status"] == "secondary"
    dossier = cited_text(content, "jd-2025-02-19")
    assert "Full-time JD riders are employer-insured: the advisor should route them to employee rules" in dossier
    assert jd["check"]["heading"]["zh"] and len(jd["check"]["asks"]) == 4


def test_the_guangdong_tiers_in_the_checklist_are_seed_002s(content):
    seed = without_layout(cited_text(content, "seed-002-gd-union"))
    plan = content.schemes["gd_mutual_aid"]
    assert without_layout(plan["payout_tiers"]["quote"]["zh"]) in seed
    assert [(t["from"], t.get("to"), t["payout"]) for t in plan["payout_tiers"]["tiers"]] == [
        ("200", "500", "200"), ("500", "2000", "500"), ("2000", "5000", "2000"), ("5000", "10000", "5000"),
        ("10000", None, "6000")]
    assert without_layout(plan["period"]["gift_period"]["quote"]["zh"]) in seed
