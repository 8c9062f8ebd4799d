"""Locale selection and locale-aware formatting (the only place that formats dates and money)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Mapping

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, g, request
from flask_babel import Babel, get_locale
from flask_babel import format_date as babel_format_date
from flask_babel import format_decimal, gettext

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
# What format_decimal(amount, format="#,##0.00") does, with the pattern parsed once instead of per amount.
_YUAN_PATTERN = babel_numbers.parse_pattern("#,##0.00")


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
    return _year_month_label(month.year, month.month, current_language())


@lru_cache(maxsize=1024)
def _year_month_label(year: int, month: int, language: str) -> str:
    # Cached: the month lists format about 60 labels per page, always the same ones.
    return babel_dates.format_date(date(year, month, 1), "MMMM y" if language == "en" else "y年M月", locale=language)


def format_rate(rate: Decimal) -> str:
    """0.12 → 12%, 0.0150 → 1.5%."""
    return format_decimal(rate * 100, format="0.##") + "%"


def format_yuan(amount: Decimal) -> str:
    """¥1,234.50 in both languages (one style, tested)."""
    return "¥" + _YUAN_PATTERN.apply(amount, get_locale())


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
