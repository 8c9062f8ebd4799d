"""The Guangdong mutual-aid payout tiers and cap (seed 002 annex 4, 第五条) and the E路守护 claim check (seed 000)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor.policy.schemes import e_road_condition_ids, mutual_aid_schedule
from advisor.rules.union_schemes import (
    Answer,
    ClaimVerdict,
    ConditionOutcome,
    PayoutSchedule,
    PayoutTier,
    e_road_claim_check,
    is_period_over,
    mutual_aid_payouts,
    tier_payout,
)

D = Decimal


@pytest.fixture(scope="module")
def schedule(content):
    return mutual_aid_schedule(content)


# Every tier boundary, read as the seed writes it: "个人自付金额在200-500元(含)的,一次性补偿200元;
# …500-2000元(含)…500元; …2000元至5000元(含)…2000元; …5000元至10000元(含)…5000元;
# …大于10000元的,一次性补偿6000元". The upper end of each tier belongs to it ("(含)"); 200 itself
# starts the lowest tier.
@pytest.mark.parametrize("amount, expected", [
    ("0", "0"),
    ("199.99", "0"),
    ("200", "200"),
    ("200.01", "200"),
    ("350", "200"),
    ("500", "200"),
    ("500.01", "500"),
    ("2000", "500"),
    ("2000.01", "2000"),
    ("5000", "2000"),
    ("5000.01", "5000"),
    ("10000", "5000"),
    ("10000.01", "6000"),
    ("250000", "6000"),
])
def test_each_accident_is_paid_by_its_tier_with_the_upper_end_included(schedule, amount, expected):
    assert tier_payout(D(amount), schedule) == D(expected)


def test_two_large_accidents_are_paid_6000_then_the_4000_left_under_the_cap(schedule):
    result = mutual_aid_payouts((D("12000"), D("12000")), schedule)
    assert [i.tier_payout for i in result.incidents] == [D("6000"), D("6000")]
    assert [i.payout for i in result.incidents] == [D("6000"), D("4000")]
    assert result.total == D("10000") and result.cap == D("10000")
    assert result.cap_reached


def test_accidents_after_the_cap_is_reached_are_paid_nothing(schedule):
    amounts = (D("10000.01"), D("6000"), D("800"), D("300"))
    result = mutual_aid_payouts(amounts, schedule)
    assert [i.tier_payout for i in result.incidents] == [D("6000"), D("5000"), D("500"), D("200")]
    assert [i.payout for i in result.incidents] == [D("6000"), D("4000"), D("0"), D("0")]
    assert result.total == D("10000")


def test_small_accidents_add_up_without_reaching_the_cap(schedule):
    result = mutual_aid_payouts((D("350"), D("199.99"), D("2000"), D("5000.01")), schedule)
    assert [i.payout for i in result.incidents] == [D("200"), D("0"), D("500"), D("5000")]
    assert result.total == D("5700")
    assert not result.cap_reached


def test_reaching_the_cap_exactly_ends_the_cover(schedule):
    result = mutual_aid_payouts((D("9000"), D("9000"), D("250")), schedule)
    assert [i.payout for i in result.incidents] == [D("5000"), D("5000"), D("0")]
    assert result.total == D("10000") and result.cap_reached


def test_the_order_of_accidents_decides_which_one_is_cut_by_the_cap(schedule):
    first_small = mutual_aid_payouts((D("600"), D("12000"), D("12000")), schedule)
    assert [i.payout for i in first_small.incidents] == [D("500"), D("6000"), D("3500")]
    first_large = mutual_aid_payouts((D("12000"), D("12000"), D("600")), schedule)
    assert [i.payout for i in first_large.incidents] == [D("6000"), D("4000"), D("0")]


def test_a_negative_amount_is_a_programming_error(schedule):
    with pytest.raises(ValueError):
        tier_payout(D("-1"), schedule)


def test_tiers_and_cap_come_from_the_schedule_given_not_from_the_code():
    other = PayoutSchedule((PayoutTier(D("100"), False, D("300"), D("50")),
                            PayoutTier(D("300"), False, None, D("80"))), D("100"))
    assert tier_payout(D("100"), other) == D("0")
    assert tier_payout(D("100.01"), other) == D("50")
    assert [i.payout for i in mutual_aid_payouts((D("400"), D("400")), other).incidents] == [D("80"), D("20")]


def test_the_seed_period_ended_after_2025_12_31():
    end = date(2025, 12, 31)
    assert not is_period_over(end, date(2025, 12, 31))
    assert is_period_over(end, date(2026, 1, 1))
    assert is_period_over(end, date(2026, 11, 22))


CONDITIONS = ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")


def test_the_claim_check_uses_the_five_conditions_in_the_seeds_order(content):
    assert e_road_condition_ids(content) == CONDITIONS


def test_five_yes_answers_meet_every_condition():
    check = e_road_claim_check({c: Answer.YES for c in CONDITIONS}, CONDITIONS)
    assert check.verdict is ClaimVerdict.ALL_MET
    assert [r.outcome for r in check.conditions] == [ConditionOutcome.MET] * 5


def test_one_no_fails_the_check_and_every_condition_is_still_reported():
    answers = {c: Answer.YES for c in CONDITIONS} | {"incident_in_shenzhen": Answer.NO,
                                                     "member": Answer.UNKNOWN}
    check = e_road_claim_check(answers, CONDITIONS)
    assert check.verdict is ClaimVerdict.NOT_MET
    assert [(r.condition, r.outcome.value) for r in check.conditions] == [
        ("member", "unknown"), ("occupation", "met"), ("three_months_in_work", "met"),
        ("working_month_before", "met"), ("incident_in_shenzhen", "not_met")]
    assert [r.condition for r in check.not_met] == ["incident_in_shenzhen"]
    assert [r.condition for r in check.unknown] == ["member"]


def test_dont_know_without_any_no_leaves_the_verdict_unknown():
    answers = {c: Answer.YES for c in CONDITIONS} | {"three_months_in_work": Answer.UNKNOWN}
    check = e_road_claim_check(answers, CONDITIONS)
    assert check.verdict is ClaimVerdict.UNKNOWN
    assert [r.condition for r in check.unknown] == ["three_months_in_work"]
    assert check.not_met == ()


def test_a_condition_left_unanswered_counts_as_dont_know():
    check = e_road_claim_check({"member": Answer.YES}, CONDITIONS)
    assert check.verdict is ClaimVerdict.UNKNOWN
    assert [r.answer for r in check.conditions] == [Answer.YES] + [Answer.UNKNOWN] * 4


def test_an_answer_to_an_unknown_condition_is_refused():
    with pytest.raises(ValueError, match="same_platform"):
        e_road_claim_check({"same_platform": Answer.YES}, CONDITIONS)
