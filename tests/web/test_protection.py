"""The protection pages: 新职伤 and its self-check, the after-accident checklist, the subsidy in the
calculator and the forecast; the same answers as the JSON API; links for platform workers."""

from __future__ import annotations

import html as html_module
import re

import pytest

HTMX = {"HX-Request": "true"}
STORY_FORM = {"platform": "meituan", "work": "delivery", "during_order": "yes", "union_member": "yes",
              "months_in_work": "yes", "medical_insured": "yes", "place": "shenzhen",
              "happened": ["injury", "hospital", "traffic"]}
TRI = {"yes": True, "no": False, "unknown": None}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def story_json(form: dict) -> dict:
    answers = {k: TRI[v] for k, v in form.items() if isinstance(v, str) and v in TRI}
    return {**answers, "platform": form["platform"], "work": form["work"], "place": form["place"],
            "happened": list(form["happened"])}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_injury_page_shows_every_section_with_statuses(client, lang):
    page = text_of(client.get(f"/{lang}/protection/injury").get_data(as_text=True))
    if lang == "zh":
        assert "新就业形态人员职业伤害保障（“新职伤”）" in page
        assert "还在核实" in page and "没找到官方规定" in page
        assert "从2022年7月试点以来，对41名新业态人员进行职业伤害确认" in page
    else:
        assert "Not settled: whether an injury on the way to pick up an order" in page
        assert "No official rule found" in page


@pytest.mark.parametrize(("platform", "work", "during"), [
    ("meituan", "delivery", "yes"), ("manbang", "freight", "no"), ("jd", "delivery", "yes"),
    ("other", "ride_hailing", "unknown"), ("unknown", "unknown", "yes"), ("dada", "courier", "yes")])
def test_injury_self_check_page_and_api_agree(client, platform, work, during):
    api = client.post("/api/v1/protection/injury-check?lang=en", json={
        "platform": platform, "work": work, "during_order": TRI[during]}).get_json()
    for headers in ({}, HTMX):
        html = client.post("/en/protection/injury", data={"platform": platform, "work": work, "during_order": during},
                           headers=headers).get_data(as_text=True)
        page = text_of(html)
        assert api["message"] in page
        for item in api["reasons"] + api["ask"]:
            assert item["message"] in page
        assert ("<html" in html) is not bool(headers)


def test_injury_self_check_errors_keep_the_answers(client):
    html = client.post("/zh/protection/injury", data={"platform": "meituan"}).get_data(as_text=True)
    assert "有问题需要修改" in html
    assert "请选择工作类型，或选“不确定”。" in html
    assert 'value="meituan" checked' in html


def test_checklist_page_and_api_agree_for_every_story(client):
    stories = [STORY_FORM, {**STORY_FORM, "union_member": "no"},
               {**STORY_FORM, "platform": "didi", "work": "ride_hailing", "happened": ["traffic", "vehicle"]},
               {**STORY_FORM, "during_order": "no", "happened": ["injury"]},
               {**STORY_FORM, "platform": "jd", "happened": ["injury"]},
               {**STORY_FORM, "happened": ["illness"]}]
    for form in stories:
        api = client.post("/api/v1/protection/after-accident", json=story_json(form)).get_json()
        page = text_of(client.post("/zh/protection/after-accident", data=form, headers=HTMX).get_data(as_text=True))
        for item in api["steps"] + api["evidence"]:
            assert item["message"] in page
        for scheme in api["schemes"]:
            applies = {True: "适用", False: "不适用", None: "可能适用，要问清楚"}[scheme["applies"]]
            assert f"{scheme['name']} {applies} {scheme['reason']}" in page


def test_checklist_errors_and_no_javascript_full_page(client):
    html = client.post("/en/protection/after-accident", data={"platform": "meituan"}).get_data(as_text=True)
    assert "<html" in html and "Choose at least one thing that happened." in html
    assert 'value="meituan" checked' in html
    html = client.post("/en/protection/after-accident", data=STORY_FORM).get_data(as_text=True)
    assert "<html" in html and "Your checklist" in html and 'href="tel:12333"' in html


def test_kiosk_checklist_numbers_are_text_with_a_code(app):
    app.config["KIOSK"] = True
    html = app.test_client().post("/en/protection/after-accident", data=STORY_FORM).get_data(as_text=True)
    assert 'href="tel:' not in html
    assert "QR code to call 12333" in html and '<span class="phone">956030</span>' in html


def test_calculator_shows_the_same_subsidy_as_the_api(client):
    form = {"wage": "4775", "hukou": "other_province", "insurances": ["pension", "medical"], "month": "2026-11",
            "platform_subsidy": "meituan", "subsidy_condition_met": "yes"}
    api = client.post("/api/v1/contribution", json={
        "month": "2026-11", "hukou": "other_province", "wage": "4775", "insurances": ["pension", "medical"],
        "platform_subsidy": "meituan", "subsidy_condition_met": True}).get_json()["subsidy"]
    page = text_of(client.post("/zh/calculate", data=form, headers=HTMX).get_data(as_text=True))
    assert (api["amount"], api["net_monthly_total"]) == ("477.50", "1015.66")
    assert "每月平台补贴 − ¥477.50 您每月实际负担 ¥1,015.66 您每年实际负担 ¥12,187.92" in page
    assert "按您的回答，补贴条件已满足。" in page and "还在核实" in page


def test_calculator_eleme_shows_the_bound_only(client):
    form = {"wage": "4775", "hukou": "other_province", "insurances": ["pension"], "month": "2026-11",
            "platform_subsidy": "eleme", "subsidy_condition_met": "unknown"}
    page = text_of(client.post("/en/calculate", data=form, headers=HTMX).get_data(as_text=True))
    assert "Platform subsidy a month at least 50%, amount not published You pay a month not worked out" in page


def test_calculator_without_a_subsidy_is_unchanged(client):
    form = {"wage": "4775", "hukou": "other_province", "insurances": ["pension"], "month": "2026-11"}
    page = text_of(client.post("/en/calculate", data=form, headers=HTMX).get_data(as_text=True))
    assert "After the platform's subsidy" not in page and "¥955.00" in page


def test_forecast_comparison_gains_the_net_cost(client):
    form = {"birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "1", "sex": "male",
            "paid_years": "5", "paid_months": "0", "base": "floor", "wage_growth": "2.9", "interest": "1.5",
            "platform_subsidy": "meituan", "subsidy_condition_met": "yes"}
    page = text_of(client.post("/en/forecast", data=form, headers=HTMX).get_data(as_text=True))
    # The floor's block: cost, after the subsidy, pension in the money of 2053 (27 years ahead: to the yuan).
    assert "Cost a month now ¥955.00 You pay after the subsidy ¥477.50" in page
    assert "Pension a month, in the money of 2053 about ¥8,160" in page
    assert "takes ¥477.50 a month off each base's cost" in page
    del form["platform_subsidy"]
    assert "You pay after the subsidy" not in client.post("/en/forecast", data=form).get_data(as_text=True)


def test_home_union_and_check_result_lead_platform_workers_here(client):
    for url in ("/zh/", "/zh/union"):
        html = client.get(url).get_data(as_text=True)
        assert 'href="/zh/protection/injury"' in html and 'href="/zh/protection/after-accident"' in html
    rider = {"birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31", "sex": "male",
             "hukou": "other_province", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
             "full_time_student": "no", "employer_insured": "no", "insured_before": "no"}
    html = client.post("/en/check", data=rider).get_data(as_text=True)
    assert 'href="/en/protection/after-accident"' in html
    html = client.post("/en/check", data={**rider, "work": "self_employed", "platform_qualified": None}).get_data(
        as_text=True)
    assert 'href="/en/protection/after-accident"' not in html


def test_a_full_time_jd_rider_is_routed_to_employee_insurance(client):
    form = {"wage": "4775", "hukou": "other_province", "insurances": ["pension"], "month": "2026-11",
            "platform_subsidy": "jd"}
    page = text_of(client.post("/en/calculate", data=form, headers=HTMX).get_data(as_text=True))
    assert "Full-time JD riders are insured as employees" in page
    assert "Full-time riders are JD employees, insured as employees, not as flexible workers." in page
    assert "Platform subsidy a month" not in page


# The Guangdong members' plan in full in the checklist (seed 002 annex 4) ------------------------------------

GD_TIERS_EN = ["From ¥200 up to and including ¥500 ¥200", "More than ¥500, up to and including ¥2,000 ¥500",
               "More than ¥2,000, up to and including ¥5,000 ¥2,000",
               "More than ¥5,000, up to and including ¥10,000 ¥5,000", "More than ¥10,000 ¥6,000"]


def test_checklist_shows_every_guangdong_tier_its_conditions_and_whom_to_ask(client):
    page = text_of(client.post("/en/protection/after-accident", data=STORY_FORM).get_data(as_text=True))
    for row in GD_TIERS_EN:
        assert row in page
    assert ("The periods in the document have passed: before you count on it, call the Shenzhen union on 956030, "
            "or check on the union's online platform (粤工惠), whether the plan still runs and whether its rules have "
            "changed.") in page
    assert "the main text gives the free gift's period as July 2021 to the end of December 2025" in page
    for condition in ("Treatment must be at a public hospital of grade 2 or above",
                      "incurred within 180 days of the accident",
                      "If you do not claim within one year of the accident",
                      "never more than 10,000 yuan in total", "claim in the union's app (粤工惠)",
                      "13 cases are not paid"):
        assert condition in page
    zh = text_of(client.post("/zh/protection/after-accident", data=STORY_FORM).get_data(as_text=True))
    assert "200元（含）至500元（含） 200元" in zh and "超过1万元 6000元" in zh
    assert "请先拨打深圳市总工会956030" in zh


def test_the_guangdong_plan_page_and_api_agree(client):
    api = client.post("/api/v1/protection/after-accident?lang=en", json=story_json(STORY_FORM)).get_json()
    gd = next(s for s in api["schemes"] if s["scheme"] == "gd_mutual_aid")
    plan = gd["plan"]
    assert [(t["from"], t["from_included"], t["to"], t["payout"]) for t in plan["tiers"]] == [
        ("200.00", True, "500.00", "200.00"), ("500.00", False, "2000.00", "500.00"),
        ("2000.00", False, "5000.00", "2000.00"), ("5000.00", False, "10000.00", "5000.00"),
        ("10000.00", False, None, "6000.00")]
    assert plan["cap"] == "10000.00" and plan["source"] == "seed-002-gd-union"
    assert plan["period"] == {"start": "2021-07-01", "end": "2025-12-31", "over": True,
                              "message": plan["period"]["message"]}
    assert "956030" in plan["ask"]
    assert all("plan" not in s for s in api["schemes"] if s["scheme"] != "gd_mutual_aid")
    page = text_of(client.post("/en/protection/after-accident", data=STORY_FORM, headers=HTMX).get_data(as_text=True))
    for item in plan["conditions"] + [{"message": plan["period"]["message"]}, {"message": plan["ask"]}]:
        assert item["message"] in page


def test_the_guangdong_plan_is_left_out_where_it_does_not_apply(client):
    page = text_of(client.post("/en/protection/after-accident", data={**STORY_FORM, "union_member": "no"})
                   .get_data(as_text=True))
    assert "More than ¥10,000 ¥6,000" not in page


# The check: a full-time JD rider goes to employee insurance (issue 12) --------------------------------------

JD_RIDER = {"birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31", "sex": "male",
            "hukou": "other_province", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
            "jd_full_time": "yes", "full_time_student": "no", "employer_insured": "no", "insured_before": "no"}
JD_RIDER_JSON = {"birth_date": "1990-05-31", "sex": "male", "hukou": "other_province", "residence_permit": True,
                 "full_time_student": False, "employer_insured": False, "work": "platform", "platform_employee": "jd"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("htmx", [False, True], ids=["no-js", "htmx"])
def test_check_routes_a_full_time_jd_rider_and_agrees_with_the_api(client, lang, htmx):
    html = client.post(f"/{lang}/check", data=JD_RIDER, headers=HTMX if htmx else {}).get_data(as_text=True)
    assert ("<html" in html) is not htmx
    page = text_of(html)
    api = client.post(f"/api/v1/eligibility?lang={lang}", json=JD_RIDER_JSON).get_json()
    route = api["employee_insurance"]
    assert 'id="employee-route"' in html
    for text in (route["message"], route["rule"], *route["ask"]):
        assert text in page
    for scheme in ("pension", "medical", "unemployment"):
        assert api[scheme]["eligible"] is False
        for reason in api[scheme]["reasons"]:
            assert reason["message"] in page
    assert html.count("verdict-item--no") == 3 and "verdict-item--yes" not in html
    if lang == "en":
        assert ("As a full-time JD rider you are insured through JD as an employee: ask your JD station or "
                "12333.") in page
        assert "You are insured through JD as an employee, not as a flexible worker" in page
        assert htmx or "Full-time JD (京东) rider Yes" in page  # the answers summary (full page)
        assert 'href="/en/protection/injury"' in html  # platform workers are led to the protections
    else:
        assert "您通过京东按职工参保，不按灵活就业人员参保" in page and "请问京东站点或拨打12333" in page


def test_check_without_the_jd_answer_is_as_before(client):
    rider = {k: v for k, v in JD_RIDER.items() if k != "jd_full_time"}
    before = client.post("/en/check", data=rider).get_data(as_text=True)
    assert 'id="employee-route"' not in before and before.count("verdict-item--yes") == 3
    assert "Full-time JD (京东) rider" not in text_of(before)  # an optional question left blank is not summarised
    no = client.post("/en/check", data={**rider, "jd_full_time": "no"}).get_data(as_text=True)
    assert 'id="employee-route"' not in no and no.count("verdict-item--yes") == 3


def test_the_jd_answer_is_ignored_for_other_work(client):
    html = client.post("/en/check", data={**JD_RIDER, "work": "self_employed"}).get_data(as_text=True)
    assert 'id="employee-route"' not in html and html.count("verdict-item--yes") >= 2


def test_the_jd_question_is_a_follow_up_for_platform_workers(client):
    html = client.get("/zh/check").get_data(as_text=True)
    assert 'id="q-jd_full_time" data-applies-when="work=platform"' in html
    assert "您是京东雇用的全职骑手吗？" in html


def test_the_jd_riders_next_steps_do_not_send_them_to_flexible_worker_costs(client):
    """Insured through JD as an employee: no "what will I pay" as a flexible worker, no flexible registration,
    no "check again later"; the protections stay, since 新职伤 and the union still concern a rider."""
    def next_steps(data):
        html = client.post("/en/check", data=data).get_data(as_text=True)
        start = html.index('id="more-next-steps"')
        return text_of(html[html.index('class="next-step'):html.index("</details>", start)])

    jd = next_steps(JD_RIDER)
    assert "Next: what will I pay?" not in jd and "Where do I register?" not in jd
    assert "You cannot join any of these insurances as a flexible worker at the moment" not in jd
    assert "occupational" in jd.lower()  # the protections pages are still offered
    flexible = next_steps({k: v for k, v in JD_RIDER.items() if k != "jd_full_time"})
    assert "Next: what will I pay?" in flexible and "Where do I register?" in flexible
