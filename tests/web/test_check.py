"""可以参保吗: the eligibility page — verdicts with every reason, retirement month, notices, the answers
summary with "Change", errors and fragments. (Input that must never break it: tests/web/test_odd_answers.py.)"""

import html as html_module
import re

import pytest
from werkzeug.datastructures import MultiDict

from .pages import HTMX, assert_own_files_only, assert_private, assert_shows, htmx_fragment, restored_page, text_of

# A delivery rider from another province, born 31 May 1990, with a residence permit (as of 2026-11-22).
RIDER = {
    "birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31",
    "sex": "male", "hukou": "other_province", "residence_permit": "yes",
    "work": "platform", "platform_qualified": "yes", "full_time_student": "no",
    "employer_insured": "no", "insured_before": "no",
}


def answers(**changes) -> dict:
    """RIDER with some answers changed; None removes an answer."""
    data = {**RIDER, **{name.replace("__", "-"): value for name, value in changes.items()}}
    return {name: value for name, value in data.items() if value is not None}


def main_text(html: str) -> str:
    return text_of(html[html.index("<main"):html.index("</main>")])


def cards(html: str) -> dict[str, tuple[str, str]]:
    """scheme → (yes|no, the card's text)."""
    found = re.findall(r'<li class="verdict-item verdict-item--(yes|no)" id="card-(\w+)">(.*?)</details>\s*</li>',
                       html, re.S)
    return {scheme: (answer, text_of(body)) for answer, scheme, body in found}


def hidden_answers(html: str) -> list[tuple[str, str]]:
    form = re.search(r'<form id="check-answers".*?</form>', html, re.S).group(0)
    return [(html_module.unescape(n), html_module.unescape(v))
            for n, v in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', form)]


def post(client, data, lang="en", headers=None):
    """data: a dict, or (name, value) pairs as a browser sends a form."""
    return client.post(f"/{lang}/check", data=MultiDict(data), headers=headers or {})


# --- Verdicts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, verdict, reason, age, month", [
    ("en", "Yes, you can join", "Your kind of work (platform worker) is among the flexible workers who may join.",
     "63 years", "You reach it in May 2053 (on 31 May 2053)."),
    ("zh", "可以参加", "您的工作类型（平台从业人员）属于可参保的灵活就业人员。", "63周岁",
     "您将在2053年5月（2053年5月31日）达到。"),
])
def test_an_eligible_rider_can_join_all_three_insurances(client, lang, verdict, reason, age, month):
    response = post(client, RIDER, lang)
    assert response.status_code == 200
    found = cards(response.text)
    assert list(found) == ["pension", "medical", "unemployment"]
    assert all(answer == "yes" and verdict in text for answer, text in found.values())
    assert reason in found["pension"][1]
    page = main_text(response.text)
    assert age in page and month in page


def test_a_yes_is_explained_with_the_conditions_met_and_the_rule_and_its_source(client):
    assert_shows(cards(post(client, RIDER).text)["pension"][1],
                 "Why: the conditions you meet",
                 "You are at least 18 (you are 36 on 22 November 2026).",
                 "You are not a full-time student.",
                 "You have a Shenzhen residence registration or a valid residence permit.",
                 "What the rules say “Pension and medical insurance: aged 18 or over",
                 "Based on: 《在深灵活就业人员参保讲解》")


def test_a_17_year_old_must_wait_for_pension_and_medical_but_may_join_unemployment(client):
    born = answers(**{"birth_date__year": "2009", "birth_date__month": "5", "birth_date__day": "1"})
    found = cards(post(client, born).text)
    assert found["pension"][0] == "no" and found["medical"][0] == "no" and found["unemployment"][0] == "yes"
    assert ("You must be at least 18 to join pension. On 22 November 2026 you are 17; you turn 18 on 1 May 2027."
            in found["pension"][1])
    assert ("You must be at least 18 to join medical insurance. On 22 November 2026 you are 17; "
            "you turn 18 on 1 May 2027." in found["medical"][1])
    assert "What the rules say “Pension and medical insurance: aged 18 or over" in found["pension"][1]
    assert "You are at least 16 (you are 17 on 22 November 2026)." in found["unemployment"][1]
    zh = cards(post(client, born, "zh").text)
    assert "参加养老保险须年满18周岁。截至2026年11月22日，您17周岁，将于2027年5月1日年满18周岁。" in zh["pension"][1]
    assert "现在不能参加" in zh["pension"][1] and "可以参加" in zh["unemployment"][1]


def test_a_student_insured_by_an_employer_without_a_residence_permit_sees_every_reason(client):
    data = answers(hukou="guangdong", residence_permit="no", full_time_student="yes", employer_insured="yes",
                   work="part_time", platform_qualified=None)
    response = post(client, data)
    found = cards(response.text)
    reasons = [
        "Full-time students cannot insure themselves as flexible workers.",
        "You are already insured through an employer, so you cannot also insure as a flexible worker.",
        "You do not have Shenzhen hukou, so you first need a Shenzhen residence registration or a valid "
        "residence permit.",
    ]
    for scheme in ("pension", "medical", "unemployment"):
        answer, text = found[scheme]
        assert answer == "no" and "No, you cannot join now" in text
        assert all(reason in text for reason in reasons), scheme
    assert ("Unemployment insurance is open only to self-employed people without employees and to platform workers "
            "who hold a platform-recognised service qualification and actually work; your situation (part-time "
            "worker) is not one of them.") in found["unemployment"][1]
    assert "The rules and the conditions you do meet You are at least 18" in found["pension"][1]
    page = main_text(response.text)
    assert "You cannot join any of these insurances as a flexible worker at the moment." in page
    assert "call 12333" in page
    zh = cards(post(client, data, "zh").text)["pension"][1]
    assert "全日制在校学生不能以灵活就业人员身份参保。" in zh
    assert "您不是深圳户籍，需要先办理深圳居住登记或持有效期内的居住证。" in zh


def test_a_platform_worker_without_qualification_cannot_join_unemployment(client):
    found = cards(post(client, answers(platform_qualified="no")).text)
    assert found["pension"][0] == "yes" and found["unemployment"][0] == "no"
    assert ("your situation (platform worker without a platform-recognised service qualification or not actually "
            "working) is not one of them") in found["unemployment"][1]


# --- Retirement age and notices ---------------------------------------------------------------------

WOMAN_1975 = answers(**{"birth_date__year": "1975", "birth_date__month": "12", "birth_date__day": "25"},
                     sex="female", hukou="shenzhen", residence_permit=None)


def test_a_woman_born_in_december_1975_retires_in_june_2032_under_f55(client):
    page = main_text(post(client, {**WOMAN_1975, "female_category": "F55"}).text)
    assert "Your statutory retirement age 56 years 6 months" in page
    assert "You reach it in June 2032 (on 25 June 2032)." in page
    assert "for women who would have retired at 55." in page
    assert "we assumed this category" not in page
    zh = main_text(post(client, {**WOMAN_1975, "female_category": "F55"}, "zh").text)
    assert "56周岁6个月" in zh and "您将在2032年6月（2032年6月25日）达到。" in zh


def test_under_f50_she_reached_retirement_age_in_june_2026_and_cannot_join(client):
    response = post(client, {**WOMAN_1975, "female_category": "F50"})
    page = main_text(response.text)
    assert "Your statutory retirement age 50 years 6 months You reached it in June 2026 (on 25 June 2026)." in page
    found = cards(response.text)
    assert all(answer == "no" for answer, _ in found.values())
    assert ("You reached the statutory retirement age (50 years 6 months) on 25 June 2026, so you can no longer "
            "join pension as a flexible worker.") in found["pension"][1]


@pytest.mark.parametrize("chosen", ["unknown", None])
def test_without_a_category_f55_is_assumed_and_she_is_told_to_confirm_it(client, chosen):
    data = {**WOMAN_1975, **({"female_category": chosen} if chosen else {})}
    page = main_text(post(client, data).text)
    assert "56 years 6 months" in page and "June 2032" in page
    told = ("You answered that you do not know your original retirement age, so we assumed this category."
            if chosen == "unknown" else "You did not choose your original retirement age, so we assumed this category.")
    assert told in page
    assert "Assumed category: Unverified" in page
    assert "For a woman insured as a flexible worker, this site assumes an original retirement age of 55." in page


def test_a_category_sent_for_a_man_is_ignored(client):
    page = main_text(post(client, answers(female_category="F50")).text)
    assert "63 years" in page and "for men (original retirement age 60)." in page
    assert "Original retirement age" not in page  # not in the answers summary either


def test_a_man_from_another_province_first_insured_at_50_gets_a_temporary_pension_account(client):
    data = answers(**{"birth_date__year": "1975", "birth_date__month": "1", "birth_date__day": "1",
                      "first_insured_month__year": "2025", "first_insured_month__month": "6"}, insured_before="yes")
    page = main_text(post(client, data).text)
    assert ("Your hukou is outside Guangdong and you were 50 when first insured in Guangdong (men aged 50 or over), "
            "so a temporary pension account will also be opened.") in page
    assert "First month insured in Guangdong June 2025" in page
    zh = main_text(post(client, data, "zh").text)
    assert "首次在广东参保时50周岁（男性满50周岁），需要同时建立临时基本养老保险缴费账户" in zh


def test_first_insured_before_2010_means_no_temporary_account(client):
    data = answers(**{"birth_date__year": "1955", "birth_date__month": "1", "birth_date__day": "1",
                      "first_insured_month__year": "2009", "first_insured_month__month": "12"}, insured_before="yes")
    page = main_text(post(client, data).text)
    assert "temporary pension account" not in page


@pytest.mark.parametrize("code, text", [
    ("stop_when_leaving_shenzhen", "If you later leave Shenzhen for work, apply to stop the insurance promptly."),
    ("honest_commitment", "When you register you sign a commitment that you are a flexible worker."),
    ("base_changes_via_tax", "To change the base or the bank account later, apply to the tax authority."),
    ("residence_rule_under_review", "this site still applies the Shenzhen rule of October 2024."),
    ("unemployment_needs_employment_registration", "Before joining unemployment insurance you need an employment "
                                                   "registration"),
])
def test_the_notices_are_shown_with_their_source(client, code, text):
    response = post(client, RIDER)
    notice = re.search(rf'<li class="notice notice--{code}">(.*?)</li>', response.text, re.S)
    assert notice and text in text_of(notice.group(1)) and "Based on:" in notice.group(1)


def test_next_steps_link_to_the_calculator_and_to_registration_when_that_page_exists(app, client):
    html = post(client, RIDER).text
    assert '<a href="/en/calculate">What will I pay?</a>' in html
    assert ('<a href="/en/register">Where do I register?</a>' in html) == ("web.register" in app.view_functions)


# --- Validation --------------------------------------------------------------------------------------

DATE_ERRORS = [
    ({"birth_date__year": "", "birth_date__month": "", "birth_date__day": ""}, "Enter your date of birth",
     "birth_date-year"),
    ({"birth_date__month": ""}, "Date of birth must include a month", "birth_date-month"),
    ({"birth_date__year": "", "birth_date__day": ""}, "Date of birth must include a year and day", "birth_date-year"),
    ({"birth_date__month": "2", "birth_date__day": "30"}, "Date of birth must be a real date", "birth_date-day"),
    ({"birth_date__month": "13"}, "Date of birth must be a real date", "birth_date-month"),
    ({"birth_date__day": "-5"}, "Date of birth must be a real date", "birth_date-day"),
    ({"birth_date__year": "90"}, "The year of birth must have 4 digits, for example 1990", "birth_date-year"),
    ({"birth_date__year": "2026", "birth_date__month": "11", "birth_date__day": "22"},
     "Date of birth must be in the past", "birth_date-year"),
    ({"birth_date__year": "1899"}, "Date of birth must be in 1900 or later", "birth_date-year"),
]
CHOICE_ERRORS = [
    ({"sex": None}, "Choose man or woman", "sex-0"),
    ({"hukou": "mars"}, "Choose where your hukou is", "hukou-0"),
    ({"residence_permit": None}, "Choose yes if you have a Shenzhen residence registration or permit",
     "residence_permit-0"),
    ({"work": None}, "Choose your kind of work", "work-0"),
    ({"platform_qualified": None}, "Choose yes if the platform recognises your qualification and you take orders",
     "platform_qualified-0"),
    ({"full_time_student": "maybe"}, "Choose yes if you are a full-time student", "full_time_student-0"),
    ({"employer_insured": None}, "Choose yes if you are already insured through an employer", "employer_insured-0"),
    ({"insured_before": None}, "Choose yes if you have ever been insured in Guangdong", "insured_before-0"),
    ({"sex": "female", "female_category": "F45"}, "Choose 55, 50 or “I don't know”", "female_category-0"),
]
MONTH_ERRORS = [
    ({}, "Enter the year and month you were first insured in Guangdong", "first_insured_month-year"),
    ({"first_insured_month__year": "2015"}, "The month you were first insured must include a month",
     "first_insured_month-month"),
    ({"first_insured_month__year": "２０１５", "first_insured_month__month": "x"},
     "The month you were first insured must be a real month, for example 2015 and 6", "first_insured_month-month"),
    ({"first_insured_month__year": "1990", "first_insured_month__month": "4"},
     "The month you were first insured cannot be before your date of birth", "first_insured_month-year"),
    ({"first_insured_month__year": "2026", "first_insured_month__month": "12"},
     "The month you were first insured cannot be after this month", "first_insured_month-year"),
]


@pytest.mark.parametrize("changes, message, target", DATE_ERRORS + CHOICE_ERRORS + [
    ({"insured_before": "yes", **changes}, message, target) for changes, message, target in MONTH_ERRORS
])
def test_each_error_is_summarised_shown_at_its_field_and_every_other_answer_is_kept(client, changes, message,
                                                                                   target):
    data = answers(**changes)
    response = post(client, data)
    html = response.text
    assert response.status_code == 200
    assert "<title>Error: Can I enroll?" in html
    summary = re.search(r'<div class="error-summary".*?</div>\s*</div>', html, re.S).group(0)
    assert f'<a href="#{target}">{html_module.escape(message, quote=False)}</a>' in summary.replace("&#39;", "'")
    assert f"Error: {message}" in text_of(html)
    assert "card--" not in html  # a problem with the answers is not a verdict
    changed = {name.replace("__", "-") for name in changes}
    for name, value in data.items():
        if name in changed:
            continue
        if name.startswith(("birth_date-", "first_insured_month-")):
            assert f'name="{name}" type="text" inputmode="numeric" value="{value}"' in html, name
        else:
            assert re.search(rf'name="{name}" type="radio"\s+value="{value}" checked', html), name


def test_errors_in_chinese(client):
    html = post(client, answers(**{"birth_date__month": ""}, sex=None), "zh").text
    assert "<title>错误： 可以参保吗" in html
    page = text_of(html)
    assert "出生日期要填写月份" in page and "错误： 出生日期要填写月份" in page and "请选择性别" in page


def test_a_date_in_full_width_digits_with_units_is_understood(client):
    data = answers(**{"birth_date__year": "１９９０年", "birth_date__month": "０５", "birth_date__day": "３１日"})
    response = post(client, data)
    assert len(cards(response.text)) == 3
    assert "Date of birth 31 May 1990" in main_text(response.text)


@pytest.mark.parametrize("changes", [
    {"female_category": "garbage"},  # a man: the category is not asked
    {"hukou": "shenzhen", "residence_permit": "garbage"},  # Shenzhen hukou: no permit needed
    {"work": "self_employed", "platform_qualified": "garbage"},
    {"hukou": "guangdong", "insured_before": "garbage", "first_insured_month__year": "\x00"},
    {"insured_before": "no", "first_insured_month__year": "9999", "first_insured_month__month": "99"},
])
def test_answers_to_questions_that_do_not_apply_are_ignored(client, changes):
    response = post(client, answers(**changes))
    assert len(cards(response.text)) == 3 and "error-summary" not in response.text


# --- Your answers and "Change" -----------------------------------------------------------------------

def test_the_result_page_lists_the_answers_with_a_change_button_for_each(client):
    html = post(client, RIDER).text
    assert "<title>Your result – Can I enroll?" in html
    page = main_text(html)
    for row in ["Date of birth 31 May 1990", "Sex Man", "Hukou Outside Guangdong",
                "Shenzhen residence registration or permit Yes", "Kind of work Platform worker",
                "Platform qualification and taking orders Yes", "Full-time student No",
                "Insured through an employer No", "Insured in Guangdong before No"]:
        assert f"{row} Change" in page, row
    assert ('<button type="submit" form="check-answers" class="link-button" name="edit" value="hukou"\n'
            '                formaction="/en/check#q-hukou">Change<span class="visually-hidden"> Hukou</span></button>'
            in html)
    assert "Original retirement age" not in page and "First month insured" not in page  # not asked


def test_change_brings_back_the_questions_filled_in_and_continue_returns_to_the_result(client):
    result = post(client, RIDER).text
    kept = hidden_answers(result)
    assert dict(kept) == RIDER

    change = post(client, [*kept, ("edit", "hukou")]).text
    assert "error-summary" not in change and "card--" not in change
    assert '<div class="question" id="q-hukou" tabindex="-1" autofocus>' in change
    assert "Change your answer, then press “Continue”. Your other answers are kept." in text_of(change)
    assert re.search(r'name="hukou" type="radio"\s+value="other_province" checked', change)
    assert 'name="birth_date-day" type="text" inputmode="numeric" value="31"' in change
    assert re.search(r'name="platform_qualified" type="radio"\s+value="yes" checked', change)
    assert '<button type="submit" class="button">Continue</button>' in change

    again = post(client, [(n, v) for n, v in kept if n != "hukou"] + [("hukou", "shenzhen")]).text
    page = main_text(again)
    assert "Hukou Shenzhen Change" in page and "Shenzhen residence registration or permit" not in page
    assert "You have Shenzhen hukou, so no residence permit is needed." in page
    assert all(answer == "yes" for answer, _ in cards(again).values())


def test_change_in_chinese_names_the_answer_for_screen_readers(client):
    html = post(client, RIDER, "zh").text
    assert '修改<span class="visually-hidden"> 出生日期</span>' in html
    change = post(client, [*hidden_answers(html), ("edit", "birth_date")], "zh").text
    assert 'id="q-birth_date" tabindex="-1" autofocus' in change and ">继续</button>" in change


def test_an_unknown_change_target_shows_the_questions_without_focus(client):
    html = post(client, {**RIDER, "edit": "<script>"}).text
    assert "autofocus" not in html.split("<form class=\"form\"")[1] and "card--" not in html
    assert "<script>" not in html.split("</head>")[1]


def test_answers_never_go_into_a_url(client):
    html = post(client, RIDER).text
    urls = re.findall(r'(?:href|action|formaction|hx-post)="([^"]*)"', html)
    answer_urls = [url for url in urls if not url.startswith("/static/")]  # static files carry a version
    assert answer_urls and not any("1990" in url or "?" in url for url in answer_urls)
    assert all(f.startswith('<form') and 'method="post"' in f for f in re.findall(r"<form[^>]*>", html))


def test_the_language_switch_re_posts_the_answers(client):
    html = post(client, RIDER, "zh").text
    switch = re.search(r'<form class="language-switch" method="post" action="/en/check">(.*?)</form>', html, re.S)
    assert switch and 'name="birth_date-year" value="1990"' in switch.group(1)
    assert 'name="platform_qualified" value="yes"' in switch.group(1)


def test_the_result_and_the_answers_are_outside_any_form_so_they_print(client):
    html = post(client, RIDER).text
    outside_forms = re.sub(r"<form.*?</form>", "", html, flags=re.S)
    assert "Why: the conditions you meet" in outside_forms and "Date of birth 31 May 1990" in text_of(outside_forms)
    assert "Printed on 22 November 2026 from the Shenzhen flexible employment insurance advisor." in outside_forms
    assert "Based on: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定" in text_of(outside_forms)
    # The questions page keeps its live result outside the form too.
    questions = post(client, answers(**{"edit": "sex"})).text
    assert '<div id="check-result" class="result-region" aria-live="polite">' in questions.split("</form>")[-1]


# --- Page, fragment, history restore ----------------------------------------------------------------

@pytest.mark.parametrize("lang, title, legend", [
    ("zh", "<title>可以参保吗 – 深圳灵活就业参保助手</title>", "关于您"),
    ("en", "<title>Can I enroll? – Shenzhen flexible employment insurance advisor</title>", "About you"),
])
def test_the_empty_page_asks_every_question_with_nothing_preselected(client, lang, title, legend):
    response = client.get(f"/{lang}/check")
    html = response.text
    assert response.status_code == 200 and title in html and legend in html
    assert '" checked' not in html and "error-summary" not in html
    # Six always asked, two at or near retirement age (issue 11); six follow-ups (the full-time JD rider's, issue
    # 12, among them), each saying when it applies; two of them optional and folded without JavaScript.
    assert html.count('class="question"') == 8 and html.count('class="question question--follow-up"') == 4
    assert html.count('class="question question--follow-up question--folded"') == 2
    assert 'id="q-female_category" data-applies-when="sex=female"' in html
    assert 'id="q-first_insured_month" data-applies-when="insured_before=yes"' in html
    assert f'hx-post="/{lang}/check" hx-trigger="change, input delay:500ms"' in html
    assert 'hx-target="#check-result" hx-swap="innerHTML" hx-sync="this:replace"' in html
    assert 'autocomplete="bday-year"' in html


def test_the_hints_say_why_and_whom_follow_up_questions_are_for(client):
    page = text_of(client.get("/en/check").text)
    assert "Women only." in page and "Platform workers only." in page
    assert "Only needed without Shenzhen hukou" in page and "Hukou outside Guangdong only" in page
    assert "Full-time students cannot join as flexible workers." in page
    zh = text_of(client.get("/zh/check").text)
    assert "只有女性需要回答。" in zh and "只有平台从业人员需要回答。" in zh and "只有非深圳户籍需要回答" in zh


FOLDS = {"q-jd_full_time": "Only for JD (京东) full-time riders (optional)",
         "q-first_insured_month": "Only if you have been insured in Guangdong (optional)",
         "near-retirement": "Only if you have reached retirement age or will within five years (optional)"}


def folds(html: str) -> dict[str, tuple[bool, str]]:
    """The folded questions: their id (or data-asked-when) → (open?, the line saying whom they are for)."""
    found = re.findall(r'<details class="[^"]*question--folded"[^>]*?(?:id="([\w-]+)"|data-asked-when="([\w-]+)")'
                       r'([^>]*)>\s*<summary class="question__for">(.*?)</summary>', html, re.S)
    return {name or asked: (" open" in rest, text_of(line)) for name, asked, rest, line in found}


def test_without_javascript_the_optional_questions_few_need_are_folded_under_whom_they_are_for(client):
    """A rider without JavaScript scrolls past one line for each, not the questions (issue 23's scroll budget);
    the person they are for opens it."""
    assert folds(client.get("/en/check").text) == {name: (False, line) for name, line in FOLDS.items()}
    zh = folds(client.get("/zh/check").text)
    assert zh["q-jd_full_time"] == (False, "京东全职骑手才需要回答（选填）")
    assert zh["near-retirement"] == (False, "已到或五年内将到法定退休年龄的人才需要回答（选填）")


CHANGE = {"edit": "sex"}  # "Change" pressed on the result: the questions again, with the answers given


@pytest.mark.parametrize("given, opened", [
    ({"jd_full_time": "no", **CHANGE}, "q-jd_full_time"),
    ({"insured_before": "yes", "first_insured_month-year": "2015", "first_insured_month-month": "6", **CHANGE},
     "q-first_insured_month"),
    ({"insured_before": "yes", "first_insured_month-year": "20x5", "first_insured_month-month": "6"},
     "q-first_insured_month"),  # in error
    ({"birth_date-year": "1966", "contributed_months": "abc"}, "near-retirement"),  # in error
])
def test_a_folded_question_holding_an_answer_or_an_error_shows_open(client, given, opened):
    html = client.post("/en/check", data={**RIDER, **given}).text
    shown = folds(html)
    assert shown, "the form is shown again"
    assert shown[opened][0], f"{opened} folded: {shown}"
    assert [name for name, (is_open, _) in shown.items() if is_open] == [opened]


def test_htmx_gets_only_the_result_fragment(client):
    fragment = htmx_fragment(client, "/en/check", RIDER)
    assert '<form class="form"' not in fragment  # only the carry-forward to the calculator
    assert len(cards(fragment)) == 3
    assert fragment.lstrip().startswith('<section class="result"')


def test_htmx_with_unfinished_answers_gets_a_neutral_placeholder(client):
    response = post(client, answers(sex=None, **{"birth_date__day": ""}), headers=HTMX)
    assert response.status_code == 200
    assert text_of(response.text) == "Answer every question to see which insurances you can join."
    zh = post(client, answers(sex=None), "zh", headers=HTMX)
    assert text_of(zh.text) == "回答全部问题后，这里会显示您能参加哪些保险。"


def test_a_history_restore_gets_the_full_page(client):
    assert "Your result appears here." in restored_page(client, "/en/check")
    plain = client.get("/en/check")
    assert "<html" in plain.text and "HX-Request" in plain.headers["Vary"]
    assert "Your result appears here." in plain.text


@pytest.mark.parametrize("method, headers", [("get", {}), ("post", {}), ("post", HTMX)])
def test_no_response_sets_a_cookie(client, method, headers):
    assert_private(getattr(client, method)("/zh/check", data=RIDER if method == "post" else None,
                                                headers=headers))


def test_no_resource_leaves_the_site(client):
    assert_own_files_only(post(client, RIDER).text)


def test_a_woman_f50_born_in_1958_gets_her_verdict_and_is_told_what_the_site_does_not_cover(client):
    # Issue 25, item 3: she reached 50 in 2008, before the first minimum this site records (July 2011).
    response = post(client, {**answers(**{"birth_date__year": "1958", "birth_date__month": "3",
                                          "birth_date__day": "10"}, sex="female", hukou="shenzhen",
                                       residence_permit=None), "female_category": "F50"})
    assert response.status_code == 200
    page = main_text(response.text)
    assert all(answer == "no" for answer, _ in cards(response.text).values())
    assert "You reached the statutory retirement age on 10 March 2008, before 1 July 2011." in page
    assert "Call 12333" in page
    assert "onwards, not for" not in page  # no error about a figure she never typed
