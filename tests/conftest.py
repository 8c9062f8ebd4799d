"""Shared fixtures: a fresh app per test (flaskr style), its client, and the loaded content.

content/ is read once per session: every app the `app` fixture makes is handed that loaded (and never changed)
Content instead of parsing the 61 files again. Tests of broken content load their own copy from disk (`broken`,
`assert_refused`)."""

from __future__ import annotations

import decimal
import shutil
from datetime import date
from pathlib import Path

import jinja2
import pytest
import yaml

from advisor import create_app
from advisor.policy import ContentError, load_content

# The helper modules' own asserts explain a failure as pytest explains a test's.
pytest.register_assert_rewrite("tests.api.calls", "tests.web.pages")

TESTS = Path(__file__).parent
CONTENT_DIR = TESTS.parent / "content"
TODAY = "2026-11-22"  # the fixed "today" of the test suite (ADVISOR_TODAY)
# The research folder beside the clone (../shared: seeds and dossiers) that quote checks compare content with.
SHARED = TESTS.parent.parent / "shared"


@pytest.fixture(autouse=True)
def trap_floats():
    """Any float mixed into Decimal money raises (decimal.FloatOperation)."""
    context = decimal.getcontext()
    context.traps[decimal.FloatOperation] = True
    yield
    context.traps[decimal.FloatOperation] = False


class CompiledOnce(jinja2.BytecodeCache):
    """Each template compiled once per test session instead of once per app (compiling took most of a page test's
    time). The compiled code depends on the template's name and source alone (Jinja's own key and checksum): every
    app compiles the same templates the same way. Only the `app` fixture's apps use it."""

    def __init__(self) -> None:
        self.codes: dict = {}

    def load_bytecode(self, bucket) -> None:
        bucket.code = self.codes.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket) -> None:
        self.codes[bucket.key, bucket.checksum] = bucket.code


COMPILED = CompiledOnce()


@pytest.fixture
def app(content):
    app = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, "CONTENT": content})
    app.jinja_env.bytecode_cache = COMPILED
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def content():
    return load_content()


def shared_file(relative: str) -> Path:
    """A file or folder of ../shared, or a skip saying it is not there: a clone on its own still passes."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in {SHARED} (the research folder beside the clone, not part of it)")
    return path


def load_cases(name: str) -> list[dict]:
    """Table-driven cases from tests/cases/<name>.yaml (dates stay strings)."""
    with open(TESTS / "cases" / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.BaseLoader)


def as_date(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture
def broken(tmp_path):
    """A copy of content/ to break one file at a time."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def edit(folder: Path, relative: str, old: str, new: str) -> None:
    """Replace `old` by `new` once in a content file of the copy (failing if `old` is not there)."""
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_refused(folder: Path, relative: str, old: str, new: str, field: str, problem: str) -> None:
    """After one edit to a content file, loading stops with that file, that field and that problem named."""
    edit(folder, relative, old, new)
    with pytest.raises(ContentError) as error:
        load_content(folder)
    assert error.value.file == f"content/{relative}"
    assert error.value.field == field
    assert problem in error.value.problem


def pytest_sessionfinish(session):
    """Under pytest-xdist (make test), each worker hands its count of generated inputs to the controller."""
    from tests.generated import SENT

    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["generated inputs"] = dict(SENT)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    from tests.generated import SENT

    SENT.update(getattr(node, "workeroutput", {}).get("generated inputs", {}))


def pytest_terminal_summary(terminalreporter):
    """How many generated inputs the property tests sent this run (tests/generated.py)."""
    from tests.generated import SENT

    if SENT:
        parts = ", ".join(f"{kind} {count:,}" for kind, count in sorted(SENT.items()))
        terminalreporter.write_line(f"generated inputs: {sum(SENT.values()):,} ({parts})")
