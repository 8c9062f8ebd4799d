"""Outreach material in content/outreach/ (quiz, membership-drive table): loaded and checked at start-up.

content.py checks the texts of every file (both languages, known sources) as it does for
content/rules/; this module checks what the outreach pages rely on: each quiz question has options
lettered in order and either a correct letter or the status "to_confirm", references to the union
scheme's quiz and to rules point at entries that exist, and the progress table has its groups and
the form's columns.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from advisor.policy.content import Content
from advisor.policy.errors import ContentError
from advisor.policy.schemes import QUIZ_STATUSES

OUTREACH_FILES = ("quiz", "membership_drive")
MEMBERSHIP_COLUMNS = ("surveyed", "target", "joined", "rate", "entered")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_OWN_FIELDS = ("question", "options", "status", "explanation", "source")
# Where `quote_from` may point: eligibility.<rule id> or e_road.<claim condition id>.
QUOTE_PLACES = ("eligibility", "e_road")


def option_letter(index: int) -> str:
    return string.ascii_uppercase[index]


def _file(stem: str) -> str:
    return f"content/outreach/{stem}.yaml"


def _fail(stem: str, where: str, problem: str) -> None:
    raise ContentError(_file(stem), where, problem)


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"zh", "en"}


def _check_options(options: Any, where: str, stem: str = "quiz") -> None:
    if not isinstance(options, list) or len(options) < 2:
        _fail(stem, f"{where}.options", "needs at least two options")
    if len(options) > len(string.ascii_uppercase):
        _fail(stem, f"{where}.options", "has more options than letters")
    for i, option in enumerate(options):
        text = option.get("quote", option) if isinstance(option, dict) else None
        if not _is_text(text):
            _fail(stem, f"{where}.options[{i}]", "needs a text in 'zh' and 'en'")
        for lang in ("zh", "en"):
            if not text[lang].lstrip().startswith(option_letter(i)):
                _fail(stem, f"{where}.options[{i}].{lang}", f"must start with its letter {option_letter(i)}")


def _check_correct(question: Mapping[str, Any], status: str, options: list, where: str) -> None:
    correct = question.get("correct")
    if status == "to_confirm":
        if correct is not None:
            _fail("quiz", f"{where}.correct", "a question whose answer is to be confirmed has no correct option")
        return
    letters = [option_letter(i) for i in range(len(options))]
    if correct not in letters:
        _fail("quiz", f"{where}.correct", f"must be one of the option letters {', '.join(letters)}")


def _check_quote_from(reference: Any, where: str, content: Content) -> None:
    place, _, key = str(reference).partition(".")
    if place == "eligibility":
        found = key in content.texts["eligibility"]
    elif place == "e_road":
        found = any(c.get("id") == key for c in content.schemes["e_road"]["conditions"])
    else:
        found = False
    if not found:
        _fail("quiz", f"{where}.quote_from",
              f"{reference!r} is not a rule: use eligibility.<rule id> or e_road.<claim condition id>")


def _check_question(question: Any, where: str, content: Content, seen: set[str]) -> None:
    if not isinstance(question, dict):
        _fail("quiz", where, "must be a mapping")
    question_id = question.get("id")
    if not isinstance(question_id, str) or not _ID.match(question_id):
        _fail("quiz", f"{where}.id", "needs an id in lower_case_with_underscores")
    if question_id in seen:
        _fail("quiz", f"{where}.id", f"{question_id!r} is used twice")
    seen.add(question_id)
    if "scheme_quiz" in question:
        recorded = {q.get("id"): q for q in content.schemes["e_road"].get("quiz", [])}
        if question["scheme_quiz"] not in recorded:
            _fail("quiz", f"{where}.scheme_quiz",
                  f"{question['scheme_quiz']!r} is not in the quiz of content/schemes/e_road.yaml")
        own = [name for name in _OWN_FIELDS if name in question]
        if own:
            _fail("quiz", f"{where}.{own[0]}", "comes from content/schemes/e_road.yaml with scheme_quiz; remove it")
        scheme_question = recorded[question["scheme_quiz"]]
        _check_options(scheme_question["options"], f"{where} (scheme_quiz)")
        _check_correct(question, scheme_question["status"], scheme_question["options"], where)
    else:
        for name in ("question", "explanation"):
            if not _is_text(question.get(name)):
                _fail("quiz", f"{where}.{name}", "needs a text in 'zh' and 'en'")
        _check_options(question.get("options"), where)
        if question.get("status") not in QUIZ_STATUSES:
            _fail("quiz", f"{where}.status", f"must be one of {', '.join(QUIZ_STATUSES)}")
        if "source" not in question:
            _fail("quiz", f"{where}.source", "is required (a key in content/sources.yaml)")
        _check_correct(question, question["status"], question["options"], where)
        if question["status"] == "to_confirm" and not _is_text(question.get("say")):
            _fail("quiz", f"{where}.say", "an open question needs what the presenter can say, in 'zh' and 'en'")
    if "quote_from" in question:
        _check_quote_from(question["quote_from"], where, content)


def _check_quiz(raw: Mapping[str, Any], content: Content) -> None:
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        _fail("quiz", "questions", "needs at least one question")
    seen: set[str] = set()
    for i, question in enumerate(questions):
        _check_question(question, f"questions[{i}]", content, seen)


def _check_membership(raw: Mapping[str, Any]) -> None:
    stem = "membership_drive"
    if "source" not in raw:
        _fail(stem, "source", "is required (a key in content/sources.yaml)")
    groups = raw.get("groups")
    if not isinstance(groups, list) or not groups:
        _fail(stem, "groups", "needs at least one group")
    ids = [group.get("id") if isinstance(group, dict) else None for group in groups]
    for i, group_id in enumerate(ids):
        if not isinstance(group_id, str) or not _ID.match(group_id) or ids.count(group_id) > 1:
            _fail(stem, f"groups[{i}].id", "needs a unique id in lower_case_with_underscores")
        if not _is_text(groups[i].get("name")):
            _fail(stem, f"groups[{i}].name", "needs a text in 'zh' and 'en'")
    columns = raw.get("columns")
    if not isinstance(columns, dict) or tuple(columns) != MEMBERSHIP_COLUMNS:
        _fail(stem, "columns", f"must name the form's columns, in order: {', '.join(MEMBERSHIP_COLUMNS)}")
    for name in ("title", "group_heading", "total"):
        if not _is_text(raw.get(name)):
            _fail(stem, name, "needs a text in 'zh' and 'en'")
    notes = raw.get("notes")
    if not isinstance(notes, list) or not all(isinstance(n, dict) and _is_text(n.get("quote")) for n in notes):
        _fail(stem, "notes", "needs notes, each with a quote in 'zh' and 'en'")


def check_outreach(content: Content) -> None:
    """Raise ContentError naming the file and field when outreach material lacks what its page shows."""
    _check_quiz(content.texts["quiz"], content)
    _check_membership(content.texts["membership_drive"])
