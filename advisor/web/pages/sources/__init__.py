"""来源 — every document the site relies on, how sure each is, what it supports, and the research notes (issue 24)."""
