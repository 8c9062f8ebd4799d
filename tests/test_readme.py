"""The README and docs/ stay current: the pages doc names every page the app serves, and every link
between the README and docs/ leads to a file (and heading) that exists."""

from __future__ import annotations

import re
from pathlib import Path

from tests.site_map import page_urls

ROOT = Path(__file__).parent.parent
PAGES_DOC = ROOT / "docs" / "pages.md"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_the_pages_doc_names_every_page(app):
    text = PAGES_DOC.read_text(encoding="utf-8")
    listed = text[text.index("Pages (`/zh/…` default"):text.index("On a phone (built for 360×640)")]
    named = set(re.findall(r"`([a-z][a-z/-]*)`", listed)) | {""}
    pages = {url.removeprefix("/zh/").rstrip("/") for url in page_urls(app) if url.startswith("/zh/")}
    assert pages - named == set()


def _headings(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings (enough for the plain headings used here)."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    titles = re.findall(r"^#+\s+(.*?)\s*$", text, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-") for title in titles}


def test_every_link_between_the_docs_leads_somewhere():
    broken = []
    for doc in DOCS:
        for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            linked = (doc.parent / file).resolve() if file else doc
            if not linked.exists() or (anchor and anchor not in _headings(linked)):
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert broken == []


def test_every_file_the_docs_name_exists():
    """A path in `code` that starts at a top-level folder names a file or folder that exists (a code
    move that leaves the docs behind fails here, naming the path)."""
    top = "advisor|bench|content|deploy|docs|static|templates|tests"
    missing = []
    for doc in DOCS:
        text = re.sub(r"```.*?```", "", doc.read_text(encoding="utf-8"), flags=re.DOTALL)
        for path in re.findall(rf"`((?:{top})/[\w./-]*)`", text):
            if not (ROOT / path).exists():
                missing.append(f"{doc.relative_to(ROOT)}: {path}")
    assert missing == []
