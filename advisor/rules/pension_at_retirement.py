"""The monthly pension from a known record at a known retirement month, line by line as on a Shenzhen
approval sheet (养老金核定表).

* basic pension (item 1) = calculation base × (1 + average index) / 2 × contribution months / 12 × 1%
  (国发〔2005〕38号), kept as one division so nothing is rounded before the fen;
* personal-account pension (item 2) = account balance ÷ payout months for the exact age
  (`rules.forecast.payout_months_at`: the table at whole ages, linear by month in between);
* Shenzhen local subsidy (item 5), for months of local supplementary contributions only:
  months / 12 × average index × yuan per year and index + a fixed amount (a secondary-source formula,
  content/parameters/pension/local_subsidy.yaml); nothing without such months;
* the transitional pension is not computed here (its Shenzhen rule was not found): the total is the
  sum of the lines computed, each rounded to the fen first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from advisor.rules.forecast import payout_months_at
from advisor.rules.money import to_fen

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class LocalSubsidyRule:
    yuan_per_year_and_index: Decimal
    fixed_yuan: Decimal


@dataclass(frozen=True)
class Record:
    contribution_months: int  # deemed months included
    average_index: Decimal
    account_balance: Decimal
    local_supplementary_months: int = 0


@dataclass(frozen=True)
class PensionLines:
    calculation_base: Decimal
    basic_pension: Decimal
    payout_months: Decimal
    personal_account_pension: Decimal
    local_subsidy: Decimal

    @property
    def total(self) -> Decimal:
        """The sum of the rounded lines computed (the transitional pension is not among them)."""
        return self.basic_pension + self.personal_account_pension + self.local_subsidy


def basic_pension(calculation_base: Decimal, average_index: Decimal, contribution_months: int,
                  rounding: str = "ROUND_HALF_UP") -> Decimal:
    return to_fen(calculation_base * (1 + average_index) / 2 * contribution_months / 1200, rounding)


def personal_account_pension(balance: Decimal, payout_months: Decimal, rounding: str = "ROUND_HALF_UP") -> Decimal:
    return to_fen(balance / payout_months, rounding)


def local_subsidy(local_months: int, average_index: Decimal, rule: LocalSubsidyRule,
                  rounding: str = "ROUND_HALF_UP") -> Decimal:
    """Nothing without local supplementary months: the fixed amount is not paid on its own."""
    if local_months <= 0:
        return ZERO
    return to_fen(Decimal(local_months) / 12 * average_index * rule.yuan_per_year_and_index + rule.fixed_yuan,
                  rounding)


def pension_at_retirement(record: Record, age_in_months: int, calculation_base: Decimal,
                          payout_table: Mapping[int, Decimal], subsidy_rule: LocalSubsidyRule | None,
                          rounding: str = "ROUND_HALF_UP") -> PensionLines:
    """`subsidy_rule` may be None only when there are no local supplementary months."""
    payout = payout_months_at(age_in_months, payout_table)
    subsidy = ZERO
    if record.local_supplementary_months > 0:
        if subsidy_rule is None:
            raise ValueError("local supplementary months need the local subsidy rule")
        subsidy = local_subsidy(record.local_supplementary_months, record.average_index, subsidy_rule, rounding)
    return PensionLines(
        calculation_base=calculation_base,
        basic_pension=basic_pension(calculation_base, record.average_index, record.contribution_months, rounding),
        payout_months=payout,
        personal_account_pension=personal_account_pension(record.account_balance, payout, rounding),
        local_subsidy=subsidy,
    )
