"""Answers and helpers shared by the kiosk and hand-off tests (web and browser)."""

from __future__ import annotations

from flask import Flask, request
from werkzeug.datastructures import MultiDict

from advisor.web import handoff
from tests.conftest import TODAY

IDLE = 90
KIOSK = {"TESTING": True, "ADVISOR_TODAY": TODAY, "KIOSK": True, "KIOSK_IDLE_SECONDS": IDLE,
         "PUBLIC_BASE_URL": "https://advisor.example.cn"}

# One result of each form page, so every state that cites a source or names a phone is scanned too.
CALCULATE = {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical"], "month": "2026-11"}
CHECK = {
    "birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31",
    "sex": "male", "hukou": "other_province", "residence_permit": "yes",
    "work": "platform", "platform_qualified": "yes", "full_time_student": "no",
    "employer_insured": "no", "insured_before": "no",
}
FORECAST = {
    "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15", "sex": "male",
    "paid_years": "10", "paid_months": "0", "balance": "50000", "base": "avg100",
    "wage_growth": "0", "interest": "0",
}
ACCIDENT_AID = {"amounts-0": "12000", "amounts-1": "800"}
REGISTER = {"hukou": "other_province", "have": ["wechat", "id_card"]}
INJURY = {"platform": "meituan", "work": "delivery", "during_order": "yes"}
AFTER_ACCIDENT = {
    "happened": ["injury", "hospital", "traffic"], "during_order": "yes", "platform": "meituan", "work": "delivery",
    "place": "shenzhen", "union_member": "yes", "months_in_work": "yes", "medical_insured": "yes",
}
RESULTS = [
    ("/zh/calculate", CALCULATE), ("/en/calculate", CALCULATE),
    ("/zh/check", CHECK), ("/en/check", CHECK),
    ("/zh/forecast", FORECAST), ("/en/forecast", FORECAST),
    ("/zh/union/accident-aid", ACCIDENT_AID), ("/en/union/accident-aid", ACCIDENT_AID),
    ("/zh/register", REGISTER), ("/en/register", REGISTER),
    ("/zh/protection/injury", INJURY), ("/en/protection/injury", INJURY),
    ("/zh/protection/after-accident", AFTER_ACCIDENT), ("/en/protection/after-accident", AFTER_ACCIDENT),
]


def handoff_url(app: Flask, url: str, data: dict) -> str:
    """The address a kiosk's hand-off code carries for these answers: the page's own view runs on
    them, and the form it hands to the template is read with the code the template calls."""
    forms = []

    def capture(form):
        forms.append(form)
        return handoff.handoff_code(form)

    with app.test_request_context(url, method="POST", data=MultiDict(data)):
        app.preprocess_request()  # takes the language out of the view arguments
        app.jinja_env.globals["handoff_code"] = capture
        try:
            app.view_functions[request.endpoint](**request.view_args)
        finally:
            app.jinja_env.globals["handoff_code"] = handoff.handoff_code
        return handoff.handoff_url(request.endpoint, handoff.answer_pairs(forms[0]))
