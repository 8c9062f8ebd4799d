"""The other paths on the pages (issue 11): the guides on stopping, leaving Shenzhen and the resident
schemes; 延缴 in the check and the forecast; unemployment's own wage in the calculator; the register
guide's 失业人员灵活就业参保登记 path; the FAQ's new questions, each with its source."""

from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from .pages import HTMX, assert_shows, between, text_of

GUIDES = ("/stopping", "/leaving", "/resident-schemes")


def raw_section(html: str, section_id: str) -> str:
    return between(html, f'id="{section_id}"', "</section>")


def section(html: str, section_id: str) -> str:
    return text_of(raw_section(html, section_id))


# --- The guide pages ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", GUIDES)
def test_every_guide_page_answers_in_both_languages_with_a_source_for_every_item(client, lang, path):
    response = client.get(f"/{lang}{path}")
    assert response.status_code == 200
    html = response.text
    label = "依据：" if lang == "zh" else "Based on:"
    assert label in html
    notes = html.count('class="guide-item"') + html.count('class="compare-cell"')  # comparison items hold cells
    assert notes > 5 and html.count('class="guide-source"') == notes  # every item names its source


def test_the_stopping_guide(client):
    html = client.get("/en/stopping").text
    assert_shows(section(html, "stop_service"),
                 "choose “个缴人员停保” (stop individual contributions) to stop paying",
                 "“A flexible worker who applies to stop the insurance can stop paying individual contributions.”",
                 "Based on: 《在深灵活就业人员参保讲解》")
    assert "“灵活就业人员申请停保，可停止个人缴费。”" in section(client.get("/zh/stopping").text, "stop_service")
    assert_shows(section(html, "months_add_up"),
                 "months not paid do not count, but the months you paid stay on your record",
                 "Based on: 《中华人民共和国社会保险法》 (主席令第三十五号)")
    assert_shows(section(html, "no_pension_back_payment"),
                 "No official rule found", "Do not count on it: ask 12333 first.")
    assert "impossible" not in html
    assert_shows(section(html, "make_up_three_months"),
                 "Unverified", "Not yet read in an official text")
    assert "Third-party" not in html and "third part" not in html  # how it was found: the sources page
    assert_shows(section(html, "resident_waiting_periods"),
                 "This is about resident medical insurance, not the employee medical insurance", "国办发〔2024〕38号")


def test_the_leaving_guide_and_the_temporary_account(client):
    html = client.get("/en/leaving").text
    assert "Stop the insurance in Shenzhen first" in html
    assert_shows(section(html, "funds_moved"),
                 "the whole personal account goes to the new place; from the pooled fund, 12% of your actual",
                 "国办发〔2009〕66号")
    assert_shows(section(html, "temporary_account_plain"),
                 "For people with hukou outside Guangdong:", "A man aged 50 or more, or a woman aged 40 or more")
    assert "you draw it where you have paid for 10 years in total" in section(html, "ten_year_rule")
    assert "national social insurance public service platform" in section(html, "apply_in_new_place")
    zh = client.get("/zh/leaving").text
    assert "离开深圳：社保怎么办" in zh and "依据：" in zh


def test_the_resident_comparison_shows_figures_with_status_and_says_what_was_not_found(client):
    html = client.get("/en/resident-schemes").text
    cost = section(html, "medical_cost")
    assert "Contribution base of Shenzhen resident medical insurance (a month): ¥6,760.00 Confirmed" in cost
    assert "What a person pays a year for Shenzhen resident medical insurance: not available" in cost
    pension = section(html, "pension_cost")
    assert "Lowest contribution tier of the resident pension scheme (national rule, a year): ¥100.00 Unverified" \
        in pension
    assert "No official rule found" in pension
    assert "only the employee months count" in section(html, "not_both_pensions")
    assert "Side by side" in html


def test_the_leaving_shenzhen_notice_links_to_the_guide(client):
    html = client.get("/en/register").text
    assert '<a href="/en/leaving">Leaving Shenzhen: what happens to your insurance</a>' in raw_section(
        html, "stop_when_leaving")


def test_the_register_guide_has_the_path_for_unemployed_people(client):
    html = client.get("/zh/register").text
    path = section(html, "unemployed_registration")
    assert "选择“失业人员灵活就业参保登记”" in path
    assert "“失业人员可在个人服务网页填写参保登记要素，申报个人缴费参保登记。”" in path
    en = client.get("/en/register").text
    assert '<a href="/en/stopping">Stopping, gaps and back payment</a>' in raw_section(en, "stop_paying")
    assert "“养老保险延缴申请”" in section(en, "extension_application")


# --- FAQ ------------------------------------------------------------------------------------------

NEW_QUESTIONS = {
    "back_payment": "可以补缴吗？",
    "gap_in_payments": "断缴了怎么办？",
    "how_to_stop": "怎么停保？",
    "leaving_shenzhen": "离开深圳，社保怎么办？",
    "short_of_years_at_retirement": "到了退休年龄还没交够15年怎么办？",
    "employee_and_resident_medical": "职工医保和居民医保能同时参加吗？",
    "unemployment_benefit": "灵活就业可以领失业金吗？",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_faq_answer_names_its_source(client, lang):
    html = client.get(f"/{lang}/faq").text
    ids = re.findall(r'<details class="guide-item faq-item">\s*<summary[^>]*>'
                     r'<h3 class="guide-item__title" id="(\w+)-heading"', html)
    assert set(NEW_QUESTIONS) <= set(ids) and len(ids) == 10
    label = "依据：" if lang == "zh" else "Based on:"
    for question_id in ids:
        item = section(html, question_id)
        source = item[item.index(label) + len(label):].strip() if label in item else ""
        assert source, f"{question_id} names no source"


def test_the_new_faq_questions_in_chinese_with_their_links(client):
    html = client.get("/zh/faq").text
    for question_id, question in NEW_QUESTIONS.items():
        assert f'<h3 class="guide-item__title" id="{question_id}-heading">{question}</h3>' in html
    assert "不要指望补缴" in section(html, "back_payment")
    assert '<a href="/zh/stopping">' in html and '<a href="/zh/leaving">' in html
    assert '<a href="/zh/resident-schemes">' in html
    short = section(html, "short_of_years_at_retirement")
    assert "可以申请“养老保险延缴申请”" in short and "180" in short  # the minimum in force, with its status
    benefit = section(html, "unemployment_benefit")
    assert "90%" in benefit and "还在核实" in benefit and "第三方" not in benefit


# --- The check: 延缴 past the statutory age ------------------------------------------------------

MAN_1965 = {
    "birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15",
    "sex": "male", "hukou": "shenzhen", "work": "platform", "platform_qualified": "yes",
    "full_time_student": "no", "employer_insured": "no",
}


def check(client, data, lang="en", headers=None):
    return client.post(f"/{lang}/check", data=MultiDict(data), headers=headers or {})


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_a_61_year_old_with_10_years_is_told_he_can_pay_on(client, headers):
    response = check(client, {**MAN_1965, "contributed_months": "120", "pension_place": "shenzhen"},
                     headers=headers)
    assert response.status_code == 200
    text = text_of(response.text)
    assert ("You have reached the statutory retirement age, so you cannot newly enroll as a flexible worker, but "
            "you can apply to keep paying") in text
    assert "You are 60 months short: paying every month from November 2026, you would reach the minimum in " \
           "October 2031" in text
    assert "At the lowest base, ¥4,775.00, that is about ¥955.00 a month." in text
    assert "Paying at once: the 2011 rule (its text not yet read)" in text and "Third-party" not in text
    assert "Medical insurance has its own years requirement" in text
    assert "<html" in response.text if not headers else "<html" not in response.text


def test_the_answers_summary_and_change_keep_the_months(client):
    html = check(client, {**MAN_1965, "contributed_months": "120", "pension_place": "unknown"}).text
    assert "Months of pension paid 120" in text_of(html)
    assert '<input type="hidden" name="contributed_months" value="120">' in html
    assert '<input type="hidden" name="pension_place" value="unknown">' in html
    assert "Shenzhen does it only for people whose pension-drawing place is Shenzhen" in text_of(html)


def test_the_retirement_questions_are_optional_and_ignored_for_young_people(client):
    young = {**MAN_1965, "birth_date-year": "1996", "contributed_months": "abc"}
    html = check(client, young).text
    assert "Enter the months as a whole number" not in html  # not asked of a 30-year-old: ignored
    assert "Yes, you can join" in html
    assert "Months of pension paid" not in text_of(html[html.index("check-answers"):])
    html = check(client, MAN_1965).text  # at the age, left empty: no 延缴 notice, no error
    assert "There is a problem" not in html and "apply to keep paying" not in html


def test_bad_months_are_explained_next_to_the_field_and_other_answers_kept(client):
    html = check(client, {**MAN_1965, "contributed_months": "ten"}).text
    assert 'id="contributed_months-error"' in html or "Enter the months as a whole number, for example 120." in html
    assert "Enter the months as a whole number, for example 120." in html
    assert 'value="1965"' in html


def test_chinese_check_result(client):
    text = text_of(check(client, {**MAN_1965, "contributed_months": "120", "pension_place": "shenzhen"},
                         lang="zh").text)
    assert "您还差60个月：如果从2026年11月开始每月缴，到2031年10月缴满" in text


# --- The forecast: 延缴 instead of a refusal -----------------------------------------------------

FORECAST = {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15", "sex": "male",
            "paid_years": "10", "paid_months": "0", "base": "floor", "wage_growth": "0", "interest": "0"}


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_the_forecast_estimates_the_pension_after_paying_on(client, headers):
    response = client.post("/en/forecast", data=FORECAST, headers=headers)
    text = text_of(response.text)
    assert response.status_code == 200
    # Five years ahead at most: to the fen; no growth assumed, so today's money is 2031's.
    assert "In today's money you would get ¥2,091.61 a month once you retire." in text
    assert "Total per month (money of 2031) ¥2,091.61" in text
    assert "Paying on after retirement age (延缴)" in text
    assert ("You reached the statutory retirement age of 60 years 1 months in February 2025, with 120 months of "
            "contributions: 180 are needed for a monthly pension when retiring in 2025.") in text
    assert "Months still to pay 60 Paying from November 2026 Last month to pay October 2031" in text
    assert "Cost per month now, at your base ¥955.00 Cost of all the months ¥57,300.00" in text
    zh = text_of(client.post("/zh/forecast", data=FORECAST, headers=headers).text)
    assert "还要缴的月数 60" in zh and "所有月份合计 ¥57,300.00" in zh


# --- The calculator: unemployment's own wage ---------------------------------------------------

CALCULATE = {"wage": "8000", "hukou": "guangdong", "insurances": ["pension", "unemployment"], "month": "2026-11"}


@pytest.mark.parametrize(("unemployment_wage", "line"), [
    ("", "Unemployment insurance ¥8,000.00 1% ¥80.00"),
    ("1000", "Unemployment insurance ¥2,700.00 1% ¥27.00"),
    ("60000", "Unemployment insurance ¥44,265.00 1% ¥442.65"),
])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_the_calculator_takes_the_unemployment_wage_and_clamps_it(client, unemployment_wage, line, headers):
    data = MultiDict([*[(k, v) for k, v in CALCULATE.items() if k != "insurances"],
                      ("insurances", "pension"), ("insurances", "unemployment"),
                      ("unemployment_wage", unemployment_wage)])
    text = text_of(client.post("/en/calculate", data=data, headers=headers).text)
    assert line in text
    assert "Pooled fund ¥8,000.00 12% ¥960.00" in text
    assert ("unemployment benefit is about ¥2,430.00 a month: 90% of the Shenzhen minimum wage") in text
    assert "Months of benefit by years paid Years paid Months of benefit 1 1 2 2 3 3 4 4 5 6 6 8 10 16 14 24" in text


def test_a_bad_unemployment_wage_is_explained_and_the_page_explains_the_field(client):
    data = MultiDict([("wage", "8000"), ("hukou", "guangdong"), ("insurances", "unemployment"),
                      ("month", "2026-11"), ("unemployment_wage", "abc")])
    html = client.post("/en/calculate", data=data).text
    assert "Enter the amount in yuan using digits only, for example 8000 or 8000.50." in html
    assert 'value="8000"' in html
    page = client.get("/en/calculate").text
    assert "Its base is your real income, declared separately (“失业缴费工资” on the form)." in page
    assert '<a href="/en/stopping">Stopping, gaps and back payment</a>' in page
