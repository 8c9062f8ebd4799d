"""The forecast's year-at-a-time arithmetic gives the same estimate, to the fen and to the digit, as the
month-by-month loop it replaced, kept here (`reference_estimate`) as the reference.

The loop stepped through every month to retirement (about 150 per estimate, six estimates per forecast),
growing the base, rounding each month's credit and cost and adding each month's interest; the replacement
works per Guangdong year and per calendar year (advisor/rules/forecast.py, `_contribution_years`).
"""

from __future__ import annotations

import random
import sys
from datetime import date
from decimal import Decimal as D

import pytest

from advisor.rules import forecast as rules
from advisor.rules.calendar import YearMonth
from advisor.rules.contributions import clamp_base
from advisor.rules.forecast import (
    Assumptions,
    Estimate,
    MinimumCheck,
    PastContributions,
    PensionFigures,
    _monthly_cost,
    average_index,
    basic_pension_for,
    basic_pension_range,
    contribution_index,
    estimate_pension,
    future_months,
    monthly_bases,
    payout_months_at,
    project_personal_account,
    projected_calculation_base,
)
from advisor.rules.money import to_fen
from advisor.rules.retirement import Retirement
from advisor.rules.types import Category
from tests.rules.test_forecast import FIGURES


def reference_estimate(declared_base, past, first_month, retirement, figures, assumptions) -> Estimate:
    """estimate_pension as it was: month by month."""
    base = clamp_base(declared_base, figures.floor, figures.ceiling)
    base_now = to_fen(base.applied, figures.rounding)
    index = contribution_index(base_now, figures.denominator)
    months = future_months(first_month, retirement.month)
    bases = monthly_bases(base_now, months, assumptions.wage_growth, figures.rounding)
    credits = tuple(to_fen(b * figures.personal_account_rate, figures.rounding) for b in bases)

    def rate_for_year(year):
        if year in figures.published_interest:
            return figures.published_interest[year], True
        return assumptions.interest, False

    account = project_personal_account(past.balance, months, credits, retirement.month, rate_for_year,
                                       figures.rounding)
    minimum = MinimumCheck(figures.minimum_months, past.months + len(months))
    mean_index = average_index(past.months, past.index, len(months), index)
    calculation_base = projected_calculation_base(figures, retirement.month.year, assumptions.wage_growth)
    basic = basic_pension_for(calculation_base.value, mean_index, minimum.total_months, figures.rounding)
    payout = payout_months_at(retirement.age_in_months, figures.payout_months)
    return Estimate(
        base=base, index=index, future_months=len(months), minimum=minimum, average_index=mean_index,
        calculation_base=calculation_base, basic_pension=basic, account=account, payout_months=payout,
        account_pension=to_fen(account.balance / payout, figures.rounding),
        monthly_cost_now=_monthly_cost(base_now, figures),
        local_supplementary_now=to_fen(base_now * figures.local_supplementary_rate, figures.rounding),
        total_contributions=sum((_monthly_cost(b, figures) for b in bases), D("0.00")),
        basic_pension_range=basic_pension_range(base_now, past, len(months), calculation_base.value, figures),
    )


def random_case(rng: random.Random):
    first = YearMonth(rng.randint(2020, 2040), rng.randint(1, 12))
    age_months = rng.randint(50 * 12, 65 * 12)
    retirement_month = first.plus(rng.choice([0, 1, 5, 6, 7, 11, 12, 13, rng.randint(0, 45 * 12)]))
    retirement = Retirement(Category.M60, False, 0, age_months, retirement_month,
                            date(retirement_month.year, retirement_month.month, 1))
    rate_choices = ["0.0262", "0.0312", "0.0397", "0.0461", "0.0612", "0.0825", "0.015", "0.0175", "0.013",
                    "0", "0.1", "0.0333", "0.0277"]
    published = {year: D(rng.choice(rate_choices)) for year in range(first.year - 1, retirement_month.year + 2)
                 if rng.random() < 0.5}
    figures = PensionFigures(
        **{**FIGURES.__dict__, "published_interest": published,
           "rounding": rng.choice(["ROUND_HALF_UP", "ROUND_HALF_EVEN"]),
           "other_index_denominators": (D("8000"), D("12964"))})
    assumptions = Assumptions(
        wage_growth=D(rng.choice(["0", "0.029", "0.05", "0.1", f"0.0{rng.randint(0, 999):03d}"])),
        interest=D(rng.choice(rate_choices[:-2] + [f"0.0{rng.randint(0, 999):03d}"])),
    )
    past = PastContributions(months=rng.randint(0, 400), index=D(f"{rng.randint(60, 300)}") / 100,
                             balance=D(rng.randint(0, 50_000_000)) / 100, balance_estimated=False,
                             index_base=rng.choice([None, D("7000")]))
    declared = D(rng.randint(100_000, 5_000_000)) / 100
    return declared, past, first, retirement, figures, assumptions


def assert_each_estimate_is_the_reference(make_case, seed: int, count: int) -> None:
    """`count` cases drawn by make_case(rng) from this seed: estimate_pension gives the reference's estimate."""
    rng = random.Random(seed)
    for _ in range(count):
        case = make_case(rng)
        assert repr(estimate_pension(*case)) == repr(reference_estimate(*case)), case


def example_a(retiring: YearMonth, balance: str) -> tuple[Retirement, PastContributions]:
    """Worked example A's man: retiring at 63 in that month, 120 months paid at index 1, that balance."""
    retirement = Retirement(Category.M60, False, 0, 63 * 12, retiring, date(retiring.year, retiring.month, 15))
    return retirement, PastContributions(months=120, index=D("1"), balance=D(balance), balance_estimated=False)


@pytest.mark.parametrize("seed", range(8))
def test_the_year_at_a_time_estimate_equals_the_month_by_month_one_digit_for_digit(seed):
    assert_each_estimate_is_the_reference(random_case, seed, 400)


def test_a_year_near_half_a_fen_summed_month_by_month_equals_the_reference_too(monkeypatch):
    """Near half a fen the month-by-month sum decides, as before; here every year is treated as near."""
    monkeypatch.setattr(rules, "NEAR_HALF", D("1"))
    assert_each_estimate_is_the_reference(random_case, 99, 300)


def test_a_forecast_with_a_quick_choice_base_reuses_its_comparison_row():
    retirement, past = example_a(YearMonth(2039, 9), "50000")
    result = rules.forecast(D("9183.00"), past, YearMonth(2026, 11), retirement, FIGURES, Assumptions(D("0"), D("0")))
    assert result.estimate is result.comparison[2].estimate  # 100% of the average
    assert repr(result.estimate) == repr(reference_estimate(D("9183.00"), past, YearMonth(2026, 11), retirement,
                                                            FIGURES, Assumptions(D("0"), D("0"))))


def unusual_case(rng: random.Random):
    """Amounts and rates written unusually: an opening balance with more places than the fen or none at all, rates
    and growth with trailing zeros (equal Decimals, other digits), negative interest, the rounding modes."""
    declared, past, first, retirement, figures, assumptions = random_case(rng)
    balance = rng.choice([D(rng.randint(0, 9_999_999)) / 1000, D(rng.randint(0, 99_999)), D("5E+4"), D("0"),
                          D("0.000"), D(rng.randint(0, 9_999_999)) / 100])
    past = PastContributions(past.months, past.index, balance, False, past.index_base)
    written = rng.choice(["0", "0.0", "0.00", "0.0150", "0.015", "-0.01", "-0.0262", "0.0290", "0.029"])
    assumptions = Assumptions(wage_growth=D(rng.choice(["0", "0.0", "0.029", "0.0290", "0.05"])), interest=D(written))
    published = {year: D(rng.choice(["0.0262", "0.02620", "0.015", "0.0150", "-0.005"]))
                 for year in figures.published_interest}
    return declared, past, first, retirement, PensionFigures(**{**figures.__dict__, "published_interest": published}), \
        assumptions


@pytest.mark.parametrize("seed", range(3))
def test_unusually_written_amounts_and_rates_give_the_reference_estimate_digit_for_digit(seed):
    assert_each_estimate_is_the_reference(unusual_case, 1000 + seed, 400)


def test_equal_rates_written_with_other_digits_are_not_mixed_up_by_the_caches():
    """0.015 and 0.0150 are equal Decimals: the estimate with each shows the rate as it was written."""
    retirement, past = example_a(YearMonth(2039, 9), "50000.00")
    for interest in ("0.015", "0.0150", "0.01500", "0.015"):
        case = (D("9183.00"), past, YearMonth(2026, 11), retirement, FIGURES, Assumptions(D("0.0290"), D(interest)))
        estimate = estimate_pension(*case)
        assert repr(estimate) == repr(reference_estimate(*case))
        assert str(estimate.account.rates[-1][1]) == interest


@pytest.mark.parametrize("seed", range(2))
def test_every_row_of_the_comparison_equals_the_reference_estimate_digit_for_digit(seed):
    """The comparison's rows share one calendar and keep their bases' Guangdong years between forecasts (keyed on
    figures and rates only); each row is still the estimate the month-by-month loop gives, also when the same growth
    is written with other digits from one forecast to the next."""
    rng = random.Random(2000 + seed)
    for _ in range(60):
        declared, past, first, retirement, figures, assumptions = (unusual_case if rng.random() < 0.5
                                                                   else random_case)(rng)
        result = rules.forecast(declared, past, first, retirement, figures, assumptions)
        for row in result.comparison:
            case = (row.requested, past, first, retirement, figures, assumptions)
            assert repr(row.estimate) == repr(reference_estimate(*case)), case
        assert repr(result.estimate) == repr(reference_estimate(declared, past, first, retirement, figures,
                                                                assumptions))


def rules_state() -> dict[str, str]:
    """Every module global of advisor.rules.* that could be a store (a dict, list or set, or a cached function)."""
    state = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith("advisor.rules."):
            for variable, value in vars(module).items():
                if hasattr(value, "cache_info"):
                    state[f"{name}.{variable}"] = "a cached function"
                elif isinstance(value, (dict, list, set, bytearray)):
                    state[f"{name}.{variable}"] = repr(value)
    return state


def test_nothing_is_kept_between_forecasts():
    """The rules are pure: a forecast leaves no trace of a person's base, dates or wage growth in advisor/rules."""
    retirement = Retirement(Category.M60, False, 0, 63 * 12, YearMonth(2041, 3), date(2041, 3, 15))
    past = PastContributions(months=137, index=D("1"), balance=D("50000.00"), balance_estimated=False)
    before = rules_state()
    rules.forecast(D("8765.43"), past, YearMonth(2026, 11), retirement, FIGURES, Assumptions(D("0.0317"), D("0.015")))
    assert rules_state() == before
    assert not [name for name, value in before.items() if value == "a cached function" or "0.0317" in value]
