"""Every page state renders byte for byte as recorded in tests/goldens/pages.json.xz.

The golden file holds ~1,000 states (bench/render_states.py: every page in both languages, forms posted with
valid and wrong answers, full page, htmx fragment and history restore, public and kiosk, every API operation),
so a change to *how* pages are rendered (caching, precomputed formatting, the i18n set-up) that changes a byte
fails here. After a deliberate change to what a page says, regenerate it with `make goldens` and read the diff
(`python bench/render_states.py write DIR` before and after, then `diff -r`).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GOLDEN = ROOT / "tests" / "goldens" / "pages.json.xz"


def load_tool():
    spec = importlib.util.spec_from_file_location("render_states", ROOT / "bench" / "render_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_state_renders_byte_for_byte_as_the_golden_file():
    tool = load_tool()
    expected = tool.read_golden(GOLDEN)
    rendered = tool.render_all()
    different = tool.compare(expected, rendered)
    assert len(expected) > 900
    assert different == [], (f"{len(different)} of {len(expected)} states differ from {GOLDEN.name} (first: "
                             f"{different[:5]}); if the change is deliberate, run `make goldens` and review the diff")
