"""Time of a request in-process (Flask test client, no server), page by page, to compare two versions side by side.

    python bench/in_process.py [ROOT] [--rounds N]       ms per request (median of N rounds) for each case, as JSON
    python bench/in_process.py compare OLD_ROOT NEW_ROOT  both versions, alternately, in fresh processes: the ratios

ROOT is a checkout of the project (default: this one); its advisor package is imported. Times are the process's
CPU time (less disturbed by other work on a shared machine than the clock), after a warm-up, so what is worked out
at the first request (compiled templates) is not counted; `compare` keeps each case's best of five runs.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"
HTMX = {"HX-Request": "true"}
CALCULATE = {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical", "unemployment"],
             "month": "2026-11"}
CHECK = {"birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31", "sex": "male",
         "hukou": "other_province", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
         "full_time_student": "no", "employer_insured": "no", "insured_before": "no"}
FORECAST = {"birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15", "sex": "male",
            "paid_years": "10", "paid_months": "0", "balance": "50000", "base": "avg100", "wage_growth": "0",
            "interest": "0"}
FORECAST_TYPED = {"birth_date-year": "1972", "birth_date-month": "1", "birth_date-day": "10", "sex": "female",
                  "female_category": "unknown", "paid_years": "12", "paid_months": "6", "base": "wage",
                  "wage": "3000", "wage_growth": "2.9", "interest": "1.5"}
REGISTER = {"hukou": "other_province"}

CASES = [
    ("GET /zh/", "GET", "/zh/", None, {}),
    ("GET /zh/faq", "GET", "/zh/faq", None, {}),
    ("GET /zh/register", "GET", "/zh/register", None, {}),
    ("GET /zh/check", "GET", "/zh/check", None, {}),
    ("GET /zh/forecast", "GET", "/zh/forecast", None, {}),
    ("GET /zh/calculate", "GET", "/zh/calculate", None, {}),
    ("POST /zh/calculate", "POST", "/zh/calculate", CALCULATE, {}),
    ("POST /zh/calculate htmx", "POST", "/zh/calculate", CALCULATE, HTMX),
    ("POST /zh/check", "POST", "/zh/check", CHECK, {}),
    ("POST /zh/check htmx", "POST", "/zh/check", CHECK, HTMX),
    ("POST /zh/forecast", "POST", "/zh/forecast", FORECAST, {}),
    ("POST /zh/forecast htmx", "POST", "/zh/forecast", FORECAST, HTMX),
    ("POST /zh/forecast typed", "POST", "/zh/forecast", FORECAST_TYPED, {}),
    ("POST /zh/forecast typed htmx", "POST", "/zh/forecast", FORECAST_TYPED, HTMX),
    ("POST /zh/register", "POST", "/zh/register", REGISTER, {}),
    ("POST /zh/register htmx", "POST", "/zh/register", REGISTER, HTMX),
    ("POST /en/forecast", "POST", "/en/forecast", FORECAST, {}),
]


def measure(root: Path, rounds: int, per_round: int = 15) -> dict[str, float]:
    sys.path.insert(0, str(root))
    from advisor import create_app

    app = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
    client = app.test_client()
    gc.collect()
    gc.freeze()  # as the gunicorn master does once the app is loaded (advisor/serving/gunicorn_conf.py)

    def send(method, url, body, headers):
        response = client.open(url, method=method, data=body, headers=headers)
        assert response.status_code == 200, (url, response.status_code)

    for _name, *request in CASES:  # warm-up
        for _ in range(3):
            send(*request)
    found: dict[str, list[float]] = {name: [] for name, *_ in CASES}
    for _ in range(rounds):
        for name, *request in CASES:
            start = time.process_time()
            for _ in range(per_round):
                send(*request)
            found[name].append((time.process_time() - start) / per_round * 1000)
    return {name: statistics.median(times) for name, times in found.items()}


def compare(old: Path, new: Path, runs: int = 5) -> None:
    results: dict[str, list[dict]] = {"old": [], "new": []}
    for _ in range(runs):
        for label, root in (("old", old), ("new", new)):
            output = subprocess.run([sys.executable, __file__, str(root), "--rounds", "5"], check=True,
                                    capture_output=True, text=True, cwd=root).stdout
            results[label].append(json.loads(output))
    print(f"{'case':32} {'before ms':>10} {'after ms':>10} {'after/before':>13}")
    for name, *_ in CASES:
        before = min(run[name] for run in results["old"])
        after = min(run[name] for run in results["new"])
        print(f"{name:32} {before:10.2f} {after:10.2f} {after / before:13.2f}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["compare"]:
        compare(Path(arguments[1]).resolve(), Path(arguments[2]).resolve())
    else:
        rounds = int(arguments[arguments.index("--rounds") + 1]) if "--rounds" in arguments else 5
        roots = [argument for argument in arguments if not argument.startswith("--") and not argument.isdigit()]
        print(json.dumps(measure(Path(roots[0]).resolve() if roots else HERE, rounds)))
