"""Locale selection and locale-aware formatting (the only place that formats dates and money)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Mapping

from flask import Flask, g, request
from flask_babel import Babel, get_locale
from flask_babel import format_date as babel_format_date
from flask_babel import format_decimal, gettext

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def select_locale() -> str:
    """Pages carry the language in the URL; the API reads ?lang= or Accept-Language."""
    lang = g.get("lang_code")
    if lang in LANGUAGES:
        return lang
    if request:
        asked = request.args.get("lang")
        if asked in LANGUAGES:
            return asked
        return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals.update(lang=current_language, tr=localized)
    app.jinja_env.filters.update(yuan=format_yuan, longdate=format_long_date, yearmonth=format_year_month,
                                 percent=format_rate)


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale and locale.language in LANGUAGES else DEFAULT_LANGUAGE


def localized(text: Mapping[str, str] | None) -> str:
    """Pick the current language from a bilingual content text ({zh: …, en: …})."""
    if not text:
        return ""
    return text[current_language()]


def format_long_date(day: date) -> str:
    """2026年11月22日 in Chinese, 22 November 2026 in English."""
    if current_language() == "en":
        return babel_format_date(day, "d MMMM y")
    return babel_format_date(day, "long")


def format_year_month(month) -> str:
    """2026年11月 / November 2026 (takes a YearMonth)."""
    first = date(month.year, month.month, 1)
    return babel_format_date(first, "MMMM y" if current_language() == "en" else "y年M月")


def format_rate(rate: Decimal) -> str:
    """0.12 → 12%, 0.0150 → 1.5%."""
    return format_decimal(rate * 100, format="0.##") + "%"


def format_yuan(amount: Decimal) -> str:
    """¥1,234.50 in both languages (one style, tested)."""
    return "¥" + format_decimal(amount, format="#,##0.00")


def format_age(years: int, months: int) -> str:
    if months:
        return gettext("%(years)s years %(months)s months", years=years, months=months)
    return gettext("%(years)s years", years=years)


def format_yuan_round(amount: Decimal) -> str:
    """A policy amount as a scheme's own material writes it: 130万元 / 5000元 in Chinese, ¥1,300,000 in English.

    For scheme tables (benefit caps, fees), not for calculated results, which keep the fen (format_yuan).
    """
    amount = Decimal(amount)
    if current_language() == "en":
        return "¥" + format_decimal(amount, format="#,##0.##")
    if amount >= 10000:
        return format_decimal(amount / 10000, format="0.####") + "万元"
    return format_decimal(amount, format="0.##") + "元"
