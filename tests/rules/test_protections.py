"""新职伤 self-check, the platform subsidy to the fen, and the after-accident checklist for six stories."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor.rules.protections import (
    AccidentAnswers,
    PilotGroup,
    PlatformFacts,
    SubsidyKind,
    SubsidyTerms,
    after_accident_checklist,
    injury_check,
    net_cost,
    platform_subsidy,
)

D = Decimal
TODAY = date(2026, 11, 22)
FIRST = date(2022, 7, 1)
ADDED = date(2025, 7, 1)
MEITUAN = PlatformFacts("meituan", PilotGroup.FIRST_BATCH, FIRST, ("delivery",))
DIDI = PlatformFacts("didi", PilotGroup.ADDED_2025, ADDED, ("ride_hailing",))
JD = PlatformFacts("jd", PilotGroup.EMPLOYER, None, ("delivery",))
OTHER = PlatformFacts("other", PilotGroup.NOT_LISTED, None)
UNKNOWN = PlatformFacts("unknown", PilotGroup.UNKNOWN, None)
E_ROAD = ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")
MEITUAN_TERMS = SubsidyTerms("meituan", SubsidyKind.EXACT, D("0.50"), True)
ELEME_TERMS = SubsidyTerms("eleme", SubsidyKind.AT_LEAST, D("0.50"), False)


# Platform subsidy ------------------------------------------------------------------------------

TOTAL, FLOOR = D("955.00"), D("4775")


def subsidy(terms=MEITUAN_TERMS, met=True, total=TOTAL, floor=FLOOR, pension=True):
    return platform_subsidy(terms, met, total, floor, D("0.20"), pension, "ROUND_HALF_UP")


def test_meituan_at_2026_11_pays_half_of_the_floor_pension_contribution_477_50():
    result = subsidy()
    assert (result.applies, result.amount, result.net_monthly_total, result.net_yearly_total) == (
        True, D("477.50"), D("477.50"), D("5730.00"))


def test_the_subsidy_is_the_same_on_a_higher_base_and_comes_off_the_whole_month():
    result = subsidy(total=D("1493.16"))  # pension at the floor + medical tier 1 at its floor (2026-11)
    assert (result.amount, result.net_monthly_total) == (D("477.50"), D("1015.66"))


def test_the_2024_floor_rounds_to_the_fen():
    assert subsidy(floor=D("4492"), total=D("898.40")).amount == D("449.20")  # the Meituan example (§4)
    assert subsidy(floor=D("4492.05"), total=D("898.41")).amount == D("449.21")  # 898.41 × 50% = 449.205 → .21


def test_an_unknown_condition_shows_the_amount_but_does_not_say_it_applies():
    result = subsidy(met=None)
    assert (result.applies, result.amount, result.reason) == (None, D("477.50"), "condition_unknown")


def test_a_condition_not_met_gives_no_subsidy_and_the_full_cost():
    result = subsidy(met=False)
    assert (result.applies, result.amount, result.net_monthly_total) == (False, D("0.00"), D("955.00"))


def test_before_the_subsidy_started_nothing_is_paid():
    result = subsidy(terms=SubsidyTerms("meituan", SubsidyKind.EXACT, None, True))
    assert (result.applies, result.amount, result.reason, result.in_force) == (False, D("0.00"), "not_in_force", False)


def test_without_pension_insurance_meituan_pays_nothing():
    result = subsidy(pension=False, total=D("538.16"))
    assert (result.applies, result.amount, result.net_monthly_total) == (False, D("0.00"), D("538.16"))


def test_an_unpublished_amount_is_never_invented():
    result = subsidy(terms=ELEME_TERMS, total=D("1493.16"))
    assert (result.applies, result.amount, result.net_monthly_total, result.reason) == (
        True, None, None, "not_published")
    assert result.share == D("0.50")  # the bound, shown as "at least 50%"
    assert subsidy(terms=ELEME_TERMS, met=None).applies is None


def test_net_cost_per_base_in_the_forecast():
    assert net_cost(D("1836.60"), D("477.50")) == D("1359.10")


def test_the_net_cost_is_never_below_zero():
    # Issue 25 (mutation run): a subsidy larger than the month's total leaves 0.00 to pay, not a negative cost.
    result = subsidy(total=D("400.00"))
    assert (result.amount, result.net_monthly_total, result.net_yearly_total) == (D("477.50"), D("0.00"), D("0.00"))
    assert net_cost(D("400.00"), D("477.50")) == D("0.00")
    assert net_cost(D("477.50"), D("477.50")) == D("0.00")
    assert net_cost(D("400.00"), None) is None
    assert net_cost(D("400.00"), D("477.50")) == D("0.00")
    assert net_cost(D("955.00"), None) is None


# 新职伤 self-check --------------------------------------------------------------------------------

@pytest.mark.parametrize(("platform", "work", "during", "verdict", "codes"), [
    (MEITUAN, "delivery", True, "covered", ["platform_first_batch", "work_in_pilot", "during_order"]),
    (MEITUAN, "delivery", False, "not_covered", ["platform_first_batch", "work_in_pilot", "not_during_order"]),
    (MEITUAN, "delivery", None, "unknown", ["platform_first_batch", "work_in_pilot", "during_order_unknown"]),
    (DIDI, "ride_hailing", True, "covered", ["platform_added_2025", "work_in_pilot", "during_order"]),
    (JD, "delivery", True, "unknown", ["platform_employer", "work_in_pilot", "during_order"]),
    (OTHER, "delivery", True, "unknown", ["platform_not_listed", "work_in_pilot", "during_order"]),
    (UNKNOWN, "unknown", True, "unknown", ["platform_unknown", "work_unknown", "during_order"]),
    (MEITUAN, "courier", True, "not_covered", ["platform_first_batch", "work_not_in_pilot", "during_order"]),
    (MEITUAN, "ride_hailing", True, "unknown", ["platform_work_not_named", "work_in_pilot", "during_order"]),
    (DIDI, "freight", True, "unknown", ["platform_work_not_named", "work_in_pilot", "during_order"]),
    (MEITUAN, "ride_hailing", False, "not_covered", ["platform_work_not_named", "work_in_pilot", "not_during_order"]),
], ids=["first batch on an order", "first batch off an order", "first batch on the way to pick up",
        "added in 2025", "JD (employer)", "another platform", "don't know", "courier work",
        "Meituan's ride-hailing", "DiDi's freight", "Meituan's ride-hailing off an order"])
def test_injury_verdicts_for_each_platform_group(platform, work, during, verdict, codes):
    check = injury_check(platform, work, during, TODAY)
    assert check.verdict.value == verdict
    assert [r.code for r in check.reasons] == codes


def test_a_2025_platform_was_not_covered_before_it_joined():
    check = injury_check(DIDI, "ride_hailing", True, date(2025, 6, 30))
    assert (check.verdict.value, check.reasons[0].code) == ("not_covered", "platform_not_yet")
    assert injury_check(DIDI, "ride_hailing", True, ADDED).verdict.value == "covered"


def test_whom_to_ask():
    assert injury_check(MEITUAN, "delivery", True, TODAY).asks == ("report_in_app", "hotline_12333")
    assert injury_check(JD, "delivery", True, TODAY).asks == ("report_in_app", "employer_jd", "hotline_12333")
    assert injury_check(MEITUAN, "delivery", False, TODAY).asks == ("hotline_12333", "union_956030")
    # orders in an industry the platform is not named for: ask the platform and 12333
    assert injury_check(MEITUAN, "ride_hailing", True, TODAY).asks == ("report_in_app", "platform_service",
                                                                       "hotline_12333")


# After an accident: six stories -------------------------------------------------------------------

def story(platform=MEITUAN, work="delivery", during=True, member=True, months=True, medical=True,
          place="shenzhen", happened=("injury", "hospital", "traffic"), period_over=True):
    answers = AccidentAnswers(platform, work, during, member, months, medical, place, frozenset(happened))
    checklist = after_accident_checklist(answers, TODAY, E_ROAD, period_over)
    return checklist, {s.scheme: (s.applies, s.reason) for s in checklist.schemes}


def test_rider_on_an_order_in_shenzhen_who_is_a_union_member():
    checklist, schemes = story()
    assert checklist.steps == ("emergency", "police", "report_app", "keep_evidence", "claim_schemes")
    assert schemes == {
        "injury_protection": (True, "injury_covered"),
        "e_road": (True, "e_road_all_met"),
        "gd_mutual_aid": (None, "gd_period_over"),
        "platform_insurance": (None, "platform_insurance_ask"),
        "medical_insurance": (True, "medical_insured"),
    }
    assert next(s for s in checklist.schemes if s.scheme == "medical_insurance").third_party is True
    assert checklist.evidence == ("order_screenshot", "photos", "diagnosis", "receipts", "police", "id_card",
                                  "work_proof", "union_card")
    assert checklist.contacts == ("emergency", "traffic_police", "platform", "hrss", "union")


def test_the_same_rider_without_union_membership():
    checklist, schemes = story(member=False)
    assert schemes["injury_protection"] == (True, "injury_covered")
    assert schemes["e_road"] == (False, "e_road_not_met")
    assert schemes["gd_mutual_aid"] == (False, "gd_not_member")
    assert "union_card" not in checklist.evidence


def test_a_drivers_car_written_off_without_injury():
    checklist, schemes = story(platform=DIDI, work="ride_hailing", happened=("traffic", "vehicle"))
    assert checklist.steps == ("police", "report_app", "vehicle", "keep_evidence", "claim_schemes")
    assert schemes["injury_protection"] == (False, "no_injury")
    assert schemes["e_road"] == (True, "e_road_all_met")  # the drivers' vehicle total-loss allowance
    assert schemes["gd_mutual_aid"] == (False, "gd_no_hospital")
    assert schemes["medical_insurance"] == (False, "medical_not_relevant")
    assert "emergency" not in checklist.contacts


def test_an_injury_on_the_way_home():
    checklist, schemes = story(during=False, happened=("injury",))
    assert schemes["injury_protection"] == (False, "injury_not_covered")
    assert checklist.injury.verdict.value == "not_covered"
    assert schemes["e_road"] == (True, "e_road_all_met")  # E路守护 needs no platform order
    assert "police" not in checklist.steps


def test_a_jd_full_time_rider_goes_to_the_employer():
    checklist, schemes = story(platform=JD, happened=("injury",))
    assert checklist.steps[:3] == ("emergency", "report_employer", "report_app")
    assert schemes["injury_protection"] == (None, "jd_full_time")
    assert schemes["employer_injury"] == (None, "jd_full_time")


def test_an_illness_not_an_accident():
    checklist, schemes = story(happened=("illness",))
    assert checklist.steps == ("illness", "keep_evidence", "claim_schemes")
    assert schemes["injury_protection"] == (False, "illness_only")
    assert schemes["platform_insurance"] == (False, "illness_only")
    assert schemes["medical_insurance"] == (True, "medical_insured")
    assert schemes["e_road"] == (True, "e_road_all_met")  # critical illness and sudden death are in its cover
    assert checklist.evidence == ("diagnosis", "receipts", "id_card", "work_proof", "union_card")


def test_outside_shenzhen_e_road_does_not_apply_and_outside_guangdong_is_a_step():
    checklist, schemes = story(place="outside_guangdong")
    assert schemes["e_road"] == (False, "e_road_not_met")
    assert "outside_guangdong" in checklist.steps


@pytest.mark.parametrize(("place", "e_road", "step"), [
    ("shenzhen", (True, "e_road_all_met"), False),
    ("guangdong", (False, "e_road_not_met"), False),  # elsewhere in Guangdong: E路守护 needs Shenzhen
    ("outside_guangdong", (False, "e_road_not_met"), True),
])
def test_e_road_and_the_outside_guangdong_step_for_every_place(place, e_road, step):
    checklist, schemes = story(place=place)
    assert schemes["e_road"] == e_road
    assert ("outside_guangdong" in checklist.steps) is step


@pytest.mark.parametrize(("platform", "work", "during", "asks"), [
    # Not covered, but hurt during an order (courier work is outside the pilot): still report it in the app.
    (MEITUAN, "courier", True, ("report_in_app", "hotline_12333", "union_956030")),
    (MEITUAN, "courier", None, ("report_in_app", "hotline_12333", "union_956030")),
    (MEITUAN, "courier", False, ("hotline_12333", "union_956030")),
    (MEITUAN, "delivery", True, ("report_in_app", "hotline_12333")),
    (MEITUAN, "delivery", None, ("report_in_app", "hotline_12333")),
    (OTHER, "delivery", False, ("platform_service", "hotline_12333", "union_956030")),
    (OTHER, "delivery", True, ("report_in_app", "platform_service", "hotline_12333")),
    (UNKNOWN, "unknown", None, ("report_in_app", "platform_service", "hotline_12333")),
    (JD, "delivery", False, ("employer_jd", "hotline_12333", "union_956030")),
])
def test_the_steps_for_every_verdict(platform, work, during, asks):
    assert injury_check(platform, work, during, TODAY).asks == asks


def test_unsure_answers_make_schemes_unsure():
    _, schemes = story(member=None, months=None, medical=None, period_over=False)
    assert schemes["e_road"] == (None, "e_road_unknown")
    assert schemes["gd_mutual_aid"][0] is None
    assert schemes["medical_insurance"] == (None, "medical_unknown")
    _, schemes = story(period_over=False)
    assert schemes["gd_mutual_aid"] == (True, "gd_member")
