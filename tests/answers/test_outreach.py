"""The outreach figures: a cost table made of calculate_cost's amounts, and annex 2's completion rates."""

from decimal import Decimal

import pytest

from advisor.answers.contribution import calculate_cost
from advisor.answers.outreach import completion_rate, cost_table, count_problems, membership_progress
from advisor.rules.calendar import YearMonth
from advisor.rules.types import Hukou, Scheme

NOVEMBER = YearMonth(2026, 11)


def test_the_cost_table_is_calculate_cost_at_each_base(content):
    table = cost_table(content, NOVEMBER)
    assert [row.preset.key for row in table.pension] == ["floor", "avg60", "avg100", "avg200", "avg300"]
    for row in table.pension:
        for hukou in (Hukou.OTHER_PROVINCE, Hukou.SHENZHEN):
            advice = calculate_cost(content, NOVEMBER, hukou, row.preset.amount, (Scheme.PENSION,))
            assert row.monthly[hukou] == advice.contribution.scheme_total(Scheme.PENSION)
    assert table.pension[0].monthly == {Hukou.OTHER_PROVINCE: Decimal("955.00"), Hukou.SHENZHEN: Decimal("1002.75")}
    assert [(r.bound, r.base, r.monthly) for r in table.medical] == [
        ("floor", Decimal("6727"), Decimal("538.16")), ("ceiling", Decimal("33633"), Decimal("2690.64"))]
    assert table.not_in_force == ()


def test_the_cost_table_lists_every_figure_it_used_once_with_the_rounding_rule_last(content):
    ids = [figure.parameter_id for figure in cost_table(content, NOVEMBER).figures]
    assert len(ids) == len(set(ids))
    used = {"pension.base_floor", "pension.local_supplementary_rate", "pension.average_wage", "medical.rate"}
    assert used <= set(ids)
    assert ids[-1] == "money.rounding"


def test_a_month_without_figures_gives_reasons_not_a_crash(content):
    table = cost_table(content, YearMonth(2000, 1))
    assert table.pension == () and table.medical == ()
    assert {error.parameter_id for error in table.not_in_force} >= {"pension.base_floor"}


@pytest.mark.parametrize("joined, target, rate", [
    (150, 200, "0.750"), (2, 3, "0.667"), (1, 8, "0.125"), (1, 1600, "0.001"), (0, 5, "0.000"), (250, 200, "1.250"),
])
def test_the_completion_rate_is_joined_over_target_to_a_tenth_of_a_per_cent(joined, target, rate):
    assert completion_rate(joined, target) == Decimal(rate)


def test_a_target_of_zero_has_no_rate():
    assert completion_rate(5, 0) is None


def test_totals_add_each_column_and_rate_the_sums():
    progress = membership_progress({
        "truck_drivers": {"surveyed": 10, "target": 0, "joined": 4, "entered": 4},
        "couriers": {"surveyed": 100, "target": 50, "joined": 30, "entered": 10},
    })
    assert progress.rows[0].rate is None and progress.rows[1].rate == Decimal("0.600")
    assert progress.total.counts == {"surveyed": 110, "target": 50, "joined": 34, "entered": 14}
    assert progress.total.rate == Decimal("0.680")


@pytest.mark.parametrize("counts, problems", [
    ({"surveyed": 100, "target": 500, "joined": 100, "entered": 100}, {}),  # a target above the survey is allowed
    ({"surveyed": 100, "target": 50, "joined": 101, "entered": 0}, {"joined": "joined_over_surveyed"}),
    ({"surveyed": 100, "target": 50, "joined": 60, "entered": 61}, {"entered": "entered_over_joined"}),
    ({"surveyed": 10, "target": 5, "joined": 20, "entered": 30},
     {"joined": "joined_over_surveyed", "entered": "entered_over_joined"}),
])
def test_counts_that_contradict_each_other(counts, problems):
    assert count_problems(counts) == problems
