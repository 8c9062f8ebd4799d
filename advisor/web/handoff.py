"""Hand-off to a phone: a QR code on a kiosk result that opens the same result on the worker's phone.

Nothing is stored and nothing personal reaches a server log: the answers travel in the URL
fragment (after "#"), which browsers never send to a server. On the phone, static/js/handoff.js
reads the fragment, removes it from the address bar and history, fills the page's form and
submits it as a POST, so the answers reach the server in a request body, as if typed.

The fragment is `a=` followed by the answers as form pairs under short keys, for example
`#a=w=8000&h=shenzhen&i=pension&i=medical&m=2026-11`; short keys keep the QR code small enough to
scan from a screen (segno, error correction M, version MAX_VERSION at most).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote

import segno
from flask import current_app, request, url_for
from markupsafe import Markup
from wtforms import FieldList, Form, SelectMultipleField

from advisor.i18n import gettext as _
from advisor.web.dates import DatePartsField
from advisor.web.fields import MAX_AMOUNT_FIELDS
from advisor.web.kiosk import is_kiosk
from advisor.web.qr import qr_svg

MARKER = "a="
MAX_VERSION = 15  # 77×77 modules: still scanned at arm's length from a kiosk screen
LARGEST_VERSION = 40  # the largest QR code there is
ERROR_CORRECTION = "m"  # as advisor.web.qr draws it

# The result pages whose answers can travel; each page's form fields must have a short key here.
HANDOFF_PAGES = ("web.check", "web.calculate", "web.forecast", "web.union_accident_aid",
                 "web.pension_at_retirement_page", "web.plan", "web.register", "web.protection_injury",
                 "web.protection_after_accident")
SHORT_KEYS = {
    # Check and forecast: about you, where you live, your work, other insurance
    "birth_date-year": "by", "birth_date-month": "bm", "birth_date-day": "bd",
    "sex": "s", "female_category": "fc",
    "hukou": "h", "residence_permit": "rp",
    "work": "wk", "platform_qualified": "pq", "jd_full_time": "jd", "full_time_student": "st",
    "employer_insured": "ei", "insured_before": "ib",
    "first_insured_month-year": "fy", "first_insured_month-month": "fm",
    "contributed_months": "cm", "pension_place": "pp",  # at or near retirement age (issue 11)
    # Calculate
    "wage": "w", "insurances": "i", "month": "m", "unemployment_wage": "uw",
    # Calculate and forecast: the platform subsidy (optional)
    "platform_subsidy": "ps", "subsidy_condition_met": "sc",
    # Forecast
    "paid_years": "py", "paid_months": "pm", "balance": "bl", "base": "b",
    "wage_growth": "g", "interest": "r", "past_index": "x",
    # Forecast and pension at retirement: a month of the flexible-retirement window
    "retirement_month-year": "ry", "retirement_month-month": "rm",
    # Pension at retirement: the record
    "average_index": "ai", "local_years": "ly", "local_months": "lm", "calculation_base": "cb",
    # Register (and the plan's way to register): what the person has with them
    "have": "hv",
    # Occupational-injury cover (新职伤) and after an accident; "work" shares the check's key
    "platform": "pf", "during_order": "do", "happened": "hp", "place": "pl", "union_member": "um",
    "months_in_work": "mw", "medical_insured": "mi",
    # Union accident aid: one box per accident
    **{f"amounts-{index}": f"a{index}" for index in range(MAX_AMOUNT_FIELDS)},
}
FIELD_NAMES = {short: name for name, short in SHORT_KEYS.items()}


def _value(field) -> str:
    """An amount as the server read it ("8,000元" → "8000"); anything else as typed."""
    amount = getattr(field, "amount", None)
    return str(amount) if amount is not None else str(field.data or "").strip()


def _offered(field: SelectMultipleField) -> set[str]:
    """The values a page's boxes offer: anything else in the body (a box the page never had) is no answer."""
    return {str(choice.value if hasattr(choice, "value") else choice[0]) for choice in field.choices or ()}


def answer_pairs(form: Form) -> list[tuple[str, str]]:
    """The answers as (field name, value) form pairs; questions that do not apply are left out."""
    asked = getattr(form, "is_asked", None)
    pairs: list[tuple[str, str]] = []
    for field in form:
        if asked and not asked(field.name):
            continue
        if isinstance(field, DatePartsField):
            pairs += [(field.part_name(part), value.strip()) for part, value in field.values.items() if value.strip()]
        elif isinstance(field, FieldList):
            pairs += [(entry.name, _value(entry)) for entry in field.entries if _value(entry)]
        elif isinstance(field, SelectMultipleField):
            pairs += [(field.name, str(value)) for value in field.data or [] if str(value) in _offered(field)]
        elif isinstance(field.data, str) and _value(field):
            pairs.append((field.name, _value(field)))
    return pairs


def encode(pairs: list[tuple[str, str]]) -> str:
    """The fragment (without "#"): "a=" and the pairs under their short keys."""
    return MARKER + "&".join(f"{SHORT_KEYS.get(name, name)}={quote(value, safe='')}" for name, value in pairs)


def decode(fragment: str) -> list[tuple[str, str]]:
    """The pairs back from a fragment, as static/js/handoff.js reads it (for tests and checks)."""
    fragment = fragment.removeprefix("#")
    if not fragment.startswith(MARKER):
        return []
    return [(FIELD_NAMES.get(key, key), value)
            for key, value in parse_qsl(fragment.removeprefix(MARKER), keep_blank_values=True)]


def public_page_url(endpoint: str) -> str:
    """The page's address on the public site: PUBLIC_BASE_URL (the site's root as phones reach it)
    or, when it is not set, this request's own root."""
    base = current_app.config.get("PUBLIC_BASE_URL") or request.url_root
    path = url_for(endpoint)[len(request.script_root):]
    return base.rstrip("/") + path


def handoff_url(endpoint: str, pairs: list[tuple[str, str]]) -> str:
    return public_page_url(endpoint) + "#" + encode(pairs)


def qr_version(address: str) -> int:
    """The code's version (its size); one more than the largest code there is when the address does not fit."""
    try:
        return segno.make(address, error=ERROR_CORRECTION, micro=False).version
    except segno.DataOverflowError:
        return LARGEST_VERSION + 1


@dataclass(frozen=True)
class HandoffCode:
    url: str
    version: int
    svg: Markup | None  # None when the answers are too many for a code that scans reliably


def handoff_code(form: Form) -> HandoffCode | None:
    """The hand-off code for a kiosk result page, or None (not a kiosk, or not a result page)."""
    if not is_kiosk() or request.endpoint not in HANDOFF_PAGES:
        return None
    url = handoff_url(request.endpoint, answer_pairs(form))
    version = qr_version(url)
    svg = qr_svg(url, _("QR code that opens this result on your phone")) if version <= MAX_VERSION else None
    return HandoffCode(url, version, svg)


def save_link(form: Form) -> str | None:
    """On the public site, a result's "save or send" link: this page with the answers after "#",
    the same address a kiosk's code carries, so it reopens the result on any phone (None elsewhere)."""
    if is_kiosk() or request.endpoint not in HANDOFF_PAGES:
        return None
    return handoff_url(request.endpoint, answer_pairs(form))


def save_link_of(pairs: list[tuple[str, str]]) -> str | None:
    """The "save or send" link of a page whose answers are not one form's (the plan: every page's answers)."""
    if is_kiosk() or request.endpoint not in HANDOFF_PAGES:
        return None
    return handoff_url(request.endpoint, pairs)


def handoff_fields() -> dict[str, str] | None:
    """{short key: field name} for handoff.js on the public site's result pages (None elsewhere)."""
    if is_kiosk() or request.endpoint not in HANDOFF_PAGES:
        return None
    return FIELD_NAMES


def init_app(app) -> None:
    app.jinja_env.globals.update(handoff_code=handoff_code, handoff_fields=handoff_fields, save_link=save_link)
