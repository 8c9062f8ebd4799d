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
    return {**{k: TRI[v] for k, v in form.items() if isinstance(v, str) and v in TRI}, "platform": form["platform"], "work": form["work"],
            "place": form["place"], "happened": list(form["happened"])}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_injury_page_shows_every_section_with_statuses(client, lang):
    page = text_of(client.get(f"/{lang}/protection/injury").get_data(as_text=True))
    if lang == "zh":
        assert "新就业形态人员职业伤害保障（“新职伤”）" in page
        assert "新闻报道或平台公告" in page and "未找到官方说法" in page
        assert "从2022年7月试点以来，对41名新业态人员进行职业伤害确认" in page
    else:
        assert "Not settled: whether an injury on the way to pick up an order" in page
        assert "Not found in any official text" in page


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
            assert f"{scheme['name']} {({True: '适用', False: '不适用', None: '可能适用，要问清楚'})[scheme['applies']]} " \
                   f"{scheme['reason']}" in page


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
    assert "按您的回答，补贴条件已满足。" in page and "新闻报道或平台公告" in page


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
    assert "Cost a month now You pay after the subsidy" in page
    assert "¥955.00 ¥477.50 ¥8,159.83" in page  # the floor row: cost, after the subsidy, pension
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
