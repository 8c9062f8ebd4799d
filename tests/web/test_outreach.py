"""Outreach tools for union staff: presenter slides, quiz, handout, membership-drive table."""

import csv
import html as html_module
import io
import re
import shutil
from decimal import Decimal

import pytest

from advisor import create_app
from advisor.answers.contribution import calculate_cost, pension_base_presets
from advisor.policy import ContentError, load_content
from advisor.rules.calendar import YearMonth
from advisor.rules.types import Hukou, Scheme
from tests.conftest import TODAY

from .pages import assert_own_files_only

NOVEMBER = YearMonth(2026, 11)


def text_of(html: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html)))


def yuan(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


def pension(content, hukou: Hukou, base: Decimal) -> Decimal:
    return calculate_cost(content, NOVEMBER, hukou, base, (Scheme.PENSION,)).contribution.scheme_total(Scheme.PENSION)


# --- Presenter ----------------------------------------------------------------------------------

def test_the_presenter_starts_at_slide_one(client):
    response = client.get("/zh/outreach/present")
    assert response.status_code == 302 and response.headers["Location"] == "/zh/outreach/present/1"


@pytest.mark.parametrize("lang, counter, title, next_label", [
    ("zh", "第1页，共6页", "在深圳灵活就业，怎样参加社保", "下一页"),
    ("en", "Slide 1 of 6", "Social insurance for flexible workers in Shenzhen", "Next"),
])
def test_the_first_slide_has_a_counter_a_next_link_and_no_previous(client, lang, counter, title, next_label):
    html = client.get(f"/{lang}/outreach/present/1").text
    assert '<body class="presenter presenter--slides">' in html
    assert f'<h1 id="slide-title">{title}</h1>' in html
    assert counter in text_of(html)
    assert f'rel="next" href="/{lang}/outreach/present/2"' in html and 'rel="prev"' not in html
    assert next_label in text_of(html)
    assert re.search(r'<script src="/static/js/present.js[^"]*" defer></script>', html)


def test_a_middle_slide_links_both_ways_and_the_last_only_back(client):
    middle = client.get("/en/outreach/present/3").text
    assert 'rel="prev" href="/en/outreach/present/2"' in middle and 'rel="next" href="/en/outreach/present/4"' in middle
    last = client.get("/en/outreach/present/6").text
    assert 'rel="prev" href="/en/outreach/present/5"' in last and 'rel="next"' not in last
    assert client.get("/en/outreach/present/7").status_code == 404
    assert client.get("/en/outreach/present/0").status_code == 404


def test_the_conditions_slide_quotes_the_rules(client, content):
    zh = text_of(client.get("/zh/outreach/present/2").text)
    assert "谁可以参保" in zh
    assert content.texts["eligibility"]["not_full_time_student"]["quote"]["zh"] in zh
    assert "非深户人员还需有本市居住登记信息或持有效期内的居住证。" in zh
    assert "引自： 《在深灵活就业人员参保讲解》" in zh
    en = text_of(client.get("/en/outreach/present/2").text)
    assert "Who may enroll" in en and "Not insured through an employer." in en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cost_slide_shows_calculate_costs_figures_at_three_bases(client, content, lang):
    page = text_of(client.get(f"/{lang}/outreach/present/4").text)
    presets = {p.key: p.amount for p in pension_base_presets(content, NOVEMBER)}
    for key in ("floor", "avg100", "avg300"):
        base = presets[key]
        non_shenzhen, shenzhen = (pension(content, hukou, base) for hukou in (Hukou.OTHER_PROVINCE, Hukou.SHENZHEN))
        assert f"{yuan(base)} {yuan(non_shenzhen)} {yuan(shenzhen)}" in page
    assert "¥4,775.00 ¥955.00 ¥1,002.75" in page  # the same figures, written out
    assert yuan(presets["avg200"]) not in page  # the slide keeps to three bases
    assert {"zh": "还在核实", "en": "Unverified"}[lang] in page


def test_the_cost_slide_explains_why_figures_are_provisional(client):
    page = text_of(client.get("/en/outreach/present/4").text)
    assert ("Unverified Previous year's Guangdong average monthly wage (all urban employment), used for base "
            "multiples in that contribution year ¥9,183.00; Lowest monthly pension contribution base") in page
    assert "The figures for the period from 1 July 2026 have not been published yet" in page
    assert "Medical insurance (tier 1): from ¥538.16 to ¥2,690.64 a month" in page
    assert "ROUND_HALF_UP" not in page  # the rounding rule is named, not shown as a code


def slide_and_notes(html: str) -> tuple[str, str]:
    """A slide page's text in two parts: what the room sees (the slide) and the presenter's notes."""
    slide = html.split('<article class="slide"')[1].split("</article>")[0]
    notes = html.split('<details class="slide-notes">')[1].split("</details>")[0]
    return text_of(slide), text_of(notes)


@pytest.mark.parametrize("lang, rounding, average", [
    ("zh", "金额取整", "平均工资指上年度广东省全口径城镇单位就业人员月平均工资"),
    ("en", "Rounding", "The average is last year's Guangdong average monthly wage"),
])
def test_the_cost_slide_shows_figures_and_puts_caveats_in_the_speaker_notes(client, lang, rounding, average):
    slide, notes = slide_and_notes(client.get(f"/{lang}/outreach/present/4").text)
    assert "¥4,775.00 ¥955.00 ¥1,002.75" in slide and {"zh": "还在核实", "en": "Unverified"}[lang] in slide
    assert rounding not in slide and average not in slide
    assert rounding in notes and average in notes and "粤人社发〔2025〕32号" in notes
    assert notes.count(rounding) == 1  # said once


def test_the_e_road_slide_lists_the_conditions_short_and_the_notes_in_full(client):
    slide, notes = slide_and_notes(client.get("/zh/outreach/present/6").text)
    assert ("深圳工会实名会员 快递员、网约配送员或网约车司机 出事前已做满3个月 出事前1个月仍在做 "
            "事故发生在深圳（含深汕）") in slide
    assert "申领热线 956030 24小时" in slide
    assert "事故发生在深圳（包括深汕特别合作区）。" in notes and "0755-83288836-1 工作时间" in notes
    assert "《“深工守护”综合保障服务项目》" in notes and "2024-10" not in slide


def test_the_register_and_e_road_slides(client):
    register = text_of(client.get("/zh/outreach/present/5").text)
    for name in ("深圳社保局官网", "“深圳社保”微信公众号", "社保自助终端机", "社保经办窗口"):
        assert name in register
    assert "http://hrss.sz.gov.cn/szsi/" in register
    e_road = text_of(client.get("/zh/outreach/present/6").text)
    assert "以下条件需要同时满足：" in e_road and "事故发生在深圳（包括深汕特别合作区）。" in e_road
    assert "申领热线 956030 24小时" in e_road
    assert "Claim hotline 956030 24 hours" in text_of(client.get("/en/outreach/present/6").text)


# --- Quiz ---------------------------------------------------------------------------------------

def test_the_quiz_lists_its_questions(client):
    page = text_of(client.get("/zh/outreach/quiz").text)
    assert "申领“E路守护”保障，必须是深圳工会的实名会员吗？" in page
    assert "以下哪项属于在深圳灵活就业养老保险参保人员？" in page
    assert "顺风车" not in page  # no source answers the briefing's round 1, so the quiz does not ask it


def test_question_one_asks_then_answers_from_claim_condition_one_quoting_it(client):
    question = client.get("/zh/outreach/quiz/1")
    page = text_of(question.text)
    assert "第1题，共3题" in page and "申领“E路守护”保障，必须是深圳工会的实名会员吗？" in page
    assert "A.必须是" in page and "B.不必，是骑手、快递员或网约车司机就行" in page
    assert "正确答案" not in page and "申领条件1" not in page  # the answer is not shown yet
    assert 'rel="next" href="/zh/outreach/quiz/1/answer"' in question.text
    assert 'hx-get="/zh/outreach/quiz/1/answer"' in question.text

    answer = text_of(client.get("/zh/outreach/quiz/1/answer").text)
    assert "A.必须是 ✓ 正确答案" in answer and "答案：A" in answer and answer.count("✓") == 1
    assert "答案是A。申领条件的第1条就是“属于深圳工会实名会员”，五个条件要同时满足" in answer
    assert "规定原文： 属于深圳工会实名会员。" in answer  # the rule, verbatim
    assert "来源： 《“深工守护”综合保障服务项目》，申领条件1" in answer
    for unwanted in ("待确认", "材料没有给出答案", "[原文如此]", "现在可以这样回答"):
        assert unwanted not in answer


def test_question_one_in_english(client):
    answer = text_of(client.get("/en/outreach/quiz/1/answer").text)
    assert "A. Yes ✓ Correct answer" in answer and "Answer: A" in answer
    assert "The first claim condition is \"is a real-name member of a Shenzhen trade union\"" in answer
    assert "What the rule says: Is a real-name member of a Shenzhen trade union." in answer
    assert "Source: 《“深工守护”综合保障服务项目》, claim condition 1" in answer
    assert "[sic]" not in answer and "To be confirmed" not in answer


def test_the_quiz_index_tells_staff_whom_to_ask_for_a_new_question(client):
    for lang, words in (("zh", "想加一道题？请把题目、答案和答案的出处"),
                        ("en", "To add a question, send it with its answer")):
        page = text_of(client.get(f"/{lang}/outreach/quiz").text)
        assert words in page
        assert "content/" not in page and ".yaml" not in page


@pytest.mark.parametrize("lang, marked, heading", [
    ("zh", "B. 不需要 ✓ 正确答案", "答案：B"),
    ("en", "B. No ✓ Correct answer", "Answer: B"),
])
def test_round_two_answer_is_no_from_condition_three(client, lang, marked, heading):
    answer = text_of(client.get(f"/{lang}/outreach/quiz/2/answer").text)
    assert marked in answer and heading in answer
    assert {"zh": "保险事故发生前，从事相关工作3个月及以上。",
            "en": "Before the insured event, has done the relevant work for 3 months or more."}[lang] in answer


@pytest.mark.parametrize("lang, marked, heading, status", [
    ("zh", "D.以上都是 ✓ 正确答案", "答案：D", "按材料原文作答"),
    ("en", "D. All of the above ✓ Correct answer", "Answer: D", "Answered by the source's text"),
])
def test_round_three_answer_is_d_with_the_rule_and_its_source(client, lang, marked, heading, status):
    answer = text_of(client.get(f"/{lang}/outreach/quiz/3/answer").text)
    assert marked in answer and heading in answer and status in answer
    assert answer.count("✓") == 1  # only D is marked
    assert "在深灵活就业人员参保讲解" in answer
    assert {"zh": "国家和我省规定的其他灵活就业人员。",
            "en": "other flexible workers as defined by national and Guangdong rules."}[lang] in answer


def test_the_last_answer_ends_the_quiz_and_each_answer_leads_to_the_next_question(client):
    second = client.get("/en/outreach/quiz/2/answer").text
    assert 'rel="next" href="/en/outreach/quiz/3"' in second and 'rel="prev" href="/en/outreach/quiz/2"' in second
    last = client.get("/en/outreach/quiz/3/answer").text
    assert 'rel="next"' not in last and "End of the quiz: all questions" in last
    assert client.get("/en/outreach/quiz/4").status_code == 404
    assert client.get("/en/outreach/quiz/4/answer").status_code == 404


def test_the_reveal_is_a_fragment_for_htmx_and_a_full_page_otherwise(client):
    fragment = client.get("/zh/outreach/quiz/1/answer", headers={"HX-Request": "true"})
    assert "<html" not in fragment.text and "属于深圳工会实名会员。" in text_of(fragment.text)
    assert "HX-Request" in fragment.headers["Vary"]
    restore = client.get("/zh/outreach/quiz/1/answer",
                         headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text and "属于深圳工会实名会员。" in text_of(restore.text)
    assert "HX-Request" in client.get("/zh/outreach/quiz/1/answer").headers["Vary"]


def quiz_with_extra_question(tmp_path, extra: str):
    copy = tmp_path / "content"
    shutil.copytree(create_app({"TESTING": True}).config["CONTENT_DIR"], copy)
    quiz = copy / "outreach" / "quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return copy


NEW_QUESTION = """
  - id: voluntary
    question: {zh: "灵活就业人员必须参加社保吗？", en: "Must flexible workers insure?"}
    options:
      - {zh: A.必须, en: A. Yes}
      - {zh: B.自愿, en: B. It is voluntary}
    status: from_text
    correct: B
    explanation: {zh: 是否参保完全取决于自己的意愿。, en: Whether to insure is entirely up to the worker.}
    source: seed-000-sitf
"""


def test_staff_can_add_a_question_in_content_without_code(tmp_path):
    copy = quiz_with_extra_question(tmp_path, NEW_QUESTION)
    app = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, "CONTENT_DIR": str(copy)})
    client = app.test_client()
    assert "灵活就业人员必须参加社保吗？" in text_of(client.get("/zh/outreach/quiz").text)
    assert "第4题，共4题" in text_of(client.get("/zh/outreach/quiz/4").text)
    answer = text_of(client.get("/en/outreach/quiz/4/answer").text)
    assert "B. It is voluntary ✓ Correct answer" in answer
    assert "Whether to insure is entirely up to the worker." in answer
    assert 'rel="next" href="/en/outreach/quiz/4"' in client.get("/en/outreach/quiz/3/answer").text


@pytest.mark.parametrize("broken, field", [
    (NEW_QUESTION.replace("    correct: B\n", "    correct: C\n"), "questions[3].correct"),
    (NEW_QUESTION.replace("    correct: B\n", ""), "questions[3].correct"),
    (NEW_QUESTION.replace("status: from_text", "status: to_confirm"), "questions[3].correct"),
    (NEW_QUESTION.replace("B.自愿", "自愿"), "questions[3].options[1].zh"),
    (NEW_QUESTION.replace("    source: seed-000-sitf\n", ""), "questions[3].source"),
    (NEW_QUESTION.replace("source: seed-000-sitf", "source: nowhere"), "questions[3].source"),
    (NEW_QUESTION.replace("id: voluntary", "id: union_member"), "questions[3].id"),
    (NEW_QUESTION + "    quote_from: eligibility.no_such_rule\n", "questions[3].quote_from"),
    ("\n  - id: other\n    scheme_quiz: no_such_question\n", "questions[3].scheme_quiz"),
])
def test_a_broken_question_stops_start_up_naming_the_field(tmp_path, broken, field):
    with pytest.raises(ContentError) as error:
        load_content(quiz_with_extra_question(tmp_path, broken))
    assert error.value.file == "content/outreach/quiz.yaml" and error.value.field == field


# --- Handout ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_has_the_hotline_the_cost_table_and_qr_codes(client, content, lang):
    html = client.get(f"/{lang}/outreach/handout").text
    page = text_of(html)
    assert '<body class="handout-page">' in html
    assert "956030" in page
    presets = {p.key: p.amount for p in pension_base_presets(content, NOVEMBER)}
    for key in ("floor", "avg60", "avg100", "avg300"):  # 200% left out: the sheet keeps 10.5 pt type on one page
        base = presets[key]
        assert f"{yuan(base)} {yuan(pension(content, Hukou.OTHER_PROVINCE, base))} " \
               f"{yuan(pension(content, Hukou.SHENZHEN, base))}" in page
    assert "¥4,775.00 ¥955.00 ¥1,002.75" in page
    assert "¥538.16" in page and "¥2,690.64" in page  # medical at its floor and ceiling
    assert html.count('<svg role="img"') == 2 and 'class="qr"' in html and "data:" not in html
    assert "<title>http://hrss.sz.gov.cn/szsi/</title>" in html
    assert "<title>http://localhost/" + lang + "/</title>" in html


def test_the_handout_in_chinese_dates_and_footnotes_its_figures(client):
    page = text_of(client.get("/zh/outreach/handout").text)
    assert "2026年11月的数字，打印于2026年11月22日" in page
    assert "还在核实" in page and "自2026年7月1日起的新数字尚未公布" in page
    assert "粤人社发〔2025〕32号" in page  # a source of the figures
    assert "“E路守护”保障申领 956030 24小时。入会的快递员、网约配送员、网约车司机免费享有。" in page
    assert "社保咨询 12333 官方咨询热线" in page
    for name in ("深圳社保局官网", "“深圳社保”微信公众号", "社保自助终端机", "社保经办窗口"):
        assert name in page


def test_the_handout_opens_with_the_three_numbers_to_remember_and_plain_conditions(client):
    zh = text_of(client.get("/zh/outreach/handout").text)
    assert ("要记住的三个数字 每月最少交 还在核实 ¥1,493.16 养老保险¥955.00＋医疗保险一档¥538.16，非深户。 "
            "“E路守护”保障申领 956030 24小时。") in zh
    assert zh.index("¥1,493.16") < zh.index("¥4,775.00") < zh.index("谁可以参保")
    assert "不是全日制学校的在校学生。" in zh and "没有在工作单位参加社保。" in zh
    assert "未在全日制学校就读" not in zh  # the official wording is cited, not quoted
    assert "依据： 粤人社发〔2025〕32号；粤人社规〔2026〕14号；《在深灵活就业人员参保讲解》；" in zh
    en = text_of(client.get("/en/outreach/handout").text)
    assert ("Three numbers to remember Least a month Unverified ¥1,493.16 Pension ¥955.00 + medical insurance, "
            "tier 1, ¥538.16; without Shenzhen hukou.") in en
    assert "Social insurance 12333 The official hotline" in en
    assert "You are not a full-time student." in en


@pytest.mark.parametrize("lang, notes", [
    ("zh", "还在核实 上年度平均工资、最低缴费基数、最高缴费基数：自2026年7月1日起的新数字尚未公布，"
           "公布前暂按上一期的数字计算。深户地方补充养老保险缴费比例 1%：2026年5月1日起施行的"
           "粤人社规〔2026〕14号是否保留此项，尚未核实。金额取整规则："),
    ("en", "Unverified The average wage, the lowest base, the highest base: The figures for the period from "
           "1 July 2026 have not been published yet; the figure of the previous period is used until they are. "
           "Local supplementary pension rate for people with Shenzhen hukou 1%: Whether"),
])
def test_the_handout_gives_the_status_once_and_each_reason_once_naming_its_figures(client, lang, notes):
    page = text_of(client.get(f"/{lang}/outreach/handout").text)
    assert notes in page
    assert "¥9,183.00；¥4,775.00" not in page and "¥9,183.00; ¥4,775.00" not in page  # no amounts said twice


def test_the_handout_in_english(client):
    page = text_of(client.get("/en/outreach/handout").text)
    assert "Figures for November 2026, printed on 22 November 2026." in page
    assert "The lowest base ¥4,775.00 ¥955.00 ¥1,002.75" in page
    assert "E-Road Guardian (E路守护) 956030 24 hours. Free for union members: couriers, delivery riders, " \
           "ride-hailing drivers." in page


# --- Membership-drive table ---------------------------------------------------------------------

GROUPS = ("truck_drivers", "ride_hailing_drivers", "couriers", "delivery_riders", "others")


def counts(**overrides) -> dict:
    """Every group: surveyed 300, target 200, joined 150, entered 120; overrides by field name."""
    data = {}
    for group in GROUPS:
        data.update({f"{group}_surveyed": "300", f"{group}_target": "200", f"{group}_joined": "150",
                     f"{group}_entered": "120"})
    data.update(overrides)
    return data


def test_the_empty_table_has_a_labelled_input_for_every_cell(client):
    html = client.get("/zh/outreach/membership").text
    assert '<label class="visually-hidden" for="truck_drivers_surveyed">货车司机 摸底人数</label>' in html
    assert '<label class="visually-hidden" for="others_entered">其他群体 录入粤工惠平台数</label>' in html
    assert html.count('inputmode="numeric"') == 20
    page = text_of(html)
    assert ("完成率为新发展新就业形态劳动者（货车司机、网约车司机、快递员、网约配送员等）"
            "已入会数量除以入会目标数。") in page
    assert "本进展统计表每两月报送一次，于单月 5 号前填报。" in page
    assert "粤工总〔2021〕30号" in page
    en = client.get("/en/outreach/membership").text
    assert '<label class="visually-hidden" for="couriers_joined">Couriers Joined</label>' in en


@pytest.mark.parametrize("lang, rate, total", [
    ("zh", "货车司机 300 200 150 75.0% 120", "总计 1,500 1,000 750 75.0% 600"),
    ("en", "Truck drivers 300 200 150 75.0% 120", "Total 1,500 1,000 750 75.0% 600"),
])
def test_rates_and_totals(client, lang, rate, total):
    page = text_of(client.post(f"/{lang}/outreach/membership", data=counts()).text)
    assert rate in page and total in page


def test_each_rate_is_joined_over_target_and_the_total_uses_the_sums(client):
    data = counts(truck_drivers_target="3", truck_drivers_joined="2", truck_drivers_entered="2",
                  couriers_joined="250", couriers_surveyed="300", couriers_target="200", couriers_entered="0")
    page = text_of(client.post("/en/outreach/membership", data=data).text)
    assert "Truck drivers 300 3 2 66.7% 2" in page
    assert "Couriers 300 200 250 125.0% 0" in page  # above the target: a rate over 100%
    # joined 2 + 150 + 250 + 150 + 150 = 702; target 3 + 200 × 4 = 803
    assert "Total 1,500 803 702 87.4% 362" in page


def test_a_target_of_zero_has_no_rate_and_says_why(client):
    page = text_of(client.post("/zh/outreach/membership", data=counts(others_target="0")).text)
    assert "其他群体 300 0 150 — 120" in page
    assert "总计 1,500 800 750 93.8% 600" in page
    assert "入会目标数为0" in page


def test_joined_above_surveyed_is_an_error_next_to_the_cell_and_the_other_cells_are_kept(client):
    response = client.post("/zh/outreach/membership", data=counts(couriers_joined="400", delivery_riders_target="x"))
    assert response.status_code == 200
    html = response.text
    assert "<title>错误：" in html
    assert '<a href="#couriers_joined">快递员：已入会数量（400）不能多于摸底人数（300）' in html
    assert '<a href="#delivery_riders_target">网约配送员 入会目标数：请输入整数，只用数字，例如 120。</a>' in html
    assert re.search(r'id="couriers_joined"[^>]*value="400"', html)
    assert 'aria-invalid="true" aria-describedby="couriers_joined-error"' in html
    # every cell keeps what was typed, the mistaken ones and the others
    assert re.search(r'id="delivery_riders_target"[^>]*value="x"', html)
    assert re.search(r'id="truck_drivers_surveyed"[^>]*value="300"', html)
    assert re.search(r'id="others_entered"[^>]*value="120"', html)
    assert '<span class="visually-hidden">错误：</span>' in html
    assert "填好每一格" in text_of(html)  # no rates until every cell is right


@pytest.mark.parametrize("value, message", [
    ("-5", "Couriers Surveyed: the number cannot be negative."),
    ("12.5", "Couriers Surveyed: enter a whole number using digits only, for example 120."),
    ("", "Couriers Surveyed: enter a number (0 if there are none)."),
    ("9999999999", "Couriers Surveyed: the number is too large."),
])
def test_counts_must_be_non_negative_whole_numbers(client, value, message):
    page = text_of(client.post("/en/outreach/membership", data=counts(couriers_surveyed=value)).text)
    assert "There is a problem" in page and message in page


def test_entered_above_joined_is_an_error(client):
    page = text_of(client.post("/en/outreach/membership", data=counts(truck_drivers_entered="151")).text)
    assert ("Truck drivers: Entered in 粤工惠 (151) cannot be more than Joined (150). "
            "Only members who joined can be entered in the union's online platform (粤工惠).") in page


def test_counts_are_read_as_people_type_them(client):
    page = text_of(client.post("/en/outreach/membership", data=counts(truck_drivers_surveyed="１,２００ ")).text)
    assert "Truck drivers 1,200 200 150 75.0% 120" in page


def test_live_recalculation_returns_only_the_result_region(client):
    response = client.post("/zh/outreach/membership", data=counts(), headers={"HX-Request": "true"})
    assert "<html" not in response.text and "75.0%" in response.text
    assert "HX-Request" in response.headers["Vary"]
    invalid = client.post("/zh/outreach/membership", data=counts(couriers_joined="abc"), headers={"HX-Request": "true"})
    assert "<html" not in invalid.text and 'class="result-placeholder"' in invalid.text
    restore = client.post("/zh/outreach/membership", data=counts(),
                          headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text


@pytest.mark.parametrize("lang, header, first, total", [
    ("zh", ["群体", "摸底人数", "入会目标数", "已入会数量", "完成率", "录入粤工惠平台数"],
     ["货车司机", "300", "200", "150", "75.0%", "120"], ["总计", "1500", "1000", "750", "75.0%", "600"]),
    ("en", ["Group", "Surveyed", "Target", "Joined", "Completion rate", "Entered in 粤工惠"],
     ["Truck drivers", "300", "200", "150", "75.0%", "120"], ["Total", "1500", "1000", "750", "75.0%", "600"]),
])
def test_the_csv_export(client, lang, header, first, total):
    response = client.post(f"/{lang}/outreach/membership", data={**counts(), "export": "csv"})
    assert response.status_code == 200
    assert response.mimetype == "text/csv" and response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename=membership-drive-progress-2026-11-22.csv'
    assert response.headers["Cache-Control"] == "private, max-age=0"
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0] == header and rows[1] == first and rows[-1] == total and len(rows) == 7
    assert b"\r\n" in response.data


def test_the_csv_export_with_a_mistake_shows_the_page_instead(client):
    response = client.post("/en/outreach/membership", data={**counts(others_joined="301"), "export": "csv"})
    assert response.mimetype == "text/html" and "There is a problem" in response.text


# --- All outreach pages -------------------------------------------------------------------------

PAGES = ["/zh/outreach", "/en/outreach", "/zh/outreach/present/1", "/en/outreach/present/4", "/zh/outreach/quiz",
         "/en/outreach/quiz/1", "/zh/outreach/quiz/3/answer", "/zh/outreach/handout", "/en/outreach/handout",
         "/zh/outreach/membership", "/en/outreach/membership"]


@pytest.mark.parametrize("url", PAGES)
def test_outreach_pages_set_no_cookie_and_load_nothing_from_elsewhere(client, url):
    response = client.get(url)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert_own_files_only(response.text)


def test_posting_the_table_sets_no_cookie_either(client):
    for data in (counts(), {**counts(), "export": "csv"}, counts(couriers_joined="-1")):
        assert "Set-Cookie" not in client.post("/zh/outreach/membership", data=data).headers


def test_the_outreach_index_links_the_four_tools_and_the_footer_links_the_index(client):
    html = client.get("/en/outreach").text
    for url in ("/en/outreach/present/1", "/en/outreach/quiz", "/en/outreach/handout", "/en/outreach/membership"):
        assert f'href="{url}"' in html
    home = client.get("/zh/").text
    assert 'href="/zh/outreach"' in home
    assert "/outreach" not in home.split('site-nav"')[1].split("</nav>")[0]  # staff tools stay out of the menu


def test_a_month_without_figures_says_so_on_the_slide_and_the_handout():
    client = create_app({"TESTING": True, "ADVISOR_TODAY": "2000-01-15"}).test_client()
    for url in ("/en/outreach/present/4", "/en/outreach/handout"):
        response = client.get(url)
        assert response.status_code == 200
        assert "this site has figures from" in text_of(response.text)
