"""Locale selection, translation and locale-aware formatting (the only place that formats dates and money).

Each language's Language (Babel's locale, the catalogue, punctuation, month names) is made when the app starts,
through Flask-Babel's public `force_locale`, `get_locale` and `get_translations` (advisor/web/prepared.py says what
else is made at start-up). A request's language is chosen once (from the URL for pages; ?lang= or Accept-Language
for the API) and kept for the rest of the request in a context variable: every `gettext`, `_l` label, template
`{{ _() }}` (Jinja's own i18n extension), amount and date then reads it directly. Amounts, rates and dates are
formatted from the Language's tables, per call, keeping nothing; tests/i18n/test_formatting.py holds them equal to
Babel's own formatting over wide ranges.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from babel import Locale
from babel import numbers as babel_numbers
from flask import Flask, current_app, g, has_request_context, request
from flask_babel import Babel, force_locale, get_locale, get_translations
from flask_babel.speaklater import LazyString

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
# What format_decimal(amount, format="#,##0.00") does, with the pattern parsed once instead of per amount.
_YUAN_PATTERN = babel_numbers.parse_pattern("#,##0.00")
_RATE_PATTERN = babel_numbers.parse_pattern("0.##")
_HUNDREDTH = Decimal("0.01")
# Babel's long date ("long" in Chinese, "d MMMM y" in English) and month ("y年M月", "MMMM y"), as format strings
# over the year, month, day and the month's name: the fields are plain numbers in both patterns.
_DATE_FORMATS = {"zh": ("{year}年{month}月{day}日", "{year}年{month}月"),
                 "en": ("{day} {name} {year}", "{name} {year}")}


@dataclass(frozen=True)
class Language:
    """What a request needs to speak its language: the code, Babel's locale and the message catalogue."""

    code: str
    locale: Locale
    translations: object = field(repr=False)
    colon: str
    full_stop: str
    month_names: tuple[str, ...] = ()  # January first, as a date writes them (Babel's MMMM)
    decimal_symbol: str = "."


# The request's Language, set at its first use in a request and cleared when the request starts and ends.
_current: ContextVar[Language | None] = ContextVar("advisor_language", default=None)


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
    # Flask-Babel picks the locale (select_locale) and loads the catalogues; the templates' {{ _() }} are bound
    # here to the request's catalogue (Jinja's i18n extension, public API) rather than to Flask-Babel's
    # per-call lookups.
    Babel(app, locale_selector=select_locale, configure_jinja=False)
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(
        gettext=lambda string: language().translations.ugettext(string),
        ngettext=lambda singular, plural, n: language().translations.ungettext(singular, plural, n),
        newstyle=True,
        pgettext=lambda context, string: language().translations.upgettext(context, string),
        npgettext=lambda context, singular, plural, n: language().translations.unpgettext(
            context, singular, plural, n),
    )
    app.before_request(_forget_language)
    app.teardown_request(_forget_language)
    with app.app_context():
        languages = {}
        for code in LANGUAGES:
            with force_locale(code):
                languages[code] = _babel_language()
    app.extensions["advisor.languages"] = languages  # made here, once: one per language, never added to
    app.jinja_env.globals.update(lang=current_language, tr=localized)
    app.jinja_env.filters.update(yuan=format_yuan, shown=format_shown, longdate=format_long_date,
                                 yearmonth=format_year_month, percent=format_rate)


def _forget_language(*_) -> None:
    _current.set(None)


def language() -> Language:
    """The request's language, resolved at its first use in the request and then kept.

    A request names its language (select_locale, always one of LANGUAGES); its Language was made when the app
    started (init_app)."""
    current = _current.get()
    if current is not None:
        return current
    if not has_request_context():
        return _babel_language()
    current = current_app.extensions["advisor.languages"][select_locale()]
    _current.set(current)
    return current


def _babel_language() -> Language:
    locale = get_locale()
    code = locale.language if locale and locale.language in LANGUAGES else DEFAULT_LANGUAGE
    locale = locale or Locale.parse(code)
    return Language(code=code, locale=locale, translations=get_translations(),
                    colon="：" if code == "zh" else ": ", full_stop="。" if code == "zh" else ".",
                    month_names=tuple(locale.months["format"]["wide"][month] for month in range(1, 13)),
                    decimal_symbol=babel_numbers.get_decimal_symbol(locale))


def current_language() -> str:
    return language().code


def gettext(string: str, **variables) -> str:
    """Flask-Babel's gettext, reading the request's catalogue directly."""
    translated = language().translations.ugettext(string)
    return translated % variables if variables else translated


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    translated = language().translations.ungettext(singular, plural, num)
    return translated % variables if variables else translated


def lazy_gettext(string: str, **variables) -> LazyString:
    """For labels and messages defined at import time: translated each time it is shown."""
    return LazyString(gettext, string, **variables)


def localized(text: Mapping[str, str] | None) -> str:
    """Pick the current language from a bilingual content text ({zh: …, en: …})."""
    if not text:
        return ""
    return text[language().code]


def format_long_date(day: date) -> str:
    """2026年11月22日 in Chinese, 22 November 2026 in English."""
    current = language()
    return _DATE_FORMATS[current.code][0].format(year=day.year, month=day.month, day=day.day,
                                                 name=current.month_names[day.month - 1])


def format_year_month(month) -> str:
    """2026年11月 / November 2026 (takes a YearMonth)."""
    current = language()
    return _DATE_FORMATS[current.code][1].format(year=month.year, month=month.month,
                                                 name=current.month_names[month.month - 1])


def format_rate(rate: Decimal) -> str:
    """0.12 → 12%, 0.0150 → 1.5%: Babel's format_decimal(rate × 100, "0.##"), which rounds the absolute value to
    the hundredth (half to even) and drops the zeros ending the fraction."""
    value = (rate if type(rate) is Decimal else Decimal(str(rate))) * 100
    current = language()
    if not value.is_finite():
        return _RATE_PATTERN.apply(value, current.locale) + "%"
    whole, _, fraction = format(abs(value).normalize().quantize(_HUNDREDTH), "f").partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if value.is_signed() else ""
    return sign + whole + (current.decimal_symbol + fraction if fraction else "") + "%"


def format_yuan(amount: Decimal) -> str:
    """¥1,234.50 in both languages (one style, tested).

    Both locales write Babel's "#,##0.00" with "," between thousands, "." before the fen and "-" for a
    negative amount, which is what Python's own ",.2f" writes for a Decimal (both round half to even): the
    equality is tested over wide ranges in both languages. Anything but a finite Decimal goes to Babel.
    """
    if type(amount) is Decimal and amount.is_finite():
        return "¥" + format(amount, ",.2f")
    return "¥" + _YUAN_PATTERN.apply(amount, language().locale)


def format_shown(shown) -> str:
    """An estimate as advisor.rules.money.as_shown rounded it: "约3,870元" / "about ¥3,870" far ahead, else
    to the fen."""
    if not shown.approximate:
        return format_yuan(shown.amount)
    whole = format(shown.amount, ",.0f")
    return gettext("about %(amount)s", amount=f"{whole}元" if language().code == "zh" else "¥" + whole)


def format_age(years: int, months: int) -> str:
    if months:
        return gettext("%(years)s years %(months)s months", years=years, months=months)
    return gettext("%(years)s years", years=years)


def format_yuan_round(amount: Decimal) -> str:
    """A policy amount as a scheme's own material writes it: 130万元 / 5000元 in Chinese, ¥1,300,000 in English.

    For scheme tables (benefit caps, fees), not for calculated results, which keep the fen (format_yuan).
    """
    amount = Decimal(amount)
    locale = language().locale
    if language().code == "en":
        return "¥" + babel_numbers.format_decimal(amount, format="#,##0.##", locale=locale)
    if amount >= 10000:
        return babel_numbers.format_decimal(amount / 10000, format="0.####", locale=locale) + "万元"
    return babel_numbers.format_decimal(amount, format="0.##", locale=locale) + "元"
