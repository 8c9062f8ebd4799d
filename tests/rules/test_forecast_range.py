"""Issue 16: the basic pension across the candidate denominators of the contribution index.

国发〔2005〕38号 measures the index against "the local average"; whether that is the Guangdong average
(9,183, from which the base limits are set) or Shenzhen's own (about 11,211) is not settled by a source,
so the estimate carries the basic pension with both. Figures as tests/rules/test_forecast.py.
"""

from dataclasses import replace
from decimal import Decimal as D

from advisor.rules.forecast import PastContributions, PensionRange, compare_bases, estimate_pension

from .test_forecast import FIGURES, FIRST_MONTH, NO_GROWTH, man_retiring_2039_09

SHENZHEN = D("11211")
OPEN = replace(FIGURES, other_index_denominators=(SHENZHEN,))
NOTHING_PAID = PastContributions(months=0, index=D("0"), balance=D("0"), balance_estimated=False)


def test_at_the_floor_the_guangdong_index_is_0_52_and_the_shenzhen_one_0_43():
    result = estimate_pension(D("4775"), NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), OPEN, NO_GROWTH)
    # 154 months to pay, none before. 4775 ÷ 9183 = 0.51998 → 0.5200; 4775 ÷ 11211 = 0.42592 → 0.4259.
    assert result.index == D("0.5200") and result.total_months == 154
    # High: 11293 × 1.5200 / 2 × 154/1200 = 1101.44; low: 11293 × 1.4259 / 2 × 154/1200 = 1033.26.
    assert result.basic_pension == D("1101.44")
    assert result.basic_pension_range == PensionRange(D("1033.26"), D("1101.44"))
    # The headline is 1101.44 ÷ 1033.26 − 1 = 6.6% above the Shenzhen reading.
    assert round((result.basic_pension_range.high / result.basic_pension_range.low - 1) * 100, 1) == D("6.6")


def test_at_the_ceiling_the_guangdong_index_is_3_and_the_shenzhen_one_2_46():
    result = estimate_pension(D("27549"), NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), OPEN, NO_GROWTH)
    # 27549 ÷ 9183 = 3.0000; 27549 ÷ 11211 = 2.45732 → 2.4573.
    # High: 11293 × 4 / 2 × 154/1200 = 2898.54; low: 11293 × 3.4573 / 2 × 154/1200 = 2505.28.
    assert result.index == D("3.0000") and result.basic_pension == D("2898.54")
    assert result.basic_pension_range == PensionRange(D("2505.28"), D("2898.54"))
    assert round((result.basic_pension_range.high / result.basic_pension_range.low - 1) * 100, 1) == D("15.7")


def test_the_account_pension_and_the_cost_do_not_depend_on_the_denominator():
    open_ = estimate_pension(D("9183"), NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), OPEN, NO_GROWTH)
    settled = estimate_pension(D("9183"), NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), FIGURES, NO_GROWTH)
    assert (open_.account_pension, open_.monthly_cost_now, open_.basic_pension) == (
        settled.account_pension, settled.monthly_cost_now, settled.basic_pension)


def test_with_one_denominator_the_range_collapses_to_the_basic_pension():
    result = estimate_pension(D("4775"), NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), FIGURES, NO_GROWTH)
    assert result.basic_pension_range == PensionRange(D("1101.44"), D("1101.44"))
    assert result.basic_pension_range.collapsed


def test_past_months_keep_a_given_index_and_follow_the_denominator_when_it_was_assumed():
    given = PastContributions(months=120, index=D("1.0000"), balance=D("0"), balance_estimated=False)
    assumed = replace(given, index_base=D("9183"))
    retirement = man_retiring_2039_09()
    # Given: past 1.0000 under both. Future 1.0000 / 0.8191: (120 + 154 × 0.8191) ÷ 274 = 0.8983;
    # 11293 × 1.8983 / 2 × 274/1200 = 2447.45.
    low_given = estimate_pension(D("9183"), given, FIRST_MONTH, retirement, OPEN, NO_GROWTH).basic_pension_range
    assert low_given == PensionRange(D("2447.45"), D("2578.57"))
    # Assumed from 9183: 0.8191 for all 274 months; 11293 × 1.8191 / 2 × 274/1200 = 2345.34.
    low_assumed = estimate_pension(D("9183"), assumed, FIRST_MONTH, retirement, OPEN, NO_GROWTH).basic_pension_range
    assert low_assumed == PensionRange(D("2345.34"), D("2578.57"))


def test_every_comparison_row_carries_its_range_with_the_headline_at_the_top():
    rows = compare_bases(NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), OPEN, NO_GROWTH)
    for row in rows:
        assert row.estimate.basic_pension_range.high == row.estimate.basic_pension
        assert row.estimate.basic_pension_range.low < row.estimate.basic_pension


def test_a_shenzhen_headline_puts_the_guangdong_reading_at_the_top_of_the_range():
    figures = replace(FIGURES, index_denominator=SHENZHEN, other_index_denominators=(D("9183"),))
    result = estimate_pension(D("4775"), NOTHING_PAID, FIRST_MONTH, man_retiring_2039_09(), figures, NO_GROWTH)
    assert result.index == D("0.4259") and result.basic_pension == D("1033.26")
    assert result.basic_pension_range == PensionRange(D("1033.26"), D("1101.44"))
