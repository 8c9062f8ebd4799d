"""能参保吗 — can I enroll? The check's questions (form.py), its result (view_model.py) and the route (view.py)."""
