"""Issue 16: statuses no higher than their sources, and no month without an entry.

An independent audit found statuses that claimed more than their sources and periods with no entry
at all. These tests pin the decisions (each entry's note says why) and check every month from the
first contribution year this site covers (2022-07) to today.
"""

from datetime import date
from decimal import Decimal

import pytest

from advisor.policy.errors import FigureMissing, NotInForce
from advisor.policy.inputs import REFORM_FIRST_DAY
from advisor.policy.required import REQUIRED_PARAMETERS

FIRST_MONTH = date(2022, 7, 1)
# Rules that begin with the 2025 retirement-age reform: the code reads them on max(day, 2025-01-01)
# (retirement.reform, the female category, the flexible-retirement limits) or only for an age with
# extra months, which exists only under the reform (payout months by month). Before 2025 they are
# never read.
FROM_THE_REFORM = {"retirement.reform", "retirement.female_flexible_worker_category",
                   "pension.payout_months_by_month", "retirement.flexible"}


def research(content, parameter_id, day):
    """The research note of the entry in force on `day`: what was searched and found (the sources page shows it;
    the pages show the plain note)."""
    return [entry for entry in content.parameters[parameter_id].entries if entry.effective <= day][-1].research


def months_to_today():
    day, today = FIRST_MONTH, date.today()
    while day <= today:
        yield day
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)


@pytest.mark.parametrize("parameter_id", sorted(set(REQUIRED_PARAMETERS) - FROM_THE_REFORM))
def test_every_month_from_2022_07_to_today_has_a_value_or_an_explicit_missing(content, parameter_id):
    gaps = []
    for day in months_to_today():
        try:
            content.figure(parameter_id, day)
        except FigureMissing:
            continue  # looked for and not found: the answer names the gap and whom to ask
        except NotInForce as exc:
            gaps.append(f"{day:%Y-%m} ({exc.reason})")
    assert gaps == [], f"{parameter_id} has no entry for {', '.join(gaps)}"


def test_the_rules_that_begin_with_the_reform_begin_on_its_first_day(content):
    for parameter_id in FROM_THE_REFORM:
        assert content.parameters[parameter_id].entries[0].effective == REFORM_FIRST_DAY, parameter_id


@pytest.mark.parametrize("parameter_id, day", [
    ("medical.base_floor", date(2022, 7, 1)), ("medical.base_ceiling", date(2023, 9, 30)),
    ("medical.rate", date(2023, 1, 1)), ("unemployment.base_ceiling", date(2022, 7, 1)),
    ("unemployment.rate", date(2023, 12, 31)),
])
def test_the_periods_without_a_source_are_explicit_and_say_what_was_searched(content, parameter_id, day):
    with pytest.raises(FigureMissing) as missing:
        content.figure(parameter_id, day)
    note, trail = missing.value.note, research(content, parameter_id, day)
    assert "已查" in trail["zh"] and "Searched" in trail["en"]
    assert "12333" in note["en"] or "12393" in note["en"]  # whom to ask, in the plain note


def test_the_unemployment_pilot_before_2024_is_named_as_not_found(content):
    trail = content.parameters["unemployment.rate"].entries[0].research
    assert "earlier pilot existed, but its document was not found" in trail["en"]


# --- Statuses: no higher than the sources, or the note says why ----------------------------------

def status(content, parameter_id, day):
    return content.figure(parameter_id, day)


def test_the_2023_medical_rate_is_confirmed_by_two_official_texts_and_says_so(content):
    figure = status(content, "medical.rate", date(2023, 10, 1))
    assert (figure.value, figure.status, figure.source) == (Decimal("0.08"), "confirmed", "sz-gov-358")
    assert figure.note["en"].startswith("Why confirmed: two official texts agree.")
    assert "由7%恢复为8%" in figure.note["zh"]


@pytest.mark.parametrize("parameter_id, value", [("medical.base_floor", "6727"), ("medical.base_ceiling", "33633")])
def test_the_2026_medical_limits_are_confirmed_by_the_issuing_body_and_say_why(content, parameter_id, value):
    figure = status(content, parameter_id, date(2026, 3, 1))
    assert (figure.value, figure.status, figure.source) == (Decimal(value), "confirmed", "sz-hsa-2025-12-29")
    trail = research(content, parameter_id, date(2026, 3, 1))
    assert trail["en"].startswith("Why confirmed: it is the notice of the body that sets these figures")
    assert "33,633 ÷ 3 = 11,211" in trail["en"]


def test_the_shenzhen_hukou_supplement_rests_on_one_source_and_is_provisional(content):
    figure = status(content, "pension.local_supplementary_rate", date(2022, 7, 1))
    assert (figure.value, figure.status, figure.source) == (Decimal("0.01"), "provisional", "seed-000-sitf")
    assert figure.note["en"].startswith("Provisional: one source only")
    assert status(content, "pension.local_supplementary_rate", date(2026, 5, 1)).status == "provisional"


def test_the_2023_pension_ceiling_rests_on_third_party_sources_and_is_provisional(content):
    figure = status(content, "pension.base_ceiling", date(2023, 7, 1))
    assert (figure.value, figure.status) == (Decimal("26421"), "provisional")
    assert research(content, "pension.base_ceiling", date(2023, 7, 1))["en"].startswith(
        "Provisional: third-party sources only")
    assert "third-party" not in figure.note["en"]  # the page's plain note leaves the research to the sources page
    # The neighbours keep theirs: 2022 provisional (one source), 2024 and 2025 confirmed.
    assert [status(content, "pension.base_ceiling", date(y, 7, 1)).status for y in (2022, 2024, 2025)] == [
        "provisional", "confirmed", "confirmed"]


def test_the_2024_shenzhen_floor_records_the_platform_evidence_and_says_which_candidate_it_favours(content):
    figure = status(content, "pension.base_floor", date(2024, 7, 1))
    assert (figure.value, figure.status, figure.source) == (Decimal("4492"), "conflicting", "meituan-2025-sz")
    assert "每月应缴898.4元" in figure.quote
    trail = research(content, "pension.base_floor", date(2024, 7, 1))
    assert trail["en"].startswith("Sources disagree, but the evidence now favours 4,492")
    assert "4,492 × 20% = 898.40" in trail["en"] and "898.40" in figure.note["en"]
    assert Decimal("3523") in [c.value for c in figure.candidates]  # still shown
    source = content.sources["meituan-2025-sz"]
    assert source["kind"] == "secondary" and source["read_at"] == "http://www.gdmsci.cn/article/jalkOG4h3TYp.html"


def test_the_2026_residence_opinion_is_recorded_and_the_notice_stays_under_review(content):
    source = content.sources["gov-2026-11"]
    assert (source["number"], source["title"], source["issuer"]) == (
        "国发〔2026〕11号", "国务院关于推行常住地提供基本公共服务的实施意见", "国务院")
    assert str(source["date"]) == "2026-05-22" and source["url"].startswith("https://www.gov.cn/")
    assert source["kind"] == "official-unseen"  # its social-insurance wording is not found
    notice = content.texts["notices"]["residence_rule_under_review"]
    assert notice["related_source"] == "gov-2026-11" and "尚未核实" in notice["message"]["zh"]


def test_the_2025_interest_rate_stays_provisional(content):
    figure = status(content, "pension.account_interest_rate", date(2025, 6, 1))
    assert (figure.value, figure.status) == (Decimal("0.0150"), "provisional")


def test_the_index_denominator_is_open_with_both_candidates_and_says_what_was_searched(content):
    figure = status(content, "forecast.index_denominator", date(2026, 11, 1))
    assert figure.value == "guangdong_average_wage" and figure.status == "provisional"
    assert [(c.value, c.source) for c in figure.candidates] == [
        ("guangdong_average_wage", "derived"), ("shenzhen_average_wage", "calc-liubigfatty-pension")]
    for searched in ("国发〔2005〕38号", "award sheets", "深人社规"):
        assert searched in research(content, "forecast.index_denominator", date(2026, 11, 1))["en"]
    shenzhen = status(content, "pension.shenzhen_average_wage", date(2026, 11, 1))
    assert (shenzhen.value, shenzhen.status, shenzhen.source) == (Decimal("11211"), "provisional", "derived")
    with pytest.raises(FigureMissing):
        content.figure("pension.shenzhen_average_wage", date(2025, 6, 30))
