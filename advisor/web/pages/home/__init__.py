"""首页 — the start page."""
