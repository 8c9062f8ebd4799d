"""怎么办理 — where do I register? The channels that suit the person, with what to bring."""
