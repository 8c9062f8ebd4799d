"""每月交多少 — what will I pay? The calculator's form, result and route."""
