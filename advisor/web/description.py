"""A page's description (<meta name="description">), for search results and chat link previews: the first
sentence of its answer, or of its lead for a form page, at most 120 characters in Chinese and 160 in English."""

from __future__ import annotations

import html
import re

from flask import Flask

from advisor.i18n import current_language

LIMITS = {"zh": 120, "en": 160}
# A sentence ends at a Chinese full stop, question or exclamation mark, or at an English one before a space.
SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s|$)")


def first_sentence(text: str, language: str) -> str:
    """The text's first sentence, tags dropped and spaces folded; cut at the limit, with "…", if it is longer."""
    plain = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text)))).strip()
    end = SENTENCE_END.search(plain)
    sentence = plain[:end.end()] if end else plain
    limit = LIMITS[language]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit - 1]
    if language == "en" and " " in cut:
        cut = cut.rsplit(" ", 1)[0].rstrip(",;:")
    return cut.rstrip("，、；：") + "…"


def page_description(text: str) -> str:
    return first_sentence(text, current_language())


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(page_description=page_description)
