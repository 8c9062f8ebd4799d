"""Amounts, rates and dates formatted from each language's tables (advisor/i18n.py) equal Babel's own formatting,
the way the site formatted them before, over wide ranges in both languages; and the request's gettext equals
Flask-Babel's."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.messages.pofile import read_po
from flask_babel import force_locale
from flask_babel import gettext as babel_gettext

from advisor.i18n import (
    format_long_date,
    format_rate,
    format_year_month,
    format_yuan,
    gettext,
    language,
)
from advisor.rules.calendar import YearMonth

LANGUAGES = ("zh", "en")
PO_FILE = Path(__file__).resolve().parents[2] / "advisor" / "translations" / "zh" / "LC_MESSAGES" / "messages.po"


def amounts() -> list[D]:
    """Whole yuan, fen, half fen and beyond, negative, zero with a sign, very large and very small."""
    rng = random.Random(15)
    values = [D(n) for n in range(0, 20_001, 7)]
    values += [D(n) / 100 for n in range(-5_000, 5_000)]
    values += [D(n) / 1000 for n in range(-3_000, 3_000)]  # 0.005, 0.015, …: half a fen either way
    values += [D(rng.randint(0, 10 ** digits)) / 10 ** rng.randint(0, 6) for digits in range(1, 16) for _ in range(400)]
    values += [-value for value in values[-2_000:]]
    values += [D("0"), D("-0"), D("0.00"), D("-0.00"), D("1E+3"), D("1.5E+7"), D("123456789012.345"),
               D("999999999.995"), D("0.0049999"), D("4775"), D("4775.00"), D("27549"), D("2400.00"), D("1e-10")]
    return values


@pytest.fixture(params=LANGUAGES)
def in_language(request, app):
    with app.test_request_context(f"/{request.param}/"):
        app.preprocess_request()
        assert language().code == request.param
        yield request.param


def test_money_equals_babels_pattern_in_both_languages(in_language):
    locale = language().locale
    pattern = babel_numbers.parse_pattern("#,##0.00")
    different = [(value, format_yuan(value)) for value in amounts()
                 if format_yuan(value) != "¥" + pattern.apply(value, locale)]
    assert different == []
    assert format_yuan(D("1234.5")) == "¥1,234.50" and format_yuan(D("0.125")) == "¥0.12"


def test_rates_equal_babels_format_decimal_in_both_languages(in_language):
    locale = language().locale
    rates = [D(n) / 10 ** places for places in (2, 3, 4, 5) for n in range(0, 1001)]
    rates += [D("0.20"), D("0.2"), D("0.0150"), D("0.015"), D("1"), D("1.5"), D("0.005"), D("0.00005")]
    rates += [-rate for rate in rates[::7]] + [D("-0"), D("-0.00001"), D("1E+3"), D("0.0317"), D("12.345678")]
    for rate in rates:
        assert format_rate(rate) == babel_numbers.format_decimal(rate * 100, format="0.##", locale=locale) + "%"
    assert format_rate(D("0.12")) == "12%" and format_rate(D("0.0150")) == "1.5%"


def test_long_dates_and_months_equal_babels_in_both_languages(in_language):
    long_format = "d MMMM y" if in_language == "en" else "long"
    day = date(1900, 1, 1)
    while day <= date(2100, 12, 31):
        assert format_long_date(day) == babel_dates.format_date(day, long_format, locale=in_language)
        day += timedelta(days=17)
    for year in range(1900, 2101):
        for month in range(1, 13):
            expected = babel_dates.format_date(date(year, month, 1), "MMMM y" if in_language == "en" else "y年M月",
                                               locale=in_language)
            assert format_year_month(YearMonth(year, month)) == expected
    assert format_long_date(date(2026, 11, 22)) == {"zh": "2026年11月22日", "en": "22 November 2026"}[in_language]


def test_gettext_equals_flask_babels_for_every_catalogue_entry(app, in_language):
    with open(PO_FILE, "rb") as handle:
        messages = [message.id for message in read_po(handle) if message.id and isinstance(message.id, str)]
    assert len(messages) > 300
    with force_locale(in_language):
        for message in messages:
            assert gettext(message) == babel_gettext(message)
    assert gettext("Home") == {"zh": "首页", "en": "Home"}[in_language]


def test_the_code_translates_through_the_request_language():
    """gettext from advisor.i18n (Flask-Babel's looks the locale up on every call)."""
    root = Path(__file__).resolve().parent.parent.parent / "advisor"
    offending = []
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("from flask_babel import") and "gettext" in line:
                offending.append(f"{path.relative_to(root.parent)}: {line}")
    assert offending == []
