"""退休时能领多少 — the pension at a month of the flexible-retirement window, from a known record.

Form (form.py), view (view.py) and view-model (view_model.py). The page calls
advisor.answers.pension_at_retirement, as POST /api/v1/pension-at-retirement does, so they agree.
"""

from advisor.web.pages.pension_at_retirement import view  # noqa: F401  (registers the view on the web blueprint)
