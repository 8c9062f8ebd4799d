"""Plain words for the pension at retirement and the flexible-retirement window: each line's formula
with its numbers, the notices, and the reasons a month is outside the window.

Sentences are ours and go through Babel; what content/ says about a figure (its note) stays
bilingual in content/ and is returned beside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from advisor.answers.forecast_explain import month_name
from advisor.answers.pension_at_retirement import (
    CALCULATION_BASE,
    LOCAL_SUBSIDY,
    PAYOUT,
    PAYOUT_BY_MONTH,
    PensionAnswer,
)
from advisor.i18n import current_language, format_age, format_yuan, gettext, localized
from advisor.policy import Content, Figure
from advisor.policy.inputs import STATUS_SEVERITY
from advisor.rules.flexible_retirement import OutsideWindow
from advisor.rules.types import Notice


@dataclass(frozen=True)
class Line:
    """One line of the answer: its amount (None when not computed), the formula with the numbers,
    and the content figures behind it."""

    code: str
    amount: Decimal | None
    formula: str
    figures: tuple[tuple[str, Figure], ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def status(self) -> str | None:
        statuses = [figure.status for _, figure in self.figures]
        return max(statuses, key=STATUS_SEVERITY.__getitem__) if statuses else None


def number(value: Decimal) -> str:
    """An index or a count of months as written: 0.7183, 131.4, 195."""
    return format(value.normalize() if value == value.to_integral() else value, "f")


def lines(answer: PensionAnswer) -> tuple[Line, ...]:
    q = answer.question
    result = answer.lines
    base = answer.calculation_base
    used = answer.used
    base_figures = ((CALCULATION_BASE, used[CALCULATION_BASE]),) if CALCULATION_BASE in used and not base.given else ()
    basic = Line("basic_pension", result.basic_pension, gettext(
        "Calculation base %(base)s × (1 + average index %(index)s) ÷ 2 × %(months)s months ÷ 12 × 1%% = %(amount)s",
        base=format_yuan(base.value), index=number(q.average_index), months=q.contribution_months,
        amount=format_yuan(result.basic_pension)), base_figures)
    payout_figures = [(PAYOUT, used[PAYOUT])]
    if PAYOUT_BY_MONTH in used:
        payout_figures.append((PAYOUT_BY_MONTH, used[PAYOUT_BY_MONTH]))
    account = Line("personal_account_pension", result.personal_account_pension, gettext(
        "Personal account %(balance)s ÷ %(months)s payout months at the age of %(age)s = %(amount)s",
        balance=format_yuan(q.personal_account_balance), months=number(result.payout_months),
        age=format_age(answer.retirement.age_years, answer.retirement.age_months),
        amount=format_yuan(result.personal_account_pension)), tuple(payout_figures))
    if q.local_supplementary_months > 0:
        rule = used[LOCAL_SUBSIDY].value
        subsidy = Line("local_subsidy", result.local_subsidy, gettext(
            "%(months)s months of local supplementary contributions ÷ 12 × average index %(index)s × %(per_year)s "
            "+ %(fixed)s = %(amount)s",
            months=q.local_supplementary_months, index=number(q.average_index),
            per_year=number(Decimal(rule["yuan_per_year_and_index"])), fixed=number(Decimal(rule["fixed_yuan"])),
            amount=format_yuan(result.local_subsidy)), ((LOCAL_SUBSIDY, used[LOCAL_SUBSIDY]),))
    else:
        subsidy = Line("local_subsidy", result.local_subsidy, gettext(
            "No months of local supplementary contributions (paid by Shenzhen hukou only), so no local subsidy: "
            "%(amount)s", amount=format_yuan(result.local_subsidy)))
    transitional = Line("transitional_pension", None, gettext(
        "Not computed: its Shenzhen formula needs figures printed only on the approval sheet (see the note)."), (),
        (localized(answer.transitional_note),))
    total = Line("total", answer.total, gettext(
        "%(basic)s + %(account)s + %(subsidy)s = %(total)s, without any transitional pension",
        basic=format_yuan(result.basic_pension), account=format_yuan(result.personal_account_pension),
        subsidy=format_yuan(result.local_subsidy), total=format_yuan(answer.total)))
    return basic, account, subsidy, transitional, total


def line_name(code: str) -> str:
    # One translation for the line asked for, not the five.
    if code == "basic_pension":
        return gettext("Basic pension")
    if code == "personal_account_pension":
        return gettext("Personal-account pension")
    if code == "local_subsidy":
        return gettext("Shenzhen local subsidy")
    if code == "transitional_pension":
        return gettext("Transitional pension")
    if code == "total":
        return gettext("Total (without the transitional pension)")
    raise KeyError(code)


def kind_name(kind: str) -> str:
    if kind == "statutory":
        return gettext("at the statutory retirement age")
    if kind == "early":
        return gettext("early (flexible retirement)")
    if kind == "deferred":
        return gettext("deferred (flexible retirement)")
    raise KeyError(kind)


def notice_message(content: Content, notice: Notice) -> str:
    facts: dict[str, Any] = dict(notice.facts)
    code = notice.code
    if code == "record_estimate":
        return gettext("This is worked out from the record you typed in, the way the Shenzhen social-insurance "
                       "office's approval sheet (养老金核定表) sets it out. The office's own approval decides.")
    if code == "retiring_early":
        return gettext("You retire %(months)s months before your statutory retirement month (%(statutory)s). "
                       "Early retirement needs the minimum contribution period, %(required)s months in the year "
                       "you retire; you have %(total)s.", months=facts["months"],
                       statutory=month_name(facts["statutory"]), required=facts["required"], total=facts["total"])
    if code == "retiring_deferred":
        rule = localized(content.texts["notices"]["minimum_year_when_deferring"]["message"])
        return gettext("You retire %(months)s months after your statutory retirement month (%(statutory)s). "
                       "Ask the social-insurance office (12333) how a flexible worker applies to defer.",
                       months=facts["months"], statutory=month_name(facts["statutory"])) + (
                           "" if current_language() == "zh" else " ") + rule.format(year=facts["statutory"].year)
    if code == "minimum_not_met":
        return gettext("You have %(total)s months of contributions, but %(required)s are needed for a monthly "
                       "pension (the minimum of %(year)s, the year you reach the statutory retirement age): "
                       "%(missing)s months are missing. You can pay for longer, or pay the missing months at "
                       "once, to reach the minimum.", total=facts["total"],
                       required=facts["required"], year=facts["year"], missing=facts["missing"])
    if code == "calculation_base_given":
        if facts["published"] is None:
            return gettext("The calculation base you gave, %(value)s, is used.", value=format_yuan(facts["value"]))
        return gettext("The calculation base you gave, %(value)s, is used instead of the published %(year)s "
                       "figure (%(published)s).", value=format_yuan(facts["value"]), year=facts["published_year"],
                       published=format_yuan(facts["published"]))
    if code == "calculation_base_previous_year":
        return gettext("The calculation base for %(year)s is not published yet, so the %(used_year)s figure "
                       "(%(value)s) is used. The office does the same until the new base is published, then "
                       "recalculates your pension and pays the difference.", year=facts["year"],
                       used_year=facts["used_year"], value=format_yuan(facts["value"]))
    if code == "calculation_base_until_published":
        return gettext("The calculation base for %(year)s (%(value)s) is used. If you retire before it is "
                       "published, the office first uses the previous year's base and recalculates later; enter "
                       "the base on your approval sheet to check it.", year=facts["year"],
                       value=format_yuan(facts["value"]))
    if code == "payout_months_interpolated":
        return gettext("At %(age)s the account is divided by %(months)s months: between whole ages the months "
                       "fall by equal steps each month, rounded to one decimal, as official examples and approval "
                       "sheets show (the national month-by-month table itself was not found). The office counts "
                       "your age at retirement: if your approval sheet prints another age, its figure decides.",
                       age=format_age(facts["age_years"], facts["age_months"]), months=number(facts["months"]))
    if code == "no_local_supplementary_months":
        return gettext("With Shenzhen hukou you also pay the local supplementary pension; each year of it adds "
                       "to the local subsidy. Enter its months (from your record) to see what it pays.")
    if code == "transitional_not_included":
        return gettext("The transitional pension (with the sheet's adjustment, 调整额, and 调节金) is not "
                       "included: its Shenzhen formula needs figures printed only on the approval sheet, and its "
                       "rule text was not found. The pension paid is likely to be higher than this total; ask "
                       "12333 for the approved amount.")
    if code == "female_category_to_confirm":
        return gettext("You did not choose your original retirement age, so %(category)s was assumed. Please "
                       "confirm it with 12333 or Shenzhen social insurance.", category=facts["category"])
    raise KeyError(code)


def outside_window_message(error: OutsideWindow) -> str:
    window = error.window
    if error.reason == "before_original_age":
        return gettext("You cannot retire before your original retirement age: the earliest month is "
                       "%(earliest)s.", earliest=month_name(window.earliest))
    if error.reason == "too_early":
        return gettext("Flexible retirement can be at most %(months)s months early: the earliest month is "
                       "%(earliest)s.", months=window.months_early_possible, earliest=month_name(window.earliest))
    if error.reason == "too_late":
        return gettext("Flexible retirement can be deferred by at most %(months)s months: the latest month is "
                       "%(latest)s.", months=window.latest.months_since(window.statutory.month),
                       latest=month_name(window.latest))
    if error.reason == "in_the_past":
        return gettext("Choose a month after this one: the estimate is for a retirement still to come.")
    return gettext("Retiring early needs at least %(required)s months of contributions in the year you retire. "
                   "Without them the earliest month is your statutory one, %(statutory)s.",
                   required=error.required_months, statutory=month_name(window.statutory.month))
