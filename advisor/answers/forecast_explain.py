"""Plain-words sentences for the pension forecast's assumptions, notices and comparison rows.

Method sentences are ours and go through Babel; what content/ says about a figure (its note, why a
default was chosen) stays bilingual in content/ and is returned beside these sentences.
"""

from __future__ import annotations

from decimal import Decimal

from advisor.answers.explain import notice_message as content_notice_message
from advisor.answers.forecast import Assumption, ExtensionBeyondTable
from advisor.i18n import format_age, format_long_date, format_year_month, format_yuan, gettext, localized
from advisor.policy import Content
from advisor.rules.calendar import YearMonth
from advisor.rules.forecast import ComparisonRow
from advisor.rules.types import Notice


def percent(ratio: Decimal) -> str:
    """0.029 → "2.9%", 0.0150 → "1.5%"."""
    return format((ratio * 100).normalize(), "f") + "%"


def month_name(month: YearMonth) -> str:
    """2026年11月 in Chinese, November 2026 in English."""
    return format_year_month(month)  # the same patterns, cached per month and language


def _denominator_message(item: Assumption) -> str:
    """Which average wage divides the base, why the estimate uses it, and the range while it is open."""
    facts = item.facts
    if item.value == "shenzhen_average_wage":
        text = gettext("Your contribution index is your base divided by the Shenzhen average monthly wage "
                       "(%(average)s in force now).", average=format_yuan(facts["average_wage"]))
    else:
        text = gettext("Your contribution index is your base divided by the Guangdong average monthly wage "
                       "(%(average)s in force now).", average=format_yuan(facts["average_wage"]))
    others = facts.get("others") or {}
    if not others:
        return text
    shenzhen = others.get("shenzhen_average_wage")
    text += " " + gettext("The estimate uses it because the base floor and ceiling you choose between are set from "
                          "it. No official text settles whether Shenzhen divides by its own average wage instead; "
                          "a public calculator does.")
    span = facts.get("range")
    if span is None or shenzhen is None:
        return text + " " + gettext("The Shenzhen average wage for this date is not recorded, so the basic "
                                    "pension cannot be shown as a range.")
    return text + " " + gettext(
        "Divided by the Shenzhen average (%(shenzhen)s), your index is lower, so until this is settled your basic "
        "pension is shown as a range: %(low)s to %(high)s a month (this estimate: %(basic)s).",
        shenzhen=format_yuan(shenzhen), low=format_yuan(span.low), high=format_yuan(span.high),
        basic=format_yuan(facts["basic_pension"]))


def assumption_message(item: Assumption) -> str:
    facts = item.facts
    code = item.code
    if code == "wage_growth":
        return gettext("Wages grow by %(rate)s a year: the average wage, the base floor and ceiling, your base "
                       "and the calculation base are all assumed to rise by this much.", rate=percent(item.value))
    if code == "account_interest":
        text = gettext("The personal account earns %(rate)s a year in every year whose rate is not yet published.",
                       rate=percent(item.value))
        if facts.get("published_years"):
            text += " " + gettext("Published rates are used for %(years)s.",
                                  years=", ".join(str(y) for y in facts["published_years"]))
        return text
    if code == "index_denominator":
        return _denominator_message(item)
    if code == "calculation_base_projected":
        return gettext("The calculation base for %(year)s is not published yet. It is projected from the "
                       "%(known_year)s figure (%(known)s) at %(rate)s a year: %(value)s.",
                       year=facts["year"], known_year=facts["known_year"], known=format_yuan(facts["known_value"]),
                       rate=percent(facts["growth"]), value=format_yuan(item.value))
    if code == "future_base":
        return gettext("Your base keeps the same ratio to the average wage until retirement (contribution index "
                       "%(index)s), so it rises with wages each July, when the Guangdong contribution year "
                       "starts.", index=item.value)
    if code == "past_index":
        if item.user_supplied:
            return gettext("Your %(months)s months already paid are counted at the average index you gave, "
                           "%(index)s.", months=facts["months"], index=item.value)
        return gettext("Your %(months)s months already paid are counted at the same index as your base now, "
                       "%(index)s. Your contribution record shows the real one.",
                       months=facts["months"], index=item.value)
    if code == "past_balance":
        if item.user_supplied:
            return gettext("Your personal account balance today: %(balance)s.", balance=format_yuan(item.value))
        return gettext("You did not give your personal account balance, so it is estimated as %(months)s months "
                       "of today's personal-account credit, without interest: %(balance)s. Your contribution "
                       "record shows the real balance.", months=facts["months"], balance=format_yuan(item.value))
    if code == "contribution_months":
        if not item.value:
            return gettext("No months are left to pay before the statutory retirement age.")
        return gettext("You pay every month from %(first)s to %(last)s (%(months)s months), the month before you "
                       "reach the statutory retirement age, without breaks.",
                       first=month_name(facts["first"]), last=month_name(facts["last"]), months=item.value)
    if code == "interest_method":
        return gettext("Interest is credited once a year: the balance at the start of the year earns a full "
                       "year's interest, and each month's credit earns interest from its month to the end of "
                       "the year.")
    if code == "payout_months":
        age = format_age(facts["age_years"], facts["age_months"])
        if facts["age_months"]:
            return gettext("At a retirement age of %(age)s the personal account is divided by %(months)s months. "
                           "The national month-by-month table was not found, so the months are interpolated "
                           "between whole ages and rounded to one decimal.", age=age, months=item.value)
        return gettext("At a retirement age of %(age)s the personal account is divided by %(months)s months.",
                       age=age, months=item.value)
    if code == "nominal_amounts":
        return gettext("All amounts are in yuan of their own year, not adjusted for inflation. Pension "
                       "increases after retirement are not included.")
    if code == "transitional_pension_excluded":
        return gettext("A transitional pension for work before July 1998 is not included.")
    raise KeyError(code)


def notice_message(content: Content, notice: Notice) -> str:
    facts = notice.facts
    code = notice.code
    if code == "estimate_only":
        return gettext("This is an estimate, not an entitlement. The official pension is calculated by the "
                       "social-insurance agency when you retire.")
    if code == "minimum_not_met":
        return gettext("By the statutory retirement age you would have %(total)s months of contributions, but "
                       "%(required)s are needed for a monthly pension (the minimum of %(year)s, the year you reach the "
                       "statutory retirement age): %(missing)s months are missing. You can then pay for longer, or "
                       "pay the missing months at once, to reach the minimum.", total=facts["total"],
                       required=facts["required"], year=facts["year"], missing=facts["missing"])
    if code == "base_raised_to_floor":
        return gettext("The base you chose (%(declared)s) is below the floor, so the floor, %(applied)s, is used.",
                       declared=format_yuan(facts["declared"]), applied=format_yuan(facts["applied"]))
    if code == "base_lowered_to_ceiling":
        return gettext("The base you chose (%(declared)s) is above the ceiling, so the ceiling, %(applied)s, "
                       "is used.", declared=format_yuan(facts["declared"]), applied=format_yuan(facts["applied"]))
    if code == "comparison_row_raised_to_floor":
        return gettext("In the comparison, a multiple of the average wage that falls below the floor is raised "
                       "to the floor (%(floor)s).", floor=format_yuan(facts["floor"]))
    if code == "figures_carried_forward":  # content/rules/notices.yaml back_dated: the top-up that may follow
        return localized(content.texts["notices"]["back_dated"]["message"]).format(
            start=format_long_date(facts["start"]))
    if code == "shenzhen_hukou_supplementary":
        text = gettext("With Shenzhen hukou you also pay the local supplementary pension, %(rate)s of the base "
                       "(%(amount)s a month at your base now). It is not included in the costs shown here.",
                       rate=percent(facts["rate"]), amount=format_yuan(facts["amount"]))
        if facts.get("subsidy"):
            text += " " + gettext(
                "What it buys: paying it for the %(months)s months until you retire adds about %(subsidy)s a month "
                "to your pension as the Shenzhen local subsidy (months ÷ 12 × average index × %(per_year)s + "
                "%(fixed)s, a formula from a public calculator checked against official approval sheets; the "
                "Shenzhen rule itself was not found). It is not included in the pension shown here.",
                months=facts["subsidy_months"], subsidy=format_yuan(facts["subsidy"]),
                per_year=format(facts["per_year"], "f"), fixed=format(facts["fixed"], "f"))
        return text
    if code == "retirement_month_chosen":
        return gettext("You asked about retiring in %(month)s instead of your statutory month, %(statutory)s "
                       "(flexible retirement). Months paid, the calculation base's year and the payout months "
                       "follow the month you chose.", month=month_name(facts["month"]),
                       statutory=month_name(facts["statutory"]))
    if code == "extension_estimate":
        return gettext("You have reached the statutory retirement age without the minimum contribution months. "
                       "This estimate assumes you apply to keep paying (延缴) for %(months)s months from this month "
                       "to %(end)s, at the base you chose, and draw the pension from the month after. Shenzhen "
                       "accepts 延缴 only when your pension will be drawn in Shenzhen; no Shenzhen rule on its base "
                       "and rate was found, so the flexible worker's are used: confirm with 12333.",
                       months=facts["months"], end=format_year_month(facts["end_month"]))
    return content_notice_message(content, notice)


def row_name(row: ComparisonRow) -> str:
    if row.multiple is None:
        return gettext("Floor")
    return gettext("%(percent)s of the average wage", percent=percent(row.multiple))


def beyond_table_message(exc: ExtensionBeyondTable) -> str:
    return gettext("Paying on (延缴) for the %(months)s months you still need would last until %(end)s, when you "
                   "would be "
            "%(age)s, past the last age (%(last)s) of the payout table this estimate uses. Ask 12333 what you can "
            "do: pay on, move to the resident pension scheme of your hukou place, or end the relationship.",
             months=exc.extension.months_needed, end=format_year_month(exc.extension.end_month),
             age=exc.age_years, last=exc.last_age)
