"""The rules core imports no web framework and never reads the clock."""

import ast
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "advisor" / "rules"
BANNED = {"flask", "flask_babel", "flask_wtf", "flask_htmx", "wtforms", "jinja2", "babel", "werkzeug", "yaml"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    names |= {node.module.split(".")[0] for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    return names


def test_rules_core_imports_no_web_framework_or_io_library():
    files = list(RULES.rglob("*.py"))
    assert len(files) >= 7
    for path in files:
        assert not imported_modules(path) & BANNED, path.name


def test_rules_core_never_asks_for_today():
    for path in RULES.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "date.today" not in text and "datetime.now" not in text, path.name
