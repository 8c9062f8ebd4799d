"""What a contribution base means at the statutory retirement age: an estimate, never the official figure.

Formula (国发〔2005〕38号; Guangdong and Shenzhen apply it through the published 计发基数):

* basic pension = calculation base × (1 + average contribution index) / 2 × years × 1%, where
  years are the contribution months ÷ 12 (a part year counts pro rata);
* personal-account pension = account balance at retirement ÷ payout months;
* monthly pension = the two, each rounded to the fen, added.

Method of the estimate (every step is an assumption the result states):

* Months: contributions are counted for every month from `first_month` (the current month) to
  the month before the statutory retirement month, without breaks, on top of the months already
  paid.
* Base: the base chosen now is clamped to today's floor and ceiling and keeps its ratio to the
  average wage afterwards: at each later July (the Guangdong contribution year starts on 1 July)
  it rises with the wage-growth assumption, like the average wage, floor and ceiling. So the
  contribution index of every future month is the index of today's base.
* Contribution index = base ÷ the index denominator (an average wage; which one is an open
  question, chosen by the caller), rounded half-up to 4 decimals; the average index weights past
  and future months.
* Basic pension range: while the denominator is not settled, the basic pension is also worked out
  with every other candidate denominator the caller gives (`other_index_denominators`); the range
  runs from the lowest to the highest result. Only the index changes between them: the months, the
  base and the calculation base stay. The months already paid keep an index the person gave; an
  index assumed from today's base (`PastContributions.index_base`) follows the denominator.
  With no other candidate the range collapses to the basic pension.
* Calculation base: the published one for the retirement year; when that year's is not
  published yet, the latest published one grown by the wage-growth assumption for each year in
  between (`ProjectedAmount` says so).
* Personal account, year by year: 8% of each month's base is credited in that month. Interest is
  credited at the end of each calendar year (at retirement in the last one) at that year's
  published rate, or at the interest assumption for years with none: the balance held at the start
  of the year (at the first month, in the first year) earns the rate × months held ÷ 12, and each
  month's credit earns the rate × (months from its month to the year's end, counting its own) ÷ 12.
  For a full year this is the official "当年记账额 × 利率 × 1.083 × 1/2" rule exactly.
* Payout months for an age with extra months: linear interpolation by month between the whole
  ages of the table, rounded half-up to 0.1 (policy-sources §5b: 60y1m → 138.4, 50y1m → 194.6).
* Money: each month's credit and cost, each year's interest, each pension line and each projected
  amount is rounded to the fen with the content rounding mode; totals are sums of rounded lines.
* All amounts are nominal yuan of their own year; no discounting, and pension increases after
  retirement are not included.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from advisor.rules.calendar import YearMonth
from advisor.rules.contributions import Base, clamp_base
from advisor.rules.money import to_fen
from advisor.rules.retirement import Retirement

# The comparison's multiples of the average wage: 60% to 300% is the national range for flexible
# workers (国办发〔2019〕13号); the floor is a row of its own because Shenzhen's floor lies below 60%.
COMPARISON_MULTIPLES = (Decimal("0.6"), Decimal("1"), Decimal("2"), Decimal("3"))
FLOOR_ROW = "floor"
INDEX_PLACES = Decimal("0.0001")
TENTH = Decimal("0.1")
GUANGDONG_YEAR_FIRST_MONTH = 7
ZERO = Decimal("0.00")
# Far wider than the month-by-month sum's rounding (28 digits) for any balance a person can have.
NEAR_HALF = Decimal("1e-9")


@dataclass(frozen=True)
class Assumptions:
    wage_growth: Decimal  # yearly, as a ratio
    interest: Decimal  # yearly personal-account rate for years with no published rate


@dataclass(frozen=True)
class PensionFigures:
    """Policy figures for one forecast, already looked up in content/ by the policy layer."""

    pooled_fund_rate: Decimal
    personal_account_rate: Decimal
    local_supplementary_rate: Decimal  # Shenzhen hukou only; reported beside the cost, not in it
    average_wage: Decimal  # the Guangdong average in force in the first month: the base multiples
    floor: Decimal  # in force in the first month
    ceiling: Decimal
    calculation_base: Decimal  # published for `calculation_base_year`, the latest ≤ retirement year
    calculation_base_year: int
    payout_months: Mapping[int, Decimal]  # whole age at retirement → months
    minimum_months: int  # minimum contribution months for the retirement year
    published_interest: Mapping[int, Decimal]  # calendar year → published account interest rate
    rounding: str = "ROUND_HALF_UP"
    # The contribution index's denominator used for the estimate (None: `average_wage`), and the other
    # candidates while the question is open; the basic pension is given as a range across all of them.
    index_denominator: Decimal | None = None
    other_index_denominators: tuple[Decimal, ...] = ()

    @property
    def denominator(self) -> Decimal:
        return self.average_wage if self.index_denominator is None else self.index_denominator


@dataclass(frozen=True)
class PastContributions:
    months: int
    index: Decimal  # average contribution index of those months
    balance: Decimal  # personal-account balance at the first month
    balance_estimated: bool
    # When the index was not given: the base it was assumed from (today's chosen base), so that under
    # another denominator the past months get that base's index under it. None: the index was given.
    index_base: Decimal | None = None


@dataclass(frozen=True)
class PensionRange:
    """The basic pension across the candidate index denominators; low == high when there is one."""

    low: Decimal
    high: Decimal

    @property
    def collapsed(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class ProjectedAmount:
    value: Decimal
    year: int
    known_value: Decimal
    known_year: int

    @property
    def projected(self) -> bool:
        return self.year != self.known_year

    @property
    def years_projected(self) -> int:
        return self.year - self.known_year


@dataclass(frozen=True)
class MinimumCheck:
    required_months: int
    total_months: int

    @property
    def missing_months(self) -> int:
        return max(0, self.required_months - self.total_months)

    @property
    def met(self) -> bool:
        return self.missing_months == 0


@dataclass(frozen=True)
class AccountProjection:
    opening: Decimal
    credits: Decimal
    interest: Decimal
    balance: Decimal  # at the retirement month
    rates: tuple[tuple[int, Decimal, bool], ...]  # (year, rate, published) for each year credited


@dataclass(frozen=True)
class Estimate:
    base: Base  # the base now, after the floor and ceiling
    index: Decimal  # contribution index of the base now, kept for every future month
    future_months: int
    minimum: MinimumCheck
    average_index: Decimal
    calculation_base: ProjectedAmount
    basic_pension: Decimal
    account: AccountProjection
    payout_months: Decimal
    account_pension: Decimal
    monthly_cost_now: Decimal  # the pension's 20% only
    local_supplementary_now: Decimal  # what Shenzhen hukou adds a month, not in the cost
    total_contributions: Decimal  # every future month's 20%, to retirement
    basic_pension_range: PensionRange | None = None  # across the candidate index denominators

    @property
    def total_months(self) -> int:
        return self.minimum.total_months

    @property
    def monthly_pension(self) -> Decimal:
        return self.basic_pension + self.account_pension

    @property
    def break_even_years(self) -> Decimal | None:
        """Years of pension that repay the contributions from now to retirement (past ones are paid anyway)."""
        return _years_to_recover(self.total_contributions, self.monthly_pension)


@dataclass(frozen=True)
class ComparisonRow:
    label: str  # "floor" or the multiple ("0.6", "1", "2", "3")
    multiple: Decimal | None
    requested: Decimal  # the multiple × the average wage, or the floor; before clamping
    estimate: Estimate
    extra_break_even_years: Decimal | None  # years the extra pension over the floor row takes to repay the extra cost


@dataclass(frozen=True)
class Forecast:
    first_month: YearMonth
    retirement: Retirement
    past: PastContributions
    estimate: Estimate  # for the chosen base
    comparison: tuple[ComparisonRow, ...]


def _years_to_recover(cost: Decimal, monthly: Decimal) -> Decimal | None:
    if monthly <= 0:
        return None
    return (cost / (12 * monthly)).quantize(TENTH, rounding=ROUND_HALF_UP)


def contribution_index(base: Decimal, average_wage: Decimal) -> Decimal:
    return (base / average_wage).quantize(INDEX_PLACES, rounding=ROUND_HALF_UP)


def average_index(past_months: int, past_index: Decimal, future_months: int, future_index: Decimal) -> Decimal:
    months = past_months + future_months
    if months == 0:
        return ZERO
    weighted = past_months * past_index + future_months * future_index
    return (weighted / months).quantize(INDEX_PLACES, rounding=ROUND_HALF_UP)


def basic_pension_for(calculation_base: Decimal, mean_index: Decimal, total_months: int, rounding: str) -> Decimal:
    """Calculation base × (1 + average index) ÷ 2 × years × 1%, to the fen."""
    # × years (months ÷ 12) × 1%, kept as one division so no rounding happens before the fen.
    return to_fen(calculation_base * (1 + mean_index) / 2 * total_months / 1200, rounding)


def basic_pension_range(base_now: Decimal, past: PastContributions, future_months: int,
                        calculation_base: Decimal, figures: PensionFigures) -> PensionRange:
    """The basic pension with each candidate denominator; only the contribution index changes."""
    amounts = []
    for denominator in (figures.denominator, *figures.other_index_denominators):
        index = contribution_index(base_now, denominator)
        past_index = past.index if past.index_base is None else contribution_index(past.index_base, denominator)
        mean = average_index(past.months, past_index, future_months, index)
        amounts.append(basic_pension_for(calculation_base, mean, past.months + future_months, figures.rounding))
    return PensionRange(min(amounts), max(amounts))


def payout_months_at(age_in_months: int, table: Mapping[int, Decimal]) -> Decimal:
    """Payout months for an exact age: the table at whole ages, interpolated by month in between."""
    years, extra = divmod(age_in_months, 12)
    if years not in table or (extra and years + 1 not in table):
        raise ValueError(f"no payout months for age {years}y{extra}m")
    if not extra:
        return Decimal(table[years])
    step = Decimal(table[years]) - Decimal(table[years + 1])
    return (Decimal(table[years]) - step * extra / 12).quantize(TENTH, rounding=ROUND_HALF_UP)


def grown(amount: Decimal, rate: Decimal, periods: int, rounding: str) -> Decimal:
    """`amount` after `periods` years of growth at `rate`, to the fen."""
    return to_fen(amount * (1 + rate) ** periods, rounding)


def in_todays_money(amount: Decimal, growth: Decimal, years: int, rounding: str) -> Decimal:
    """An amount paid `years` from now, in today's money: divided by (1 + growth) ** years, to the fen.

    Deflated by the same wage-growth assumption the forecast grows wages with, so "today's money"
    means what the amount would buy measured against today's wages."""
    return to_fen(amount / (1 + growth) ** years, rounding)


def projected_calculation_base(figures: PensionFigures, year: int, growth: Decimal) -> ProjectedAmount:
    periods = year - figures.calculation_base_year
    value = grown(figures.calculation_base, growth, periods, figures.rounding) if periods else figures.calculation_base
    return ProjectedAmount(value, year, figures.calculation_base, figures.calculation_base_year)


def guangdong_year(month: YearMonth) -> int:
    """The calendar year in which the Guangdong contribution year holding `month` began (July–June)."""
    return (month.year * 12 + month.month - GUANGDONG_YEAR_FIRST_MONTH) // 12


def future_months(first_month: YearMonth, retirement_month: YearMonth) -> tuple[YearMonth, ...]:
    """The first month to the month before the statutory retirement month."""
    return tuple(first_month.plus(i) for i in range(max(0, retirement_month.months_since(first_month))))


def monthly_bases(base_now: Decimal, months: tuple[YearMonth, ...], growth: Decimal,
                  rounding: str) -> tuple[Decimal, ...]:
    """Each month's base: today's, raised by the wage growth at every later July."""
    if not months:
        return ()
    start = guangdong_year(months[0])
    return tuple(grown(base_now, growth, guangdong_year(m) - start, rounding) for m in months)


def project_personal_account(
    opening: Decimal,
    months: tuple[YearMonth, ...],
    credits: tuple[Decimal, ...],
    retirement_month: YearMonth,
    rate_for_year: Callable[[int], tuple[Decimal, bool]],
    rounding: str,
) -> AccountProjection:
    """Year-by-year balance at retirement; the method is in the module docstring."""
    if not months:
        return AccountProjection(opening, ZERO, ZERO, opening, ())
    balance, credited, interest_total = opening, ZERO, ZERO
    rates: list[tuple[int, Decimal, bool]] = []
    position = 0
    for year in range(months[0].year, retirement_month.year + 1):
        start = months[0].month if year == months[0].year else 1
        end = retirement_month.month if year == retirement_month.year else 13  # exclusive
        rate, published = rate_for_year(year)
        raw = balance * rate * (end - start) / 12
        year_credits = ZERO
        for month in range(start, end):
            credit = credits[position]
            position += 1
            raw += credit * rate * (end - month) / 12
            year_credits += credit
        interest = to_fen(raw, rounding)
        balance += year_credits + interest
        credited += year_credits
        interest_total += interest
        if end > start:
            rates.append((year, rate, published))
    return AccountProjection(opening, credited, interest_total, balance, tuple(rates))


def _contribution_years(
    opening: Decimal,
    common: _Common,
    base_now: Decimal,
    figures: PensionFigures,
    assumptions: Assumptions,
) -> tuple[AccountProjection, tuple[tuple[int, Decimal], ...], Decimal]:
    """The personal account at retirement, (months, base) for each Guangdong year and the cost of every future
    month (the pension's 20%), without a step per month and in whole numbers.

    The same figures as monthly_bases, the credits and project_personal_account, month by month, give (tests/rules/
    test_forecast_arithmetic.py compares them over many inputs): a base changes only at a July, so each Guangdong
    year's base, credit and cost are worked out once (in Decimal, to the fen, as before: `_guangdong_years`); the
    balance is then kept in whole units of 10^-places yuan (the fen, or finer when the opening balance has more
    places), and a calendar year's interest is the rate × (balance × months held + Σ credit × months to the year's
    end) ÷ 12, a fraction of whole numbers rounded to the fen exactly, with the content's mode as to_fen rounds. The
    month-by-month sum rounds each twelfth to 28 digits, which can only round to another fen when the exact amount
    lies within a hair of half a fen: such a year (and one with a negative amount) is summed month by month in
    Decimal, as before.
    """
    if not common.months:
        return AccountProjection(opening, ZERO, ZERO, opening, ()), (), ZERO
    rounding = figures.rounding
    interest_years, counts = common.calendar, common.counts
    bases, credits, credit_fen, costs = _guangdong_years(base_now, common.growth, figures.personal_account_rate,
                                                         figures.pooled_fund_rate, rounding)
    exponent = opening.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    per_fen = 10 ** (places - 2)  # units in a fen
    balance = int(opening.scaleb(places))
    if balance != opening.scaleb(places):  # not a whole number of units: cannot happen for a finite amount
        raise ValueError(f"opening balance {opening!r}")
    credit_units = [credit * per_fen for credit in credit_fen] if per_fen != 1 else credit_fen
    near_num, near_den = NEAR_HALF.as_integer_ratio()
    half_up = rounding == "ROUND_HALF_UP"

    credited = interest_total = 0
    for start, end, rate, rate_num, twelfths, runs in interest_years:
        weighted = balance * (end - start)
        year_credits = 0
        for _first, _last, position, count, weight in runs:
            credit = credit_units[position]
            year_credits += credit * count
            weighted += credit * weight
        numerator, denominator = rate_num * weighted, twelfths * per_fen  # the interest in fen
        interest, remainder = divmod(numerator, denominator)
        twice = 2 * remainder
        if numerator < 0 or abs(twice - denominator) * near_den < 2 * denominator * near_num:
            raw = Decimal(balance).scaleb(-places) * rate * (end - start) / 12
            for first, last, position, _count, _weight in runs:
                for month in range(first, last):
                    raw += credits[position] * rate * (end - month) / 12
            interest = int(to_fen(raw, rounding).scaleb(2))
        elif twice > denominator or (twice == denominator and (half_up or interest % 2)):
            interest += 1
        balance += year_credits + interest * per_fen
        credited += year_credits
        interest_total += interest
    credited //= per_fen
    account = AccountProjection(opening, _yuan(credited), _yuan(interest_total),
                                opening + _yuan(credited + interest_total), common.rates)
    total_cost = _yuan(sum(count * cost for count, cost in zip(counts, costs, strict=True)))
    return account, tuple(zip(counts, bases, strict=True)), total_cost


@dataclass(frozen=True)
class _Common:
    """What every estimate of one forecast shares, whatever the base: worked out once for the comparison's rows."""

    first_month: YearMonth
    months: int  # future months, first_month to the month before retirement
    calendar: tuple  # _calendar_years
    counts: tuple[int, ...]  # months in each Guangdong year
    growth: tuple[Decimal, ...]  # (1 + wage growth) ** k for the k-th Guangdong year, as `grown` computes it
    rates: tuple[tuple[int, Decimal, bool], ...]  # AccountProjection.rates
    calculation_base: ProjectedAmount
    payout_months: Decimal


def _common(first_month: YearMonth, retirement: Retirement, figures: PensionFigures,
            assumptions: Assumptions) -> _Common:
    months = max(0, retirement.month.months_since(first_month))
    calendar, counts = _calendar_years(first_month, retirement.month, assumptions.interest,
                                       figures.published_interest) if months else ((), ())
    rates = tuple((year, rate, year in figures.published_interest)
                  for year, (start, end, rate, *_) in enumerate(calendar, start=first_month.year) if end > start)
    return _Common(first_month, months, calendar, counts, _growth_factors(assumptions.wage_growth, len(counts)), rates,
                   projected_calculation_base(figures, retirement.month.year, assumptions.wage_growth),
                   payout_months_at(retirement.age_in_months, figures.payout_months))


def _yuan(fen: int) -> Decimal:
    """A whole number of fen as yuan with two places (what a sum of amounts rounded to the fen holds)."""
    return Decimal(fen).scaleb(-2)


def _calendar_years(first_month: YearMonth, retirement_month: YearMonth, assumed: Decimal,
                    published: Mapping[int, Decimal]) -> tuple[tuple, tuple[int, ...]]:
    """For each calendar year from the first month to the retirement month, what the interest needs whatever the
    base: (start, end, rate, rate's numerator, 12 × rate's denominator, runs), the months start…end − 1 held; a run
    is (first, last, Guangdong year's position, months, Σ (end − month) over them), January–June belonging to the
    Guangdong year begun the July before; and the months in each Guangdong year."""
    first_position = guangdong_year(first_month)
    found = []
    for year in range(first_month.year, retirement_month.year + 1):
        start = first_month.month if year == first_month.year else 1
        end = retirement_month.month if year == retirement_month.year else 13  # exclusive
        rate = published.get(year, assumed)
        runs = []
        for first, last, guangdong in ((start, min(end, GUANGDONG_YEAR_FIRST_MONTH), year - 1),
                                       (max(start, GUANGDONG_YEAR_FIRST_MONTH), end, year)):
            if last > first:
                count = last - first
                runs.append((first, last, guangdong - first_position, count,
                             count * end - (first + last - 1) * count // 2))
        numerator, denominator = rate.as_integer_ratio()
        found.append((start, end, rate, numerator, 12 * denominator, tuple(runs)))
    counts = [0] * (guangdong_year(retirement_month.plus(-1)) - first_position + 1)
    for *_, runs in found:
        for _first, _last, position, count, _weight in runs:
            counts[position] += count
    return tuple(found), tuple(counts)


def _guangdong_years(base_now: Decimal, growth: tuple[Decimal, ...], account_rate: Decimal, pooled_rate: Decimal,
                     rounding: str) -> tuple[list[Decimal], list[Decimal], list[int], list[int]]:
    """For each Guangdong year from the first month's: the base (`grown(base_now, growth rate, k)`), the month's
    credit to the personal account, that credit in fen, and the month's cost in fen (`_monthly_cost`)."""
    bases, credits, credit_fen, costs = [], [], [], []
    previous = None
    for factor in growth:
        base = to_fen(base_now * factor, rounding)
        if base != previous:  # with no growth, or while growth stays under half a fen, the same base again
            previous = base
            credit = to_fen(base * account_rate, rounding)
            fen = int(credit.scaleb(2))
            cost = int(to_fen(base * pooled_rate, rounding).scaleb(2)) + fen
        bases.append(base)
        credits.append(credit)
        credit_fen.append(fen)
        costs.append(cost)
    return bases, credits, credit_fen, costs


def _growth_factors(growth: Decimal, years: int) -> tuple[Decimal, ...]:
    """(1 + growth) ** k for k = 0 … years − 1, as `grown` computes it."""
    return tuple((1 + growth) ** k for k in range(years))


def estimated_past_balance(past_months: int, base_now: Decimal, figures: PensionFigures) -> Decimal:
    """A stand-in when the balance is not given: the months paid × today's monthly credit, no interest."""
    return past_months * to_fen(base_now * figures.personal_account_rate, figures.rounding)


def _monthly_cost(base: Decimal, figures: PensionFigures) -> Decimal:
    # Pooled fund and personal account rounded as separate lines, as the contribution calculator does,
    # so this cost equals the pension lines there.
    return (to_fen(base * figures.pooled_fund_rate, figures.rounding)
            + to_fen(base * figures.personal_account_rate, figures.rounding))


def estimate_pension(
    declared_base: Decimal,
    past: PastContributions,
    first_month: YearMonth,
    retirement: Retirement,
    figures: PensionFigures,
    assumptions: Assumptions,
) -> Estimate:
    return _estimate(declared_base, past, figures, assumptions, _common(first_month, retirement, figures, assumptions))


def _estimate(declared_base: Decimal, past: PastContributions, figures: PensionFigures, assumptions: Assumptions,
              common: _Common) -> Estimate:
    base = clamp_base(declared_base, figures.floor, figures.ceiling)
    base_now = to_fen(base.applied, figures.rounding)
    index = contribution_index(base_now, figures.denominator)
    account, years, total_contributions = _contribution_years(past.balance, common, base_now, figures, assumptions)
    future = common.months
    minimum = MinimumCheck(figures.minimum_months, past.months + future)
    mean_index = average_index(past.months, past.index, future, index)
    calculation_base = common.calculation_base
    basic = basic_pension_for(calculation_base.value, mean_index, minimum.total_months, figures.rounding)
    payout = common.payout_months
    return Estimate(
        base=base,
        index=index,
        future_months=future,
        minimum=minimum,
        average_index=mean_index,
        calculation_base=calculation_base,
        basic_pension=basic,
        account=account,
        payout_months=payout,
        account_pension=to_fen(account.balance / payout, figures.rounding),
        monthly_cost_now=_monthly_cost(base_now, figures),
        local_supplementary_now=to_fen(base_now * figures.local_supplementary_rate, figures.rounding),
        total_contributions=total_contributions,
        basic_pension_range=basic_pension_range(base_now, past, future, calculation_base.value, figures),
    )


def compare_bases(
    past: PastContributions,
    first_month: YearMonth,
    retirement: Retirement,
    figures: PensionFigures,
    assumptions: Assumptions,
    _shared: _Common | None = None,
) -> tuple[ComparisonRow, ...]:
    """The floor and 60%, 100%, 200%, 300% of the average; only the future base changes between rows.

    A multiple below the floor is raised to the floor (its row's base says `clamped == "floor"`).
    """
    common = _shared or _common(first_month, retirement, figures, assumptions)
    requested = [(FLOOR_ROW, None, figures.floor)]
    requested += [(format(m, "f"), m, to_fen(m * figures.average_wage, figures.rounding)) for m in COMPARISON_MULTIPLES]
    rows: list[ComparisonRow] = []
    floor_estimate: Estimate | None = None
    for label, multiple, amount in requested:
        estimate = _estimate(amount, past, figures, assumptions, common)
        extra = None
        if floor_estimate is None:
            floor_estimate = estimate
        elif estimate.monthly_pension > floor_estimate.monthly_pension:
            extra = _years_to_recover(estimate.total_contributions - floor_estimate.total_contributions,
                                      estimate.monthly_pension - floor_estimate.monthly_pension)
        rows.append(ComparisonRow(label, multiple, amount, estimate, extra))
    return tuple(rows)


def forecast(
    declared_base: Decimal,
    past: PastContributions,
    first_month: YearMonth,
    retirement: Retirement,
    figures: PensionFigures,
    assumptions: Assumptions,
) -> Forecast:
    common = _common(first_month, retirement, figures, assumptions)
    comparison = compare_bases(past, first_month, retirement, figures, assumptions, common)
    # A base chosen from the quick choices is one of the comparison's rows: the same inputs, the same estimate.
    same = [row.estimate for row in comparison if row.requested.as_tuple() == declared_base.as_tuple()]
    estimate = same[0] if same else _estimate(declared_base, past, figures, assumptions, common)
    return Forecast(first_month, retirement, past, estimate, comparison)
