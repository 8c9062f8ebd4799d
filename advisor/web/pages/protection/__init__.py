"""新职伤和出事以后 — occupational-injury cover for platform work, and the checklist after an accident."""
