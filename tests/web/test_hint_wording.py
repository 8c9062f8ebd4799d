"""A hint or an error that tells a person which answer to choose names it as the form writes it: “不清楚” where the
option reads 不清楚, never “不知道” (issue 23).

Every form page of the site (tests/site_map.py), in both languages, just opened and sent empty (so its error
messages show): each sentence of a hint, an error message or the error summary that asks to choose (选, choose,
chose, answer) quotes only the labels of that form's options. Quotes in other sentences name things the person
sees elsewhere (an app, a line of the contribution record) and are left alone.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from advisor import create_app
from advisor.i18n import LANGUAGES
from tests.conftest import TODAY
from tests.site_map import form_page_urls

APP = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
FORM_PAGES = form_page_urls(APP)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CHOOSE = re.compile(r"选|\b(?:choose|chose|answer)\b", re.IGNORECASE)
QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
SENTENCE_END = re.compile(r"(?<=[。；！？:：;!?])|(?<=\.)\s")


class _Reader(HTMLParser):
    """Inside <main>: the text of each option's label (radios, checkboxes, selects) and of each hint, error
    message and error-summary entry."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, kind of text collected there, or "")
        self.in_main = False
        self.options: set[str] = set()
        self.hints: list[str] = []
        self._texts: list[list[str]] = []

    def _inside(self, kinds: tuple[str, ...]) -> bool:
        return any(kind in kinds for _, kind in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "main":
            self.in_main = True
        kind = ""
        if self.in_main and not self._inside(("option", "hint")):
            if tag == "option" or classes & {"radio__label", "checkbox__label"}:
                kind = "option"
            elif classes & {"hint", "error-message"} or (tag == "li" and self._inside(("summary",))):
                kind = "hint"
            elif "error-summary" in classes:
                kind = "summary"
        self.stack.append((tag, kind))
        if kind in ("option", "hint"):
            self._texts.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag == "main":
            self.in_main = False
        while self.stack:
            open_tag, kind = self.stack.pop()
            if kind in ("option", "hint"):
                text = re.sub(r"\s+", " ", "".join(self._texts.pop())).strip()
                (self.options.add if kind == "option" else self.hints.append)(text)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._texts and self._inside(("option", "hint")):
            self._texts[-1].append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def quoted_choices(hint: str) -> list[str]:
    """The quotes of the hint's sentences that ask the person to choose."""
    found = []
    for sentence in SENTENCE_END.split(hint):
        if CHOOSE.search(sentence):
            found.extend(a or b for a, b in QUOTED.findall(sentence))
    return found


# Answers that bring up a form's later questions, with a choice the form does not offer: their errors show too.
PAST_AGE = {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15", "hukou": "shenzhen",
            "work": "platform", "platform_qualified": "yes", "full_time_student": "no", "employer_insured": "no"}
LATER_QUESTIONS = {
    # Past the statutory age with 120 months paid: where the pension will be drawn is asked (延缴); and a woman's
    # original retirement age.
    "/zh/check": [{**PAST_AGE, "sex": "male", "contributed_months": "120", "pension_place": "elsewhere?"},
                  {**PAST_AGE, "sex": "female", "female_category": "F45"}],
    "/zh/forecast": [{"sex": "female", "female_category": "F45"}],
    "/zh/pension-at-retirement": [{"sex": "female", "female_category": "F45"}],
}


def states(url: str, lang: str) -> list[str]:
    """The page just opened, sent empty, and sent with the answers that bring up its later questions."""
    client = APP.test_client()
    address = url.replace("/zh/", f"/{lang}/", 1)
    sent = [{}, *LATER_QUESTIONS.get(url, [])]
    return [client.get(address).text, *(client.post(address, data=data).text for data in sent)]


def test_the_reader_finds_options_hints_and_quoted_choices():
    page = read("""<main><form><fieldset><p class="hint">不清楚就选“不清楚”。见“i深圳”。</p>
        <p class="error-message"><span class="visually-hidden">错误：</span>请选择“是”“否”或“不知道”。</p>
        <label class="radio__label" for="a">是</label><label class="radio__label" for="b">不清楚</label>
        <select><option value="1">一月</option></select></fieldset></form></main>""")
    assert page.options == {"是", "不清楚", "一月"}
    assert [quoted_choices(hint) for hint in page.hints] == [["不清楚"], ["是", "否", "不知道"]]
    assert quoted_choices("Only if you chose “A wage I enter”. It is on your record (“i深圳”).") == ["A wage I enter"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", FORM_PAGES)
def test_a_hint_names_the_options_as_the_form_writes_them(url, lang):
    wrong = []
    for html in states(url, lang):
        page = read(html)
        wrong += [(choice, hint) for hint in page.hints for choice in quoted_choices(hint)
                  if choice not in page.options]
    assert not wrong, f"{url} ({lang}): hints quote answers the form does not offer: {wrong}"


@pytest.mark.parametrize("url, lang, choice", [
    ("/zh/protection/injury", "zh", "不清楚"),
    ("/zh/protection/after-accident", "zh", "不清楚"),
    ("/zh/pension-at-retirement", "zh", "不清楚"),
    ("/zh/check", "zh", "不清楚"),
    ("/zh/forecast", "zh", "不清楚"),
    ("/zh/union/e-road", "zh", "不知道"),
    ("/zh/protection/injury", "en", "I don't know"),
    ("/zh/check", "en", "I don't know"),
])
def test_the_pages_of_the_issue_quote_their_own_dont_know(url, lang, choice):
    """The check above has something to check: these hints quote their "don't know" option, as it reads."""
    quoted = [quote for html in states(url, lang) for hint in read(html).hints for quote in quoted_choices(hint)]
    assert choice in quoted
