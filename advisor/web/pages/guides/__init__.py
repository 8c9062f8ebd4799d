"""停保、离开深圳、职工和居民保险 — the guides, one view model for each content/guides/<name>.yaml."""
