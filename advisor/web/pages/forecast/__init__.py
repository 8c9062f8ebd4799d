"""能领多少 — what will I get? The forecast's form (form.py), result (view_model.py, chart.py) and route (view.py)."""
