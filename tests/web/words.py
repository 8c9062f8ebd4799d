"""What a reader sees of a page's words, and the words that do not belong there (tests/web/test_words.py).

Chinese pages: no raw web address, no Latin-letter word but a few allowed ones, no ASCII `: ? . , ( ) /` in a
Chinese sentence. English pages: no Chinese but a gloss in brackets beside its English, a quoted screen label
followed by its English, a document title in 《…》, or the language switch. Both skip the page's sources
section (`.sources-trail`), where the full citations are listed as they are published.
"""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser

# Elements whose words are not read as running text.
MARKED_CHINESE = "zh"  # an element with lang="zh-CN": Chinese as printed on a screen or form, its English beside it
SKIPPED_TAGS = frozenset({"script", "style", "svg", "template"})
# The sources section (full citations, as published), and the language switch (the other language's own name).
SKIPPED_CLASSES = frozenset({"sources-trail", "language-switch"})
# Words quoted as printed (a form's labels): their punctuation is the form's, like a <blockquote>'s.
AS_PRINTED = "as-printed"
# Where a web address is the answer (the address of the website to open), not a citation.
ADDRESS_CLASSES = frozenset({"channel__address", "address-to-open"})  # the handout's and slides' too
# The sources' own places (templates/macros/sources.html, the /sources page): the one short line naming a
# document as published ("依据：…" / "Based on: …"), and the sources page's list of every source with its
# research notes, for staff. Citations are read there as published, in their own language.
# Older source lines still on a few pages (outreach, the check's notices) are read as such until they move.
SOURCE_LINES = frozenset({"source-line", "source-entries", "source", "guide-source", "slide__source"})
BOUNDARY = "\x00"  # where a tag stood: a space to a reader, but not a space typed between two words
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Attributes a reader meets too: what a screen reader announces, and a link preview's description.
READ_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")


class _Reader(HTMLParser):
    """The page's text and read attributes, with the skipped parts left out; quotations (<blockquote>)
    are marked so punctuation checks can leave official wording as printed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.quoted: list[str] = []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, quoted)
        self.skip_marked = False  # on an English page: leave out elements marked lang="zh-CN"
        self.skip_addresses = False  # leave out the addresses a page gives to open

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def quoting(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skipped = self.skipping or tag in SKIPPED_TAGS or bool(classes & (SKIPPED_CLASSES | SOURCE_LINES)) or (
            self.skip_addresses and bool(classes & ADDRESS_CLASSES)) or (
            self.skip_marked and (attributes.get("lang") or "").startswith(MARKED_CHINESE))
        quoted = self.quoting or tag == "blockquote" or AS_PRINTED in classes
        if not skipped:
            for name in READ_ATTRIBUTES:
                if attributes.get(name):
                    self._add(attributes[name])
            if tag == "meta" and attributes.get("name") == "description":
                self._add(attributes.get("content") or "")
        if tag not in VOID:
            self.stack.append((tag, skipped, quoted))
        self.parts.append(BOUNDARY)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        self.parts.append(BOUNDARY)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._add(data)

    def _add(self, text: str) -> None:
        (self.quoted if self.quoting else self.parts).append(text)


def read(page: str, skip_marked_chinese: bool = False, skip_addresses: bool = False) -> tuple[str, str]:
    """(running text, quoted text) of a page as a reader meets them; tags stand as BOUNDARY."""
    reader = _Reader()
    reader.skip_marked = skip_marked_chinese
    reader.skip_addresses = skip_addresses
    reader.feed(page)
    reader.close()

    def fold(parts: list[str]) -> str:
        return re.sub(r"[^\S\x00]+", " ", html_module.unescape(BOUNDARY.join(parts))).strip()

    return fold(reader.parts), fold(reader.quoted)


def spaced(text: str) -> str:
    """The text as read: where a tag stood, a space."""
    return re.sub(r"\s+", " ", text.replace(BOUNDARY, " ")).strip()


def around(text: str, match: re.Match, width: int = 18) -> str:
    return re.sub(r"\s+", " ", text[max(0, match.start() - width):match.end() + width].replace(BOUNDARY, " ")).strip()


# --- Chinese pages ---------------------------------------------------------------------------------------

HAN = "\u3400-\u9fff"
CJK = f"{HAN}\u3000-\u303f\uff00-\uffef“”‘’…—"
URL = re.compile(r"https?://\S+|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|org|net|gov|hk)\b", re.I)
# Latin words a Chinese reader meets as they are written in Chinese: names that are spelled so, the letters on a
# keyboard's keys, and file kinds. Nothing else: a category, a code or a developer's word is said in Chinese.
ALLOWED_LATIN = frozenset({
    "App", "APP",  # what people call a phone app in Chinese (广东人社App)
    "E",  # E路守护, the Shenzhen union's scheme, is written so
    "i",  # i深圳, the Shenzhen government's app
    "AED",  # the defibrillator, labelled so on the device (the union's first-aid training)
    "A", "B", "C", "D",  # a quiz option's letter
    "A4",  # the paper size people print on
    "Page", "Up", "Down", "Ctrl", "P", "F",  # keys, as printed on the keyboard (slides and quiz, for staff)
    "CSV", "Excel",  # the membership table's file, and the program staff open it with
})
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
# ASCII punctuation next to a Chinese character: "金:", "的?", "险.", "记/居", "(F55)", "不知道 / 不确定".
# A number's own marks are left alone (¥4,775.00, 2.9%, 1/2), and so is a quiz option's "A.".
# Brackets and slashes of arithmetic ("（(11293 ÷ 9774)^(1/5) − 1）") stand beside numbers and are left alone.
MIXED = re.compile(
    rf"[{CJK}]\s*[:?,.](?![0-9])"
    rf"|(?<![0-9])(?<!\b[A-Z])[:?,.]\s*[{CJK}]"
    rf"|[{CJK}]\s*(?:\((?![0-9])|\)|/(?![0-9]))|(?:\(|(?<![0-9])\)|(?<![0-9])/)\s*[{CJK}]"
)
# A space between a number and the Chinese word after it: "6 秒", "5 号" (Chinese writes 6秒, 5号).
# A phone number before a label (0755-83288836-1 工作时间) is not a number with its unit.
SPACED_NUMBER = re.compile(rf"(?<![A-Za-z¥%.\d-])[0-9]{{1,4}}(?:[.,][0-9]+)? [{HAN}]")
TITLE = re.compile(r"《[^》]*》")
QUOTED = re.compile(r"“[^”]*”")  # a name quoted as printed ("03 参保险种及对象") keeps its own spacing


def zh_problems(page: str) -> list[str]:
    found = [f"web address: {m.group()}"
             for part in read(page, skip_addresses=True) for m in URL.finditer(spaced(part))]
    typed, _quoted = read(page)
    plain = URL.sub(" ", spaced(typed))
    named = QUOTED.sub(" ", plain)  # a name quoted as printed (“1+11+N”服务阵地) keeps its letters
    found += [f"Latin word: {around(named, m)}" for m in LATIN_WORD.finditer(named) if m.group() not in ALLOWED_LATIN]
    untitled = TITLE.sub(" ", plain)  # a document's title keeps its own punctuation (《…登记/变更申请表》)
    found += [f"ASCII punctuation: {around(untitled, m)}" for m in MIXED.finditer(untitled)]
    unquoted = QUOTED.sub(" ", URL.sub(" ", typed))
    found += [f"space by a number: {around(unquoted, m)}" for m in SPACED_NUMBER.finditer(unquoted)]
    return found


# --- English pages ---------------------------------------------------------------------------------------

# Where Chinese may stand on an English page: a gloss in brackets after its English ("pay on past retirement
# age (延缴)"); a quoted screen label followed by its English in brackets ("“个缴人员停保” (stop individual
# contributions)"); a document's title in 《…》; an element marked lang="zh-CN" (a form's labels as printed, with
# their meaning beside them); and a name the page has glossed so once, said again ("E路守护" after "the
# E-Road Guardian cover (E路守护)").
GLOSS = re.compile(r"[A-Za-z0-9.,%’'\"”\]\-]\s*\(([^()]*)\)")  # English, then (…)
# “label” (its English), or a name with its English after it: 深工 (the Shenzhen union's app)
LABEL = re.compile(rf"[“\"]([^“”\"]*[{HAN}][^“”\"]*)[”\"]\s*\([^()]*[A-Za-z][^()]*\)"
                   rf"|([{HAN}][{HAN}0-9]*)\s*\([^()]*[A-Za-z][^()]*\)")
DOCUMENT_NUMBER = re.compile(rf"[{HAN}]+〔[0-9]{{4}}〕[0-9]+号")  # 粤人社规〔2026〕14号: a document's name
CHINESE = re.compile(f"[{HAN}][{HAN}0-9〔〕“”·]*")


def en_problems(page: str) -> list[str]:
    typed, quoted = read(page, skip_marked_chinese=True)
    texts = [spaced(typed), spaced(quoted)]
    glossed = set()
    for text in texts:
        for pattern in (GLOSS, LABEL):
            glossed.update(run for m in pattern.finditer(text) for group in m.groups() if group
                           for run in CHINESE.findall(group))
    found = []
    for text in texts:
        rest = text
        for pattern in (TITLE, DOCUMENT_NUMBER, GLOSS, LABEL):
            rest = pattern.sub(lambda m: " " * len(m.group()), rest)
        found += [f"Chinese without its English: {around(text, m, 30)}" for m in CHINESE.finditer(rest)
                  if m.group() not in glossed]
    return found
