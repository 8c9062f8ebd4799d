"""工会保障: the union pages (landing, E路守护 and its claim check, joining, the Guangdong payouts, other regions)."""

import re

import pytest

from .pages import assert_own_files_only, assert_private, assert_shows, between, htmx_fragment, restored_page, text_of

CONDITIONS = ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")
ALL_YES = {condition: "yes" for condition in CONDITIONS}
PAGES = ["/zh/union", "/en/union", "/zh/union/e-road", "/en/union/e-road", "/zh/union/join", "/en/union/join",
         "/zh/union/accident-aid", "/en/union/accident-aid", "/zh/union/other-regions", "/en/union/other-regions"]


def amounts(*values: str) -> dict:
    """The payout form as a browser posts it: five boxes, the unused ones empty."""
    boxes = list(values) + [""] * max(0, 5 - len(values))
    return {f"amounts-{i}": value for i, value in enumerate(boxes)}


# Every page, both languages ------------------------------------------------------------------------

@pytest.mark.parametrize("url, title", [
    ("/zh/union", "<title>工会保障 – 深圳灵活就业参保助手</title>"),
    ("/en/union", "<title>Union protection – Shenzhen flexible employment insurance advisor</title>"),
    ("/zh/union/e-road", "<title>“E路守护”综合保障服务项目 – 深圳灵活就业参保助手</title>"),
    ("/en/union/e-road", "<title>E路守护 (E-Road Guardian) protection project – Shenzhen"),
    ("/zh/union/join", "<title>加入工会 – 深圳灵活就业参保助手</title>"),
    ("/en/union/join", "<title>Joining a trade union – Shenzhen"),
    ("/zh/union/accident-aid", "<title>广东省工会会员专属意外医疗互助保障计划 – 深圳灵活就业参保助手</title>"),
    ("/en/union/accident-aid", "<title>Guangdong trade-union members&#39; accident-medical mutual-aid plan – Shenzhen"),
    ("/zh/union/other-regions", "<title>其他地区（不是深圳） – 深圳灵活就业参保助手</title>"),
    ("/en/union/other-regions", "<title>Other regions (not Shenzhen) – Shenzhen"),
])
def test_every_union_page_opens_in_both_languages(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert title in response.text
    assert ('<html lang="zh-CN">' if url.startswith("/zh") else '<html lang="en">') in response.text


def test_the_menu_and_the_home_page_link_the_union_landing_page(client):
    html = client.get("/zh/").text
    assert '<a href="/zh/union">工会保障</a>' in html
    assert '<a href="/en/union" aria-current="page">Union protection</a>' in client.get("/en/union").text


def test_the_landing_page_keeps_shenzhen_apart_from_other_regions(client):
    html = client.get("/en/union").text
    page = text_of(html)
    assert page.index("If you work in Shenzhen") < page.index("Other regions (not Shenzhen)")
    shenzhen = between(html, 'id="shenzhen-heading"', 'id="other-heading"')
    for link in ('href="/en/union/e-road"', 'href="/en/union/join"', 'href="/en/union/accident-aid"'):
        assert link in shenzhen
    assert "/other-regions" not in shenzhen
    assert_shows(html, 'href="/en/union/other-regions"', '<a class="phone" href="tel:956030">956030</a> (24 hours)')
    assert_shows(page,
                 "¥20 of cover given free, paying up to ¥10,000 in total",
                 "The period stated in the document ended on 31 December 2025.",
                 "Shaanxi province (another region): Workers' mutual aid")


def test_the_landing_page_in_chinese(client):
    page = text_of(client.get("/zh/union").text)
    assert "在深圳工作的" in page and "其他地区（不是深圳）" in page
    assert "免费赠送20元的保障，意外医疗费用累计最高补偿1万元" in page
    assert "材料写明的期限已于2025年12月31日结束" in page
    assert "陕西省（其他地区）：新业态会员职工互助保障（住院+意外）" in page


@pytest.mark.parametrize("url", [u for u in PAGES if u.startswith("/zh")])
def test_chinese_pages_show_no_untranslated_english(client, url):
    main = between(client.get(url).text, "<main", "</main>")
    words = set(re.findall(r"[A-Za-z]{2,}", text_of(main)))
    assert words <= {"AED", "APP", "ICD", "Excel"}, words


# E路守护: who is covered and what it pays ------------------------------------------------------------

def benefit_rows(html: str) -> list[str]:
    table = between(html, '<table class="benefit-table">', "</table>")
    return [text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


def test_the_benefits_table_shows_each_groups_cover_in_english(client):
    html = client.get("/en/union/e-road").text
    assert ('<caption id="benefits-caption">E路守护 cover by occupation group, as the briefing of October 2024 '
            "describes it</caption>") in html
    assert ('<th scope="col">Couriers and food-delivery riders</th><th scope="col">Ride-hailing and app-based van '
            "drivers</th>") in html
    assert '<th scope="row">Sudden death benefit</th>' in html
    rows = benefit_rows(html)
    assert rows[0] == "Benefit Couriers and food-delivery riders Ride-hailing and app-based van drivers"
    death = ("Up to ¥1,300,000 Ordinary accident: up to ¥650,000 Accident on a plane, ship or rail transport: up to "
             "¥700,000 Accident while acting bravely to help others (见义勇为): up to ¥1,300,000")
    assert rows[1] == f"Accidental death or disability benefit {death} {death}"
    assert rows[2].startswith("Accident medical benefit Up to ¥50,000 Costs within the medical-insurance scope: what "
                              "is left after medical insurance has paid is refunded at 100%; costs not first claimed "
                              "on medical insurance at 50%")
    assert rows[3] == ("Accident hospital allowance ¥100 a day, for up to 30 days ¥100 a day, for up to 30 days")
    assert rows[4] == "Sudden death benefit ¥70,000, paid once ¥70,000, paid once"
    assert rows[5].startswith("Critical illness benefit Rare critical illness (5 kinds): ¥60,000, paid once General "
                              "critical illness (30 kinds): ¥30,000, paid once Mild illness (3 kinds): ¥5,000, "
                              "paid once (After claiming the mild-illness benefit")
    assert rows[6] == ("Third-party liability (non-motor vehicles) Up to ¥600,000 Deductible: ¥500 per accident "
                       "Not included")
    assert rows[7] == "Vehicle total-loss allowance Not included ¥20,000, paid once"
    assert rows[8] == "Sickness hospital lost-income allowance Not included ¥200 a day, for up to 5 days"
    page = text_of(html)
    assert "Accidental death or disability benefit of up to 1.3 million yuan" in page  # the briefing's words
    assert "Based on: 《“深工守护”综合保障服务项目》" in page


def test_the_benefits_table_in_chinese(client):
    rows = benefit_rows(client.get("/zh/union/e-road").text)
    assert rows[0] == "保障项目 快递员、网约送餐员 网约客/货车司机"
    assert rows[1].startswith("意外身故/残疾保障金 最高130万元 普通意外：最高65万元")
    assert rows[2].startswith("意外医疗保障金 最高5万元 限医保范围内的费用：医保报销后剩下的部分按100%报销；"
                              "没经过医保报销的按50%报销")
    assert rows[4] == "猝死保障金 一次性7万元 一次性7万元"
    assert rows[5].startswith("重大疾病保障金 罕见重疾（5种）：一次性6万元 一般重疾（30种）：一次性3万元 "
                              "轻症（3种）：一次性5000元")
    assert rows[6] == "非机动车第三者责任 最高60万元 每次意外免赔500元 不包括"
    assert rows[7] == "机动车全损津贴 不包括 一次性2万元"
    assert rows[8] == "疾病住院误工津贴 不包括 每天200元，最多5天"


def test_who_is_covered_flags_the_briefings_four_or_five_occupations(client):
    page = text_of(client.get("/en/union/e-road").text)
    assert "The briefing is not consistent about who is covered." in page
    assert ("Its group definition and claim conditions say \"four occupations\", print \"ride-hailing driver\" "
            "twice") in page
    assert "Domestic worker To be confirmed with the union" in page
    zh = text_of(client.get("/zh/union/e-road").text)
    assert "关于保障哪些人，材料前后说法不一致。" in zh and "家政服务员 待向工会确认" in zh


def test_the_two_outreach_questions_are_answered_only_as_far_as_the_briefing_goes(client):
    page = text_of(client.get("/en/union/e-road").text)
    assert ("Do ride-hailing drivers include 顺风车 (hitch or carpool) drivers? The briefing does not say: to be "
            "confirmed with the union The briefing does not give the answer.") in page
    assert "Confirm with the Shenzhen union on 956030 (24 hours)." in page
    assert ("must you have worked on the same platform for 3 months? Answered from the briefing's wording No, going "
            "by the briefing's text. Condition 3 says \"before the insured event, has done the relevant work for 3 "
            "months or more\".") in page
    zh = text_of(client.get("/zh/union/e-road").text)
    assert "网约车司机包括顺风车司机吗？ 材料没有写明：待向工会确认 材料没有给出答案。" in zh
    assert "不需要（按材料的文字）。条件3写的是“保险事故发生前，从事相关工作3个月及以上”" in zh


def test_the_claim_channels_are_phone_links_the_mini_program_and_union_counters(client):
    html = client.get("/en/union/e-road").text
    channels = between(html, 'id="how-to-claim"', 'id="services"')
    assert_shows(channels,
                 '<a class="phone" href="tel:956030">956030</a> (24 hours)',
                 '<a class="phone" href="tel:0755-83288836,1">0755-83288836-1</a> (Working hours)',
                 '<a class="phone" href="tel:25109081">25109081</a> (Working hours)')
    assert_shows(text_of(channels), "Online in the 深工 (Shenzhen union) mini-program.",
                 "at the service counter of any workers' service centre in Shenzhen")
    assert "More than 1,100 worker service stations in Shenzhen" in text_of(html)
    assert '<a class="phone" href="tel:956030">956030</a>（24小时）' in client.get("/zh/union/e-road").text


# E路守护: the claim check ----------------------------------------------------------------------------

def claim_result(html: str) -> str:
    return text_of(between(html, '<div id="claim-result"', "</section>"))


def test_all_five_conditions_met_says_apply_and_lists_the_proof(client):
    html = client.post("/en/union/e-road", data=ALL_YES).text
    result = claim_result(html)
    assert "All five conditions met" in result
    assert "From your answers all five conditions are met, so you can apply to the union." in result
    assert ("1. You are a registered (real-name) member of a Shenzhen trade union. Yes Met 2. You work as a courier"
            in result)
    assert "5. The incident happened in Shenzhen (including the Shenzhen-Shanwei Special Cooperation Zone). Yes Met" \
        in result
    assert ("The electronic membership card in the 深工 app (会籍管理, membership management) Proof of work, or a "
            "screenshot of your occupation page on the platform Platform order records") in result
    assert "The briefing lists no proof for this condition; provide what the union asks for when you apply." in result
    assert '<caption id="claim-table-caption">Your answers, condition by condition</caption>' in html


def test_one_no_means_not_met_and_names_that_condition(client):
    html = client.post("/en/union/e-road", data={**ALL_YES, "three_months_in_work": "no"}).text
    result = claim_result(html)
    assert "Not every condition is met" in result
    assert "3. Before the incident (the insured event) you had been doing this work for 3 months or more. No Not met" \
        in result
    next_steps = result[result.index("What to do next"):]
    assert ("From your answers, these conditions are not met: Condition 3: Before the incident (the insured event) "
            "you had been doing this work for 3 months or more. If you think") in next_steps
    assert "Condition 1:" not in next_steps
    zh = claim_result(client.post("/zh/union/e-road", data={**ALL_YES, "occupation": "no"}).text)
    assert "有条件不符合" in zh and "按您的回答，下面的条件不符合： 条件2： 您是快递员" in zh


def test_a_dont_know_is_unknown_with_how_to_find_out_and_the_hotline(client):
    html = client.post("/en/union/e-road", data={**ALL_YES, "working_month_before": "unknown",
                                                  "incident_in_shenzhen": "unknown"}).text
    result = claim_result(html)
    assert "Not clear yet" in result
    assert "4. In the month before the incident you were still doing this work. I don't know Not sure" in result
    assert ("Condition 4: In the month before the incident you were still doing this work. What shows it: Platform "
            "order records, pay statements and the like") in result
    assert ("Condition 5: The incident happened in Shenzhen (including the Shenzhen-Shanwei Special Cooperation "
            "Zone). The briefing lists no proof for this condition") in result
    assert "Not sure how to check? Call the Shenzhen union on 956030 (24 hours)." in result
    assert 'href="tel:956030"' in between(html, '<div id="claim-result"', "</section>")
    zh = claim_result(client.post("/zh/union/e-road", data={**ALL_YES, "member": "unknown"}).text)
    assert "还不能确定" in zh and "不知道怎么核实？请拨打深圳市总工会电话 956030 （24小时）。" in zh
    assert "可以用来核实的材料：“深工”【会籍管理】电子会员卡" in zh


def test_a_no_outweighs_a_dont_know(client):
    result = claim_result(client.post("/en/union/e-road", data={**ALL_YES, "member": "unknown",
                                                                "incident_in_shenzhen": "no"}).text)
    assert "Not every condition is met" in result and "Condition 5: The incident happened in Shenzhen" in result


def test_unanswered_conditions_are_errors_and_the_answers_given_are_kept(client):
    response = client.post("/en/union/e-road", data={"member": "yes", "occupation": "no"})
    assert response.status_code == 200
    html = response.text
    assert "<title>Error: E路守护" in html
    assert '<a href="#three_months_in_work-0">Condition 3: choose yes, no or “I don&#39;t know”.</a>' in html
    assert ('<span class="visually-hidden">Error:</span> Condition 5: choose yes, no or “I don&#39;t know”.'
            in html)
    assert 'id="member-0" name="member" type="radio"\n               value="yes" checked' in html
    assert 'id="occupation-1" name="occupation" type="radio"\n               value="no" checked' in html
    assert "Answer all five questions to see the result." in html
    zh = client.post("/zh/union/e-road", data={"member": "maybe"}).text
    assert "<title>错误： “E路守护”" in zh
    assert '<a href="#member-0">条件1：请选择“是”“否”或“不知道”。</a>' in zh


def test_the_claim_check_fragment_for_htmx_and_the_full_page_for_a_history_restore(client):
    assert "All five conditions met" in htmx_fragment(client, "/en/union/e-road", ALL_YES)
    partial = htmx_fragment(client, "/en/union/e-road", {"member": "yes"})
    assert "Answer all five questions to see the result." in partial and "There is a problem" not in partial
    assert "All five conditions met" in restored_page(client, "/en/union/e-road", ALL_YES)
    assert "HX-Request" in client.get("/en/union/e-road").headers["Vary"]


def test_the_claim_form_posts_to_its_own_page_and_updates_live(client):
    html = client.get("/zh/union/e-road").text
    form = between(html, '<form class="form"', ">")
    assert 'method="post" action="/zh/union/e-road#claim-outcome" novalidate' in form
    assert 'hx-post="/zh/union/e-road"' in form and 'hx-target="#claim-result"' in form
    assert 'hx-trigger="change"' in form
    assert '<div id="claim-result" class="result-region" aria-live="polite">' in html


# Joining a union -------------------------------------------------------------------------------------

def route_result(html: str) -> str:
    return text_of(between(html, '<div id="join-route"', 'aria-labelledby="online"'))


def test_the_join_question_offers_the_four_work_relationships(client):
    html = client.get("/en/union/join").text
    assert "<legend class=\"legend\">Which describes your work best?</legend>" in html
    for value in ("labour_relationship", "not_fully_labour_relationship", "own_business", "agency_worker", "not_sure"):
        assert f'value="{value}"' in html
    page = text_of(html)
    assert "You are an agency worker (placed with a user company by a labour-dispatch agency)." in page
    assert "Where you can join appears here." in page


@pytest.mark.parametrize("situation, answer, locator", [
    ("labour_relationship", "Join your employer's union. If it has none, apply to a nearby union", "Part 2 (4) item 1"),
    ("not_fully_labour_relationship", "The document also encourages the platform company's own union to admit you.",
     "Part 2 (4) item 2"),
    ("own_business", "Join the township or street, village or community, or industrial-park union where you work or "
                     "live", "Part 2 (4) item 3"),
    ("agency_worker", "Join the union at the dispatch agency or at the company you are placed with.",
     "Part 2 (4) item 4"),
])
def test_each_work_relationship_shows_its_own_route(client, situation, answer, locator):
    result = route_result(client.post("/en/union/join", data={"situation": situation}).text)
    assert "Where you can join" in result and answer in result and locator in result
    assert result.count("The source says") == 1


def test_not_sure_shows_every_route(client):
    result = route_result(client.post("/en/union/join", data={"situation": "not_sure"}).text)
    assert result.count("The source says") == 4
    assert "Your company, your platform or a union officer can tell you which one is yours." in result


def test_the_join_page_in_chinese_with_the_online_route_and_what_membership_brings(client):
    html = client.post("/zh/union/join", data={"situation": "agency_worker"}).text
    assert "可以在劳务派遣单位加入工会，也可以在用工单位加入工会。" in route_result(html)
    page = text_of(html)
    assert "在“粤工惠”平台的“广东新业态入会”小程序上在线申请入会。" in page
    assert "是否交会费由工联合会决定；交的话，标准是每月1–10元。" in page
    assert "省总工会免费赠送一份工会会员专属意外医疗互助保障计划（每份20元，最高给付1万元）" in page
    assert 'href="/zh/union/accident-aid"' in html and 'href="/zh/union/e-road"' in html


def test_a_missing_or_unknown_situation_is_an_error(client):
    response = client.post("/en/union/join", data={"situation": "astronaut"})
    assert response.status_code == 200
    assert "<title>Error: Joining a trade union" in response.text
    assert '<a href="#situation-0">Choose the description that fits your work best.</a>' in response.text
    fragment = htmx_fragment(client, "/en/union/join", {})
    assert "Choose the description that fits your work to see where you can join." in fragment


def test_the_join_route_fragment_for_htmx(client):
    assert "Where you can join" in htmx_fragment(client, "/en/union/join", {"situation": "own_business"})
    assert "Where you can join" in restored_page(client, "/en/union/join", {"situation": "own_business"})


# The Guangdong accident-medical plan and its payout calculator ------------------------------------

def payout_result(html: str) -> str:
    return text_of(between(html, '<div id="payout-result"', 'aria-labelledby="limits"'))


def test_the_page_says_the_periods_stated_in_the_document_have_passed(client):
    assert_shows(text_of(client.get("/en/union/accident-aid").text),
                 "Is the plan still running? Note: the periods stated in the document have passed.",
                 "Cover period stated in the plan 1 January 2022 to 31 December 2022 Passed",
                 "Free-gift period stated in the main document 1 July 2021 to 31 December 2025 Passed")
    assert_shows(text_of(client.get("/zh/union/accident-aid").text),
                 "注意：材料写明的期限已经过去。", "正文写明的免费赠送实施期 2021年7月1日至2025年12月31日 已过期")


def test_who_is_covered_the_fee_and_the_tier_table(client):
    html = client.get("/en/union/accident-aid").text
    assert_shows(text_of(html), "registered with their real name on 粤工惠",
                 "The plan costs 20 yuan per person, given free by the provincial union")
    tiers = text_of(between(html, '<table class="tier-table">', "</table>"))
    assert tiers == ("One-off payout for one accident, by the amount you paid yourself What you paid yourself for "
                     "the accident Payout Less than ¥200 Nothing From ¥200 up to and including ¥500 ¥200 More than "
                     "¥500, up to and including ¥2,000 ¥500 More than ¥2,000, up to and including ¥5,000 ¥2,000 More "
                     "than ¥5,000, up to and including ¥10,000 ¥5,000 More than ¥10,000 ¥6,000")
    zh = text_of(between(client.get("/zh/union/accident-aid").text, '<table class="tier-table">', "</table>"))
    assert "不到200元 不补偿 200元（含）至500元（含） 200元 超过500元，至2000元（含） 500元" in zh
    assert "超过1万元 6000元" in zh


def test_time_limits_hospitals_exclusions_and_how_to_claim(client):
    html = client.get("/en/union/accident-aid").text
    exclusions = between(html, '<ol class="union-exclusions">', "</ol>")
    assert exclusions.count("<li>") == 13
    assert "disc herniation" in exclusions and "nuclear explosion, radiation or contamination." in exclusions
    assert_shows(text_of(html),
                 "Only medical costs incurred within 180 days of the accident count.",
                 "If you do not claim within one year of the accident",
                 "Treatment must be at a public hospital of grade 2 or above",
                 "After paying the medical costs, claim in the 粤工惠 app.",
                 "the original medical receipts (invoices) issued by the medical institution;",
                 "(粤工总〔2021〕30号)")


def test_350_yuan_pays_200(client):
    result = payout_result(client.post("/en/union/accident-aid", data=amounts("350")).text)
    assert "Total ¥200.00" in result
    assert "Accident 1 ¥350.00 ¥200.00 ¥200.00" in result
    assert "Accident 1: ¥350.00 falls in the tier that pays ¥200.00." in result
    assert "limit" not in result.split("Remember")[0]


def test_two_accidents_of_12000_pay_6000_then_4000_and_reach_the_cap(client):
    html = client.post("/en/union/accident-aid", data=amounts("12000", "12000")).text
    result = payout_result(html)
    assert "Accident 1 ¥12,000.00 ¥6,000.00 ¥6,000.00 Accident 2 ¥12,000.00 ¥6,000.00 ¥4,000.00 Total ¥10,000.00" \
        in result
    assert "Total: ¥6,000.00 + ¥4,000.00 = ¥10,000.00." in result
    assert ("The total has reached the limit of ¥10,000.00 for all accidents together. Under the plan the cover then "
            "ends: later accidents are not paid.") in result
    assert "Accident 2: its tier pays ¥6,000.00, but only ¥4,000.00 was left under the limit of ¥10,000.00." in result
    zh = payout_result(client.post("/zh/union/accident-aid", data=amounts("12000", "12000")).text)
    assert "合计：¥6,000.00 + ¥4,000.00 = ¥10,000.00。" in zh and "合计已达到所有意外累计¥10,000.00的上限" in zh


def test_an_accident_after_the_cap_is_paid_nothing(client):
    result = payout_result(client.post("/en/union/accident-aid", data=amounts("12000", "12000", "350")).text)
    assert "Accident 3 ¥350.00 ¥200.00 ¥0.00" in result
    assert "Accident 3: its tier pays ¥200.00, but the limit of ¥10,000.00 had already been reached" in result


def test_below_200_pays_nothing(client):
    result = payout_result(client.post("/en/union/accident-aid", data=amounts("199.99")).text)
    assert "Total ¥0.00" in result and "Accident 1 ¥199.99 ¥0.00 ¥0.00" in result
    assert "Accident 1: ¥199.99 is less than ¥200, so nothing is paid." in result


@pytest.mark.parametrize("amount, payout", [
    ("200", "¥200.00"), ("500", "¥200.00"), ("500.01", "¥500.00"), ("2000", "¥500.00"), ("2000.01", "¥2,000.00"),
    ("5000", "¥2,000.00"), ("5000.01", "¥5,000.00"), ("10000", "¥5,000.00"), ("10000.01", "¥6,000.00"),
])
def test_tier_boundaries_follow_the_seeds_inclusive_upper_ends(client, amount, payout):
    result = payout_result(client.post("/en/union/accident-aid", data=amounts(amount)).text)
    assert f"Total {payout}" in result


@pytest.mark.parametrize("typed, shown, payout", [
    ("8,000", "¥8,000.00", "¥5,000.00"), ("３５０元", "¥350.00", "¥200.00"), ("¥1,200.50", "¥1,200.50", "¥500.00"),
])
def test_amounts_are_read_as_people_type_them(client, typed, shown, payout):
    result = payout_result(client.post("/zh/union/accident-aid", data=amounts(typed)).text)
    assert f"第1次意外 {shown} {payout} {payout}" in result


def test_empty_boxes_between_amounts_are_skipped_and_numbers_follow_the_form(client):
    result = payout_result(client.post("/en/union/accident-aid", data=amounts("350", "", "2500")).text)
    assert "Accident 1 ¥350.00" in result and "Accident 3 ¥2,500.00 ¥2,000.00 ¥2,000.00" in result
    assert "Accident 2 " not in result and "Total ¥2,200.00" in result


def test_the_page_and_the_api_agree(client):
    typed = ["350", "12000.50", "12000", "199.99"]
    api = client.post("/api/v1/union/mutual-aid-payout", json={"amounts": typed}).get_json()
    result = payout_result(client.post("/en/union/accident-aid", data=amounts(*typed)).text)
    for number, line in enumerate(api["payouts"], start=1):
        assert f"Accident {number} ¥{float(line['amount']):,.2f} ¥{float(line['tier_payout']):,.2f} " \
               f"¥{float(line['payout']):,.2f}" in result
    assert f"Total ¥{float(api['total']):,.2f}" in result and api["cap_reached"] is True


@pytest.mark.parametrize("bad, message", [
    ("abc", "Accident 2: enter the amount in yuan using digits only, for example 350 or 1200.50."),
    ("-300", "Accident 2: the amount cannot be negative."),
    ("300.125", "Accident 2: the amount can have at most 2 decimal places (fen)."),
    ("9" * 12, "Accident 2: the amount is too large. Enter what you paid yourself, in yuan."),
])
def test_a_bad_amount_is_explained_next_to_its_box_and_the_others_are_kept(client, bad, message):
    response = client.post("/en/union/accident-aid", data=amounts("12000", bad, "350"))
    assert response.status_code == 200
    html = response.text
    assert "<title>Error: Guangdong" in html
    assert f'<a href="#amounts-1">{message}</a>' in html
    box = between(html, '<div class="field field--error">', "</div>\n</div>")
    assert f'<span class="visually-hidden">Error:</span> {message}' in box and 'id="amounts-1"' in box
    assert f'value="{bad}"' in box and 'aria-invalid="true"' in box
    assert 'id="amounts-0" name="amounts-0" type="text"\n           value="12000"' in html
    assert 'value="350"' in html
    assert "Enter at least one amount, in yuan, to see the payout." in payout_result(html)


def test_no_amount_at_all_is_an_error_in_chinese(client):
    html = client.post("/zh/union/accident-aid", data=amounts()).text
    assert "<title>错误： 广东省" in html
    assert '<a href="#amounts-0">请至少填写一次意外的个人自付金额。</a>' in html


def test_add_another_keeps_the_answers_and_adds_a_box_without_errors(client):
    response = client.post("/en/union/accident-aid", data={**amounts("350", "abc", "", "", "700"), "add_amount": "1"})
    html = response.text
    assert response.status_code == 200
    assert 'name="amounts-5"' in html and 'name="amounts-6"' not in html
    assert "Accident 6: what you paid yourself (yuan)" in html
    assert 'value="350"' in html and 'value="abc"' in html and 'value="700"' in html
    assert "There is a problem" not in html and "<title>Error:" not in html
    assert re.search(r'name="amounts-5"[^>]*value=""[^>]*autofocus>', html)
    assert html.count(" autofocus") == 1
    assert 'id="payout-outcome"' not in html  # no result to jump to: the page opens at the new box
    switch = between(html, '<form class="language-switch"', "</form>")
    assert 'name="amounts-4" value="700"' in switch and "add_amount" not in switch


def test_add_another_stops_at_twenty_boxes(client):
    data = {f"amounts-{i}": "" for i in range(20)}
    html = client.post("/en/union/accident-aid", data={**data, "add_amount": "1"}).text
    assert 'name="amounts-19"' in html and 'name="amounts-20"' not in html
    assert "Add another accident" not in html


def test_the_payout_fragment_for_htmx_and_a_neutral_result_while_typing(client):
    fragment = htmx_fragment(client, "/en/union/accident-aid", amounts("12000", "12000"))
    assert "Total: ¥6,000.00 + ¥4,000.00 = ¥10,000.00." in text_of(fragment)
    typing = htmx_fragment(client, "/en/union/accident-aid", amounts("12o"))
    assert "Enter at least one amount, in yuan, to see the payout." in typing and "There is a problem" not in typing
    assert "Total ¥200.00" in text_of(restored_page(client, "/en/union/accident-aid", amounts("350")))


def test_the_payout_result_repeats_that_the_period_has_passed(client):
    result = payout_result(client.post("/en/union/accident-aid", data=amounts("350")).text)
    assert "Reminder: the period stated in the document ended on 31 December 2025." in result


# Other regions -----------------------------------------------------------------------------------

def test_other_regions_are_marked_as_not_shenzhen_with_where_to_ask(client):
    html = client.get("/en/union/other-regions").text
    page = text_of(html)
    assert page.count("Other region: does not apply in Shenzhen") == 2
    assert_shows(page,
                 "Shenzhen background (2021): not a current scheme",
                 "100 yuan a share, one year of cover, one share per person",
                 "who have basic medical insurance",
                 "phone 029-87317892",
                 "occupational-injury protection", "25 yuan of accident mutual-aid cover",
                 "In July 2021 the Shenzhen Federation of Trade Unions published 30 measures.",
                 "(陕工发〔2023〕2号)", "铜人社函〔2025〕186号")
    assert 'href="/en/union/e-road"' in html


def test_other_regions_in_chinese(client):
    page = text_of(client.get("/zh/union/other-regions").text)
    assert_shows(page, "不是深圳。 以下是其他地区的做法", "每份100元，保障一年，每人只能买1份",
                 "区总工会还为新入会的新就业群体赠送25元的意外互助保障")
    assert page.count("其他地区：在深圳不适用") == 2


# Privacy, headers and robustness ------------------------------------------------------------------

POSTS = [("/zh/union/e-road", ALL_YES), ("/en/union/join", {"situation": "agency_worker"}),
         ("/zh/union/accident-aid", amounts("12000", "350"))]


@pytest.mark.parametrize("url", PAGES)
def test_pages_set_no_cookie_and_load_nothing_from_elsewhere(client, url):
    response = client.get(url)
    assert_private(response)
    assert_own_files_only(response.text)


@pytest.mark.parametrize("url, data", POSTS)
def test_answers_stay_out_of_urls_caches_and_cookies(client, url, data):
    response = client.post(url, data=data)
    assert response.status_code == 200
    assert_private(response)
    assert not re.search(r'action="[^"]*\?', response.text)


@pytest.mark.parametrize("url, data", [
    ("/zh/union/accident-aid", {"amounts-0": "9" * 5000}), ("/zh/union/accident-aid", {"amounts-0": "\x00"}),
    ("/zh/union/accident-aid", {"amounts-0": "１２，０００．５０"}), ("/zh/union/accident-aid", {"amounts-999": "5"}),
    ("/zh/union/accident-aid", {"amounts-x": "5", "amounts-": "7"}), ("/zh/union/accident-aid", {"amounts-0": ","}),
    ("/zh/union/accident-aid", {"amounts-0": "元", "amounts-1": "350"}), ("/en/union/e-road", {"member": "x" * 300}),
    ("/en/union/e-road", {**ALL_YES, "extra": "yes"}), ("/en/union/join", {"situation": ["own_business", "x"]}),
])
def test_no_input_reaches_a_server_error(client, url, data):
    assert client.post(url, data=data).status_code == 200


def test_get_only_pages_refuse_a_post(client):
    assert client.post("/en/union").status_code == 405
    assert client.post("/en/union/other-regions").status_code == 405
