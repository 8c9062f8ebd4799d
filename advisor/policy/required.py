"""Every parameter the code reads. Start-up refuses content/ without one of them, so a deleted
file fails the start command, not a user's request. tests/content/test_required.py checks that
every parameter id written in the code is listed here."""

REQUIRED_PARAMETERS = (
    "eligibility.minimum_age",
    "forecast.account_interest",
    "forecast.index_denominator",
    "forecast.wage_growth",
    "medical.base_ceiling",
    "medical.base_floor",
    "medical.rate",
    "money.rounding",
    "pension.account_interest_rate",
    "pension.average_wage",
    "pension.base_ceiling",
    "pension.base_floor",
    "pension.calculation_base",
    "pension.local_supplementary_rate",
    "pension.payout_months",
    "pension.payout_months_by_month",
    "pension.personal_account_rate",
    "pension.shenzhen_average_wage",
    "pension.pooled_fund_rate",
    "pension.temporary_account",
    "pension.total_rate",
    "retirement.female_flexible_worker_category",
    "retirement.minimum_contribution_months",
    "retirement.reform",
    "unemployment.base_ceiling",
    "unemployment.base_floor",
    "unemployment.rate",
    "wages.shenzhen_minimum_wage",
)
