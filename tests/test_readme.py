"""The pages doc is current: every page the app serves is named in docs/pages.md."""

from __future__ import annotations

import re
from pathlib import Path

from tests.site_map import page_urls

ROOT = Path(__file__).parent.parent
PAGES_DOC = ROOT / "docs" / "pages.md"


def test_the_pages_doc_names_every_page(app):
    text = PAGES_DOC.read_text(encoding="utf-8")
    listed = text[text.index("Pages (`/zh/…` default"):text.index("On a phone (built for 360×640)")]
    named = set(re.findall(r"`([a-z][a-z/-]*)`", listed)) | {""}
    pages = {url.removeprefix("/zh/").rstrip("/") for url in page_urls(app) if url.startswith("/zh/")}
    assert pages - named == set()

