"""content/schemes/: every text bilingual, every quote verbatim from its seed, every figure the seed's."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from advisor.policy import ContentError, load_content
from tests.conftest import assert_refused, shared_file

D = Decimal
CONTENT = Path(__file__).resolve().parents[2] / "content"


def texts(node, where=""):
    """Every {zh, en} pair with its path."""
    if isinstance(node, dict):
        if "zh" in node or "en" in node:
            yield where, node
            return
        for key, value in node.items():
            yield from texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, f"{where}[{i}]")


def quotes(node, source, where=""):
    """Every quoted passage with the source that covers it (the nearest `source:` above it)."""
    if isinstance(node, dict):
        source = node.get("source", source)
        for key, value in node.items():
            if key.endswith("quote") and isinstance(value, dict) and "zh" in value:
                yield f"{where}.{key}", source, value["zh"]
            else:
                yield from quotes(value, source, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from quotes(value, source, f"{where}[{i}]")


def without_layout(text: str) -> str:
    """The seeds are text extracted from slides and PDFs: line breaks, spaces and bold markers are noise;
    an editor's "[原文如此]" (sic) marks a slip in the original and is not part of it."""
    return re.sub(r"\s+", "", text.replace("**", "").replace("[原文如此]", ""))


def test_the_four_scheme_files_are_loaded(content):
    assert sorted(content.schemes) == ["e_road", "gd_mutual_aid", "other_regions", "union_membership"]


def test_every_text_has_both_languages(content):
    count = 0
    for stem, scheme in content.schemes.items():
        for where, text in texts(scheme):
            assert set(text) == {"zh", "en"}, f"{stem}{where}"
            assert text["zh"].strip() and text["en"].strip(), f"{stem}{where}"
            count += 1
    assert count > 150


def test_every_quote_is_verbatim_from_its_seed(content):
    seeds = shared_file("seeds")
    checked = 0
    for stem, scheme in content.schemes.items():
        for where, source, zh in quotes(scheme, None):
            seed = seeds / content.sources[source]["seed"]
            assert without_layout(zh) in without_layout(seed.read_text(encoding="utf-8")), f"{stem}{where}"
            checked += 1
    assert checked >= 90


def test_the_new_seed_sources_are_cited_with_their_document_numbers(content):
    assert content.sources["seed-002-gd-union"]["number"] == "粤工总〔2021〕30号"
    assert content.sources["seed-003-shaanxi"]["number"] == "陕工发〔2023〕2号"
    assert content.sources["seed-004-tongliang"]["number"] == "铜人社函〔2025〕186号"
    assert "number" not in content.sources["seed-001-xinhua"]
    assert [content.sources[f"seed-00{i}-{name}"]["seed"][:3] for i, name in
            ((1, "xinhua"), (2, "gd-union"), (3, "shaanxi"), (4, "tongliang"))] == ["001", "002", "003", "004"]


# E路守护 (seed 000)

def test_e_road_benefits_per_group_match_the_seed(content):
    groups = content.schemes["e_road"]["benefit_groups"]
    shared = ["accident_death_disability", "accident_medical", "accident_hospital_allowance", "sudden_death",
              "critical_illness"]
    assert groups["couriers_riders"]["benefits"] == shared + ["third_party_liability"]
    assert groups["drivers"]["benefits"] == shared + ["vehicle_total_loss", "sickness_lost_income"]


def test_e_road_benefit_amounts_match_the_seed(content):
    benefits = content.schemes["e_road"]["benefits"]
    death = benefits["accident_death_disability"]
    assert D(death["up_to"]) == D("1300000")
    assert [(level["id"], D(level["up_to"])) for level in death["levels"]] == [
        ("ordinary", D("650000")), ("air_sea_rail", D("700000")), ("good_samaritan", D("1300000"))]
    medical = benefits["accident_medical"]
    assert D(medical["up_to"]) == D("50000")
    assert D(medical["reimbursement"]["after_medical_insurance"]) == D("1")
    assert D(medical["reimbursement"]["without_medical_insurance"]) == D("0.5")
    hospital = benefits["accident_hospital_allowance"]
    assert (D(hospital["per_day"]), hospital["max_days"]) == (D("100"), 30)
    assert D(benefits["sudden_death"]["lump_sum"]) == D("70000")
    assert [(level["id"], D(level["lump_sum"])) for level in benefits["critical_illness"]["levels"]] == [
        ("rare", D("60000")), ("general", D("30000")), ("mild", D("5000"))]
    assert "申领轻症保障金后，还能继续申领一般重疾/罕见重疾保障金" in \
        benefits["critical_illness"]["mild_then_more"]["quote"]["zh"]
    liability = benefits["third_party_liability"]
    assert (D(liability["up_to"]), D(liability["deductible_per_incident"])) == (D("600000"), D("500"))
    assert D(benefits["vehicle_total_loss"]["lump_sum"]) == D("20000")
    sickness = benefits["sickness_lost_income"]
    assert (D(sickness["per_day"]), sickness["max_days"]) == (D("200"), 5)


def test_e_road_conditions_carry_the_proof_the_seed_lists_and_none_for_the_fifth(content):
    conditions = content.schemes["e_road"]["conditions"]
    assert [(c["id"], c["proof"]["quote"]["zh"] if c["proof"] else None) for c in conditions] == [
        ("member", "“深工”【会籍管理】电子会员卡"),
        ("occupation", "工作证明或平台职业信息页截图"),
        ("three_months_in_work", "平台接单记录、工资流水等"),
        ("working_month_before", "平台接单记录、工资流水等"),
        ("incident_in_shenzhen", None),
    ]
    assert conditions[4]["quote"]["zh"] == "保险事故发生地为深圳（含深汕特别合作区）。"


def test_e_road_occupations_are_recorded_as_the_seed_says_with_the_discrepancy_flagged(content):
    occupations = content.schemes["e_road"]["occupations"]
    assert "家政服务员五类" in occupations["intro_quote"]["zh"]
    assert occupations["conditions_quote"]["zh"].count("“网约车司机”") == 2
    domestic = next(g for g in occupations["groups"] if g["id"] == "domestic_worker")
    assert domestic["benefit_group"] is None and domestic["status"] == "to_confirm"
    assert "家政服务员" in occupations["discrepancy"]["zh"] and "956030" in occupations["discrepancy"]["zh"]
    assert "domestic workers" in occupations["discrepancy"]["en"]


def test_the_carpool_quiz_answer_is_left_to_the_union_hotline(content):
    carpool = next(q for q in content.schemes["e_road"]["quiz"] if q["id"] == "carpool_drivers")
    assert carpool["status"] == "to_confirm"
    assert carpool["answer"]["zh"].startswith("材料没有给出答案")
    assert "956030" in carpool["answer"]["zh"] and "956030" in carpool["answer"]["en"]


def test_the_same_platform_quiz_answer_is_no_because_condition_3_speaks_of_the_work(content):
    platform = next(q for q in content.schemes["e_road"]["quiz"] if q["id"] == "same_platform")
    assert platform["status"] == "from_text"
    assert platform["answer"]["zh"].startswith("不需要")
    assert platform["answer"]["en"].startswith("No")
    assert "从事相关工作3个月及以上" in platform["answer"]["zh"]


def test_e_road_claim_channels_are_the_seeds(content):
    channels = content.schemes["e_road"]["claim_channels"]
    assert [(p["number"], p["hours"]["en"]) for p in channels["phones"]] == [
        ("956030", "24 hours"), ("0755-83288836-1", "Working hours"), ("25109081", "Working hours")]
    assert [c["id"] for c in channels["channels"]] == ["phone", "mini_program", "counter"]


# Guangdong member accident-medical mutual aid (seed 002 annex 4)

def test_mutual_aid_tiers_cap_fee_and_limits_match_annex_4(content):
    plan = content.schemes["gd_mutual_aid"]
    assert [(t["from"], t["from_included"], t.get("to"), t["payout"]) for t in plan["payout_tiers"]["tiers"]] == [
        ("200", True, "500", "200"), ("500", False, "2000", "500"), ("2000", False, "5000", "2000"),
        ("5000", False, "10000", "5000"), ("10000", False, None, "6000")]
    assert D(plan["cumulative_cap"]["amount"]) == D("10000")
    assert D(plan["fee"]["amount"]) == D("20")
    assert plan["time_limits"]["treatment_window_days"] == 180
    assert plan["time_limits"]["claim_deadline_years"] == 1
    assert "二级或二级以上的公立医院" in plan["hospital_rule"]["quote"]["zh"]


def test_all_thirteen_exclusions_are_listed_in_order(content):
    items = content.schemes["gd_mutual_aid"]["exclusions"]["items"]
    assert len(items) == 13
    assert items[0]["quote"]["zh"].startswith("被保障人斗殴")
    assert items[4]["quote"]["zh"].startswith("椎间盘突出症")
    assert items[12]["quote"]["zh"] == "核爆炸、核辐射或核污染。"


def test_the_claim_materials_are_the_three_the_plan_lists(content):
    claim = content.schemes["gd_mutual_aid"]["how_to_claim"]
    assert [m["quote"]["zh"][:7] for m in claim["materials"]] == ["由医疗机构出具", "与意外伤害事故", "诊治记录,包括"]
    assert "粤工惠" in claim["quote"]["zh"]


def test_the_plan_periods_are_2022_and_july_2021_to_december_2025_and_say_they_have_passed(content):
    period = content.schemes["gd_mutual_aid"]["period"]
    assert (period["plan_year"]["start"], period["plan_year"]["end"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert (period["gift_period"]["start"], period["gift_period"]["end"]) == (date(2021, 7, 1), date(2025, 12, 31))
    assert "已经过去" in period["ended"]["zh"] and "have passed" in period["ended"]["en"]


# Joining a union (seed 002) and other regions (seeds 001, 003, 004)

def test_the_four_routes_into_a_union_follow_the_seed_items_1_to_4(content):
    routes = content.schemes["union_membership"]["routes"]
    assert [r["id"] for r in routes] == ["labour_relationship", "not_fully_labour_relationship", "own_business",
                                         "agency_worker"]
    assert [r["locator"]["zh"] for r in routes] == ["二（四）1", "二（四）2", "二（四）3", "二（四）4"]
    assert "广东新业态入会" in content.schemes["union_membership"]["online"]["quote"]["zh"]


def test_other_regions_are_marked_and_carry_their_figures(content):
    regions = {r["id"]: r for r in content.schemes["other_regions"]["regions"]}
    assert regions["shaanxi"]["kind"] == "other_region"
    assert (D(regions["shaanxi"]["figures"]["share_price"]), regions["shaanxi"]["figures"]["shares_per_person"]) \
        == (D("100"), 1)
    assert regions["chongqing_tongliang"]["kind"] == "other_region"
    assert D(regions["chongqing_tongliang"]["figures"]["new_member_gift"]) == D("25")
    assert regions["shenzhen_2021_measures"]["kind"] == "background"
    assert regions["shenzhen_2021_measures"]["figures"]["workers"] == 1700000
    assert "其他地区" in regions["shaanxi"]["region"]["zh"]


# The loader refuses a broken scheme file, naming it



@pytest.mark.parametrize("relative, old, new, field, problem", [
    ("schemes/gd_mutual_aid.yaml", 'payout: "500"', "payout: 500.0", "(yaml)", "unquoted decimal"),
    ("schemes/gd_mutual_aid.yaml", '    - from: "500"', '    - from: "600"', "payout_tiers.tiers[1].from",
     "previous tier"),
    ("schemes/gd_mutual_aid.yaml", 'amount: "10000"', 'amount: "ten thousand"', "cumulative_cap.amount",
     "not an amount"),
    ("schemes/gd_mutual_aid.yaml", "source: seed-002-gd-union", "source: seed-999", "source", "not in"),
    ("schemes/e_road.yaml", "en: Sudden death benefit}", "fr: Décès soudain}", "benefits.sudden_death.name",
     "needs both"),
    ("schemes/e_road.yaml", "critical_illness, vehicle_total_loss", "critical_illness, vehicle_theft",
     "benefit_groups.drivers.benefits", "'vehicle_theft' is not in benefits"),
    ("schemes/e_road.yaml", "    status: to_confirm\n    answer:", "    status: probably_not\n    answer:",
     "quiz[0].status", "must be one of"),
])
def test_a_broken_scheme_file_is_refused_with_its_name_and_field(broken, relative, old, new, field, problem):
    assert_refused(broken, relative, old, new, field, problem)


def test_a_missing_scheme_file_is_refused(broken):
    (broken / "schemes" / "gd_mutual_aid.yaml").unlink()
    with pytest.raises(ContentError, match=r"content/schemes/gd_mutual_aid.yaml: \(file\): file is missing"):
        load_content(broken)
