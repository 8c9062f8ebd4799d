"""Locale selection, translation and locale-aware formatting (the only place that formats dates and money).

The language is resolved once per request (from the URL for pages; ?lang= or Accept-Language for the API)
through Flask-Babel's public `get_locale` and `get_translations`, and kept for the rest of the request in a
context variable: every `gettext`, `_l` label, template `{{ _() }}`, amount and date then reads it directly,
instead of Flask-Babel looking the locale and catalogue up again through Flask's context on each call (a page
makes several hundred such calls). Amounts, rates and dates are formatted from patterns worked out once per
language; tests/i18n/test_formatting.py holds them equal to Babel's own formatting over wide ranges.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, current_app, g, has_request_context, request
from flask_babel import Babel, get_locale, get_translations
from flask_babel.speaklater import LazyString
from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
# What format_decimal(amount, format="#,##0.00") does, with the pattern parsed once instead of per amount.
_YUAN_PATTERN = babel_numbers.parse_pattern("#,##0.00")


@dataclass(frozen=True)
class Language:
    """What a request needs to speak its language: the code, Babel's locale and the message catalogue."""

    code: str
    locale: Locale
    translations: object = field(repr=False)
    colon: str
    full_stop: str


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
    app.jinja_env.globals.update(lang=current_language, tr=localized)
    app.jinja_env.filters.update(yuan=format_yuan, longdate=format_long_date, yearmonth=format_year_month,
                                 percent=format_rate)


# Template functions whose answer depends on the language only: in a language's environment, `colon()` is
# written into the compiled template as that language's text.
LANGUAGE_CONSTANTS = {
    "colon": lambda language: language.colon,
    "full_stop": lambda language: language.full_stop,
    "lang": lambda language: language.code,
}


class TranslatedAtCompileTime(Extension):
    """In a language's own Jinja environment, `{{ _("Some text") }}` (one string, nothing to fill in) is
    translated when the template is compiled, not on every render: the call becomes `("译文"|safe)`, which is
    what the call returns (Jinja's newstyle gettext: the translation, %-formatted with nothing, as markup in an
    autoescaped template). Calls with values to fill in, `{% trans %}` blocks and `_l` labels from Python are
    translated at render time as before. The same for `colon()`, `full_stop()` and `lang()`. Templates stay
    ordinary Jinja; the environments are made by `language_environment`."""

    def filter_stream(self, stream: TokenStream):
        language = getattr(self.environment, "advisor_language", None)
        if language is None or not self.environment.autoescape(stream.name):
            yield from stream
            return
        tokens = list(stream)
        position, previous, shadowed = 0, None, False
        while position < len(tokens):
            token = tokens[position]
            if token.type == "name" and token.value == "_" and (position + 1 == len(tokens)
                                                                 or tokens[position + 1].type != "lparen"):
                shadowed = True  # `_` as a variable (`{% set _ = … %}`, a loop): from here on it may not be gettext
            folded = None if shadowed or (previous is not None and previous.type == "dot") else \
                self._fold(tokens, position, language)
            if folded is None:
                yield token
                previous = token
                position += 1
                continue
            replaced, used = folded
            for kind, value in replaced:
                yield Token(token.lineno, kind, value)
            previous = tokens[position + used - 1]
            position += used

    @staticmethod
    def _fold(tokens: list[Token], position: int, language: Language) -> tuple[list[tuple[str, str]], int] | None:
        """(the tokens to write instead, how many tokens the call spans), or None if it is not one to fold."""
        token = tokens[position]
        if token.type != "name" or position + 2 >= len(tokens) or tokens[position + 1].type != "lparen":
            return None
        if token.value in LANGUAGE_CONSTANTS and tokens[position + 2].type == "rparen":
            return _markup_tokens(str(Markup.escape(LANGUAGE_CONSTANTS[token.value](language)))), 3
        if token.value != "_" or tokens[position + 2].type != "string":
            return None
        translated = language.translations.ugettext(tokens[position + 2].value)
        if tokens[position + 3].type == "rparen":
            try:
                return _markup_tokens(str(Markup(translated) % {})), 4
            except (KeyError, TypeError, ValueError):
                return None
        # _("… %(name)s …", name=value, …) → (("…译文…"|safe) % {"name": value, …}), as newstyle gettext does.
        if tokens[position + 3].type != "comma":
            return None
        replaced = [("lparen", "("), *_markup_tokens(translated), ("mod", "%"), ("lbrace", "{")]
        index, depth, expect_name = position + 4, 0, True
        while index < len(tokens):
            current = tokens[index]
            if depth == 0 and expect_name:
                if current.type == "rparen":
                    break
                if current.type != "name" or tokens[index + 1].type != "assign":
                    return None  # a positional argument, **kwargs: leave the call as it is
                replaced += [("string", current.value), ("colon", ":")]
                index += 2
                expect_name = False
                continue
            if current.type in ("lparen", "lbracket", "lbrace"):
                depth += 1
            elif current.type in ("rparen", "rbracket", "rbrace"):
                if depth == 0:
                    break
                depth -= 1
            elif current.type == "comma" and depth == 0:
                expect_name = True
            elif current.type in ("block_end", "variable_end", "eof"):
                return None
            replaced.append((current.type, current.value))
            index += 1
        else:
            return None
        replaced += [("rbrace", "}"), ("rparen", ")")]
        return replaced, index - position + 1


def _markup_tokens(text: str) -> list[tuple[str, str]]:
    """`("text"|safe)`: the text as markup, as newstyle gettext returns it in an autoescaped template."""
    return [("lparen", "("), ("string", text), ("pipe", "|"), ("name", "safe"), ("rparen", ")")]


def language_environment(app: Flask) -> Environment:
    """The app's Jinja environment for the request's language: the same loader, filters and globals (shared, so
    a global set on app.jinja_env is seen), its own compiled templates with the constant texts translated."""
    current = language()
    environments = app.extensions.setdefault("advisor.language_environments", {})
    environment = environments.get(current.code)
    if environment is None:
        environment = app.jinja_env.overlay(extensions=[TranslatedAtCompileTime], cache_size=400)
        environment.advisor_language = current
        environments[current.code] = environment
    return environment


def _forget_language(*_) -> None:
    _current.set(None)


def language() -> Language:
    """The request's language, resolved at its first use in the request and then kept.

    A request names its language (select_locale); the Language for that code is made once per app, through
    Flask-Babel (whose locale selector is select_locale, so it resolves the same code), and then reused: Flask-Babel
    would otherwise parse the locale and look the catalogue up again on each request."""
    current = _current.get()
    if current is not None:
        return current
    if not has_request_context():
        return _babel_language()
    known = current_app.extensions.setdefault("advisor.languages", {})
    current = known.get(select_locale())
    if current is None:
        current = _babel_language()
        known[current.code] = current
    _current.set(current)
    return current


def _babel_language() -> Language:
    locale = get_locale()
    code = locale.language if locale and locale.language in LANGUAGES else DEFAULT_LANGUAGE
    return Language(code=code, locale=locale, translations=get_translations(),
                    colon="：" if code == "zh" else ": ", full_stop="。" if code == "zh" else ".")


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
    return _long_date(day, language().code)


@lru_cache(maxsize=4096)
def _long_date(day: date, code: str) -> str:
    # Pages show the same few dates (today, effective dates, retirement dates): each is formatted once.
    return babel_dates.format_date(day, "d MMMM y" if code == "en" else "long", locale=code)


def format_year_month(month) -> str:
    """2026年11月 / November 2026 (takes a YearMonth)."""
    return _year_month_label(month.year, month.month, language().code)


@lru_cache(maxsize=4096)
def _year_month_label(year: int, month: int, language: str) -> str:
    # Cached: the month lists format about 60 labels per page, always the same ones.
    return babel_dates.format_date(date(year, month, 1), "MMMM y" if language == "en" else "y年M月", locale=language)


def format_rate(rate: Decimal) -> str:
    """0.12 → 12%, 0.0150 → 1.5%."""
    return _rate(str(rate), language().code)


@lru_cache(maxsize=1024)
def _rate(rate: str, code: str) -> str:
    # Keyed on the text, not the number: Decimal("0.2") and Decimal("0.20") are equal but not the same text.
    return babel_numbers.format_decimal(Decimal(rate) * 100, format="0.##", locale=code) + "%"


def format_yuan(amount: Decimal) -> str:
    """¥1,234.50 in both languages (one style, tested).

    Both locales write Babel's "#,##0.00" with "," between thousands, "." before the fen and "-" for a
    negative amount, which is what Python's own ",.2f" writes for a Decimal (both round half to even): the
    equality is tested over wide ranges in both languages. Anything but a finite Decimal goes to Babel.
    """
    if type(amount) is Decimal and amount.is_finite():
        return "¥" + format(amount, ",.2f")
    return "¥" + _YUAN_PATTERN.apply(amount, language().locale)


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
