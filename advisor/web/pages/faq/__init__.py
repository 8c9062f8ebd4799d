"""常见问题 — questions people ask, each answered from content/guides/faq.yaml."""
