"""Generated inputs shared by the property tests, and the count of inputs sent per run.

`make test` sends at least 10,000 generated inputs to the site (forms in both modes, every API
operation, schemathesis); the count is printed at the end of the run ("generated inputs: …").
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date

from hypothesis import strategies as st

SENT: Counter[str] = Counter()

# One "9" in every decimal digit script Unicode knows (Arabic-Indic, Devanagari, Thai, full-width, …).
DIGIT_SCRIPTS = sorted({chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Nd"})
SIGNS = ["", "", "+", "-", "−", "＋", "－", "--", "+-"]

# The API accepts dates in this range (advisor/api/validation.py); generated dates go a little beyond it.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
ANY_DATE = st.one_of(st.dates(), st.dates(min_value=date(1899, 12, 1), max_value=date(2101, 1, 31)),
                     st.sampled_from([EARLIEST, LATEST, date(9937, 1, 1), date(9942, 1, 1), date(9999, 12, 31),
                                      date(1, 1, 1)]))


def _in_script(text: str, script: int) -> str:
    """The ASCII digits of text written in one digit script (the ones Unicode numbers 0–9 in a block)."""
    zero = ord(DIGIT_SCRIPTS[script]) - unicodedata.digit(DIGIT_SCRIPTS[script])
    if all(unicodedata.digit(chr(zero + d), None) == d for d in range(10)):
        return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)
    return text


def _number(sign: str, zeros: int, whole: int, fraction: str | None) -> str:
    return f"{sign}{'0' * zeros}{whole}" + (f".{fraction}" if fraction is not None else "")


# Numbers as people (and attackers) type them: signs, leading zeros, fractions, any digit script, separators.
NUMBER = st.builds(
    _number, st.sampled_from(SIGNS), st.integers(0, 12),
    st.one_of(st.integers(0, 99_999), st.integers(0, 10**15)),
    st.one_of(st.none(), st.text(alphabet="0123456789", min_size=0, max_size=4)))
NUMBER_TEXT = st.one_of(
    NUMBER,
    st.builds(_in_script, NUMBER, st.integers(0, len(DIGIT_SCRIPTS) - 1)),
    st.text(alphabet=st.sampled_from(DIGIT_SCRIPTS + list(".,-+ ¥元e")), min_size=1, max_size=14),
    NUMBER.map(lambda text: text[:1] + "," + text[1:] if len(text) > 1 else text),
)
# Date parts typed into boxes: the whole range and beyond, zero-padded or not, in any digit script.
YEAR = st.one_of(st.integers(0, 10_000).map(str), ANY_DATE.map(lambda d: f"{d.year:04d}"),
                 st.builds(_in_script, st.integers(1800, 2200).map(str), st.integers(0, len(DIGIT_SCRIPTS) - 1)))
MONTH = st.one_of(st.integers(-1, 14).map(str), st.integers(0, 13).map("{:02d}".format), NUMBER_TEXT)
DAY = st.one_of(st.integers(-1, 33).map(str), st.integers(0, 32).map("{:03d}".format), NUMBER_TEXT)
