"""词语解释 — the words of social insurance in plain language."""
