"""A sampled mutation score for advisor/rules/ (issue 25): small realistic mistakes put in one at a time, each
run against the quick tests; a mutant the tests pass is a mistake they would let through.

    .venv/bin/python bench/mutation.py                  # the issue's named mutants and 70 sampled ones
    .venv/bin/python bench/mutation.py --sample 20 --seed 3
    .venv/bin/python bench/mutation.py --tests tests/rules tests/cases tests/api   # a wider test set

Each mutant changes one token (a comparison, and/or, + or -, a number, True/False, `is`/`is not`) outside
docstrings and comments. The source is put back after every run, also on Ctrl-C; each mutant gets its own
file time so Python never runs a stale compiled copy. It prints every mutant with its verdict and the score.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "advisor" / "rules"
DEFAULT_TESTS = ("tests/rules", "tests/cases")
SWAPS = {
    "<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==",
    "and": "or", "or": "and", "+": "-", "-": "+", "True": "False", "False": "True", "//": "/",
}
DECLARATIONS = ("import ", "from ", "@", "def ", "class ")
# The mistakes the audit named (issue 25), found by their text, whatever line they are on now.
NAMED = (
    ("retirement.py", "return on >= self.date", "return on > self.date"),
    ("protections.py", 'if answers.place == "shenzhen" else', 'if answers.place != "outside_guangdong" else'),
    ("protections.py", "if verdict is not InjuryVerdict.NOT_COVERED or during_order is not False:",
     "if verdict is not InjuryVerdict.NOT_COVERED and during_order is not False:"),
    ("protections.py", "net = None if amount is None else max(monthly_total - amount, ZERO)",
     "net = None if amount is None else monthly_total - amount"),
    ("flexible_retirement.py", '"before_original_age" if month < window.original else',
     '"before_original_age" if month <= window.original else'),
    ("extension.py", "<= NEAR_RETIREMENT_MONTHS", "< NEAR_RETIREMENT_MONTHS"),
    ("pension_at_retirement.py",
     'def personal_account_pension(balance: Decimal, payout_months: Decimal, rounding: str = "ROUND_HALF_UP")',
     'def personal_account_pension(balance: Decimal, payout_months: Decimal, rounding: str = "ROUND_HALF_EVEN")'),
    ("pension_at_retirement.py", "personal_account_pension=personal_account_pension(record.account_balance, payout, "
     "rounding)", "personal_account_pension=personal_account_pension(record.account_balance, payout)"),
    ("money.py", r'_AMOUNT = re.compile(r"^\d{1,9}(\.\d{1,2})?$")', r'_AMOUNT = re.compile(r"^\d{1,8}(\.\d{1,2})?$")'),
    ("money.py", 'cleaned = re.sub(r"^0+(?=\\d)", "", cleaned)', "pass"),
)


@dataclass(frozen=True)
class Mutant:
    file: Path
    line: int
    before: str
    after: str
    source: str  # the whole mutated file

    def label(self) -> str:
        return f"{self.file.relative_to(ROOT)}:{self.line} {self.before.strip()!r} -> {self.after.strip()!r}"


def _docstring_lines(text: str) -> set[int]:
    """Lines of string tokens that stand alone as a statement (docstrings)."""
    lines: set[int] = set()
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                                                          tokenize.NL):
            lines.update(range(token.start[0], token.end[0] + 1))
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type
    return lines


def candidates(path: Path) -> list[Mutant]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    skip = _docstring_lines(text)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        row, col = token.start
        if row > len(lines) or row in skip or lines[row - 1].lstrip().startswith(DECLARATIONS):
            continue
        if token.type == tokenize.OP and token.string in SWAPS or token.type == tokenize.NAME and token.string in (
                "and", "or", "True", "False"):
            replacement = SWAPS[token.string]
        elif token.type == tokenize.NUMBER and token.string.isdigit():
            replacement = str(int(token.string) + 1)
        elif token.type == tokenize.NAME and token.string == "is" and lines[row - 1][token.end[1]:].startswith(
                " not "):
            line = lines[row - 1]
            mutated = line[:col] + "is" + line[token.end[1] + 4:]
            found.append(Mutant(path, row, line, mutated, "".join(lines[:row - 1] + [mutated] + lines[row:])))
            continue
        else:
            continue
        line = lines[row - 1]
        mutated = line[:col] + replacement + line[token.end[1]:]
        found.append(Mutant(path, row, line, mutated, "".join(lines[:row - 1] + [mutated] + lines[row:])))
    return found


def named() -> list[Mutant]:
    found = []
    for name, before, after in NAMED:
        path = RULES / name
        text = path.read_text(encoding="utf-8")
        if text.count(before) != 1:
            raise SystemExit(f"named mutant not found once in {name}: {before!r}")
        line = text[:text.index(before)].count("\n") + 1
        found.append(Mutant(path, line, before, after, text.replace(before, after)))
    return found


def run(mutant: Mutant, tests: list[str], stamp: int) -> str | None:
    """The first failing test (the mutant is killed), or None. The file is always put back."""
    original = mutant.file.read_text(encoding="utf-8")
    times = mutant.file.stat()
    try:
        mutant.file.write_text(mutant.source, encoding="utf-8")
        os.utime(mutant.file, (times.st_atime, times.st_mtime + 1000 + stamp))  # never a stale .pyc
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                                 "-m", "not browser and not slow", *tests],
                                cwd=ROOT, capture_output=True, text=True, timeout=300)
        if result.returncode == 0:
            return None
        failed = [line.split()[1] for line in result.stdout.splitlines() if line.startswith(("FAILED ", "ERROR "))]
        return failed[0] if failed else f"pytest exit {result.returncode}"
    except subprocess.TimeoutExpired:
        return "timeout"  # a mutant that hangs the tests is caught too
    finally:
        mutant.file.write_text(original, encoding="utf-8")
        os.utime(mutant.file, (times.st_atime, times.st_mtime))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=70, help="sampled mutants besides the named ones")
    parser.add_argument("--seed", type=int, default=25)
    parser.add_argument("--tests", nargs="+", default=list(DEFAULT_TESTS))
    parser.add_argument("--named-only", action="store_true")
    options = parser.parse_args()
    pool = [m for path in sorted(RULES.glob("*.py")) for m in candidates(path)]
    sampled = [] if options.named_only else random.Random(options.seed).sample(pool, min(options.sample, len(pool)))
    mutants = named() + sampled
    killed, survived = 0, []
    started = time.monotonic()
    for i, mutant in enumerate(mutants):
        by = run(mutant, options.tests, i)
        killed += by is not None
        if by is None:
            survived.append(mutant)
        print(f"{'killed  ' if by else 'SURVIVED'} {mutant.label()}" + (f"\n         by {by}" if by else ""),
              flush=True)
    print(f"\n{killed}/{len(mutants)} killed ({100 * killed / len(mutants):.1f}%) by {' '.join(options.tests)} "
          f"in {time.monotonic() - started:.0f} s; {len(pool)} candidate mutants in advisor/rules/")
    for mutant in survived:
        print(f"  survived: {mutant.label()}")


if __name__ == "__main__":
    main()
