"""Dependencies go one way: rules → policy → answers → api, web → the app → serving (STYLE.md, "the shape").

Read from the code's imports (every `import` and `from … import` naming an advisor module, wherever it stands):
no module imports one of a higher layer, the API and the pages don't import each other, a page imports no other
page (what two pages share lives in advisor/web/), no import stands inside a function to dodge a circle, and
there is no circle at all. The checker is tried on a planted tree first, so a test that cannot fail fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lower layers first; a module may import its own layer or lower ones. The longest matching prefix decides.
LAYERS = (
    ("advisor.rules",),  # pure rules: standard library only (tests/rules/test_purity.py)
    ("advisor.policy",),  # content/ loaded and checked
    ("advisor.i18n", "advisor.clock"),  # words, numbers and dates in the page's language; today
    ("advisor.answers",),  # the only composition layer
    ("advisor.api", "advisor.web", "advisor.serving.startup"),  # start-up checks read what the pages need
    ("advisor", "advisor.cli"),  # create_app and `flask policy`
    ("advisor.serving",),  # make serve: gunicorn and nginx around the app
)
APART = (("advisor.api", "advisor.web"),)  # same layer, but neither imports the other


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted((root / "advisor").rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> list[tuple[str, bool]]:
    """(imported advisor module, whether the import stands inside a function or class) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, inner) for alias in child.names if alias.name.split(".")[0] == "advisor")
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(filter(None, [*package.split(".")[:len(package.split(".")) - child.level + 1],
                                                  base]))
                if base.split(".")[0] != "advisor":
                    continue
                for alias in child.names:  # `from advisor.web import external` imports a module
                    full = f"{base}.{alias.name}"
                    found.append((full if full in known else base, inner))
            visit(child, inner)

    visit(tree, False)
    return found


def layer(name: str) -> int:
    matches = [(len(prefix), index) for index, prefixes in enumerate(LAYERS) for prefix in prefixes
               if name == prefix or name.startswith(prefix + ".")]
    assert matches, f"{name} is in no layer: add it to LAYERS"
    return max(matches)[1]


def page_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[3] if parts[:3] == ["advisor", "web", "pages"] and len(parts) > 3 else None


def problems(root: Path) -> list[str]:
    found = modules(root)
    graph: dict[str, set[str]] = {}
    wrong = []
    for name, path in found.items():
        graph[name] = set()
        for target, nested in imports(name, path, set(found)):
            graph[name].add(target)
            if nested:
                wrong.append(f"{name} imports {target} inside a function")
            if layer(target) > layer(name):
                wrong.append(f"{name} imports {target}, a higher layer")
            for one, other in APART:
                for a, b in ((one, other), (other, one)):
                    if (name == a or name.startswith(a + ".")) and (target == b or target.startswith(b + ".")):
                        wrong.append(f"{name} imports {target}: {a} and {b} stay apart")
            if page_of(name) and page_of(target) and page_of(name) != page_of(target):
                wrong.append(f"{name} imports {target}, another page")
    return wrong + [f"circle: {' → '.join(circle)}" for circle in circles(graph)]


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (Tarjan), as a path that closes on itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group) + [sorted(group)[0]])

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return groups


def plant(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_checker_finds_a_planted_circle_an_upward_import_and_a_dodge(tmp_path):
    planted = plant(tmp_path, {
        "advisor/__init__.py": "",
        "advisor/answers/__init__.py": "",
        "advisor/answers/one.py": "from advisor.answers import two\n",
        "advisor/answers/two.py": "from advisor.answers.one import thing\n",
        "advisor/policy/__init__.py": "from advisor.answers.one import thing\n",
        "advisor/rules/__init__.py": "def f():\n    from advisor.rules import calendar\n",
        "advisor/rules/calendar.py": "",
        "advisor/web/__init__.py": "",
        "advisor/web/pages/__init__.py": "",
        "advisor/web/pages/a/view.py": "from advisor.web.pages.b.view import x\nfrom advisor.api import bp\n",
        "advisor/web/pages/b/view.py": "",
        "advisor/api/__init__.py": "",
    })
    assert sorted(problems(planted)) == [
        "advisor.policy imports advisor.answers.one, a higher layer",
        "advisor.rules imports advisor.rules.calendar inside a function",
        "advisor.web.pages.a.view imports advisor.api: advisor.web and advisor.api stay apart",
        "advisor.web.pages.a.view imports advisor.web.pages.b.view, another page",
        "circle: advisor.answers.one → advisor.answers.two → advisor.answers.one",
    ]


def test_dependencies_go_one_way_with_no_circle():
    assert problems(ROOT) == []
