"""The composition layer for new answers: content/ + rules → what the site says (no web framework)."""
