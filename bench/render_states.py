"""Every page state the site can show, rendered through the Flask test client, for byte-for-byte comparisons.

A state is one request: every page in both languages (GET), every form page posted with valid answers and
with wrong ones, as a full page (no JavaScript), as the htmx fragment (HX-Request) and as an htmx history
restore, on the public site and in kiosk mode, every numbered outreach page, the error pages, and every JSON
API operation with a valid and an invalid body. Each state's record is its status, its headers and its body
(uncompressed: the test client offers no gzip), with "today" fixed (ADVISOR_TODAY).

    python bench/render_states.py write DIR          one file per state under DIR
    python bench/render_states.py compare DIR        render again and compare with DIR (exit 1 on a difference)
    python bench/render_states.py golden FILE.xz     all states in one xz-compressed JSON file (tests/goldens/)

Used to prove that a change to how pages are rendered (not what they say) leaves every byte as it was:
render before, change, render after, compare. tests/web/test_goldens.py compares with the kept golden file;
`make goldens` regenerates it after a deliberate change to what pages say (review the diff first).
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = "2026-11-22"
LANGUAGES = ("zh", "en")
HTMX = {"HX-Request": "true"}
RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
KIOSK = {"KIOSK": True, "KIOSK_IDLE_SECONDS": 90, "PUBLIC_BASE_URL": "https://advisor.example.cn"}

# Valid answers for each form page (from the tests' own examples); any other form page found in the URL map
# gets its first choices. Every form page is also posted empty and with a wrong value (the error states).
RIDER = {
    "birth_date-year": "1990", "birth_date-month": "5", "birth_date-day": "31", "sex": "male",
    "hukou": "other_province", "residence_permit": "yes", "work": "platform", "platform_qualified": "yes",
    "full_time_student": "no", "employer_insured": "no", "insured_before": "no",
}
EXAMPLE_A = {
    "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15", "sex": "male",
    "paid_years": "10", "paid_months": "0", "balance": "50000", "base": "avg100", "wage_growth": "0", "interest": "0",
}
SHORT_WOMAN = {
    "birth_date-year": "1972", "birth_date-month": "1", "birth_date-day": "10", "sex": "female",
    "female_category": "unknown", "paid_years": "12", "paid_months": "6", "base": "wage", "wage": "3000",
    "wage_growth": "2.9", "interest": "1.5",
}
WOMAN_SHEET = {
    "birth_date-year": "1975", "birth_date-month": "10", "birth_date-day": "15", "sex": "female",
    "female_category": "F50", "hukou": "shenzhen", "retirement_month-year": "2025", "retirement_month-month": "10",
    "paid_years": "30", "paid_months": "0", "average_index": "0.7183", "balance": "163426.28",
    "local_years": "5", "local_months": "8",
}
STORY = {"platform": "meituan", "work": "delivery", "during_order": "yes", "union_member": "yes",
         "months_in_work": "yes", "medical_insured": "yes", "place": "shenzhen",
         "happened": ["injury", "hospital", "traffic"]}
GROUPS = ("truck_drivers", "ride_hailing_drivers", "couriers", "delivery_riders", "others")
MEMBERSHIP = {f"{group}_{column}": value for group in GROUPS
              for column, value in (("surveyed", "300"), ("target", "200"), ("joined", "150"), ("entered", "120"))}
E_ROAD_YES = {condition: "yes" for condition in
              ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")}

FORMS: dict[str, list[tuple[str, dict]]] = {
    "/calculate": [
        ("valid", {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical", "unemployment"],
                   "month": "2026-11"}),
        ("subsidy", {"wage": "4775", "hukou": "other_province", "insurances": ["pension", "medical"],
                     "month": "2026-11", "platform_subsidy": "meituan", "subsidy_condition_met": "yes"}),
        ("quick", {"quick": "avg60", "hukou": "guangdong", "insurances": ["pension"], "month": "2026-11"}),
        ("carried", {"carried": "1", "hukou": "other_province", "insurances": ["pension", "medical"]}),
        ("wrong", {"wage": "abc", "hukou": "shenzhen", "insurances": ["pension"], "month": "2026-11"}),
    ],
    "/check": [
        ("valid", RIDER),
        ("woman", {**RIDER, "sex": "female", "female_category": "F50", "birth_date-year": "1972",
                   "hukou": "shenzhen", "insured_before": "yes", "first_insured_month-year": "2010",
                   "first_insured_month-month": "3", "contributed_months": "100", "pension_place": "shenzhen"}),
        ("student", {**RIDER, "full_time_student": "yes", "residence_permit": "no"}),
        ("jd", {**RIDER, "jd_full_time": "yes"}),
        ("wrong", {**RIDER, "birth_date-month": "13", "sex": ""}),
    ],
    "/forecast": [
        ("valid", EXAMPLE_A),
        ("short", SHORT_WOMAN),
        ("subsidy", {**EXAMPLE_A, "base": "floor", "hukou": "other_province", "platform_subsidy": "meituan",
                     "subsidy_condition_met": "yes", "retirement_month-year": "2037", "retirement_month-month": "3"}),
        ("carried", {"carried": "1", "base": "wage", "wage": "8000", "hukou": "shenzhen"}),
        ("wrong", {**EXAMPLE_A, "balance": "-5", "paid_years": "x"}),
    ],
    "/pension-at-retirement": [
        ("valid", WOMAN_SHEET),
        ("wrong", {**WOMAN_SHEET, "average_index": "abc"}),
    ],
    "/register": [("valid", {"hukou": "shenzhen"}), ("other", {"hukou": "other_province"}),
                  ("wrong", {"hukou": "mars"})],
    "/outreach/membership": [("valid", MEMBERSHIP), ("wrong", {**MEMBERSHIP, "couriers_joined": "abc"}),
                             ("csv", {**MEMBERSHIP, "export": "csv"})],
    "/protection/injury": [("valid", {"platform": "meituan", "work": "delivery", "during_order": "yes"}),
                           ("unknown", {"platform": "huolala", "work": "unknown", "during_order": "unknown"}),
                           ("wrong", {"platform": "meituan"})],
    "/protection/after-accident": [("valid", STORY), ("guangdong", {**STORY, "place": "guangdong"}),
                                   ("wrong", {**STORY, "place": "mars"})],
    "/union/accident-aid": [("valid", {"amounts-0": "12000", "amounts-1": "800"}),
                            ("add", {"amounts-0": "12000", "add_amount": "1"}),
                            ("wrong", {"amounts-0": "abc"})],
    "/union/e-road": [("valid", E_ROAD_YES), ("no", {**E_ROAD_YES, "occupation": "no"}),
                      ("unknown", {**E_ROAD_YES, "member": "unknown"})],
    "/union/join": [("valid", {"situation": "labour_relationship"}), ("own", {"situation": "own_business"})],
}

API: dict[str, list[tuple[str, object]]] = {
    "/api/v1/eligibility": [
        ("valid", {"birth_date": "1990-05-31", "sex": "male", "hukou": "other_province", "residence_permit": True,
                   "full_time_student": False, "employer_insured": False, "work": "platform",
                   "first_insured_month": None, "as_of": "2026-11-22"}),
        ("bench", {"birth_date": "1990-05-31", "sex": "male", "hukou": "shenzhen", "residence_permit": False,
                   "full_time_student": False, "employer_insured": False, "work": "platform"}),
    ],
    "/api/v1/contribution": [
        ("valid", {"month": "2026-11", "hukou": "shenzhen", "wage": "8000",
                   "insurances": ["pension", "medical", "unemployment"]}),
        ("subsidy", {"month": "2026-11", "hukou": "other_province", "wage": "4775", "insurances": ["pension"],
                     "platform_subsidy": "meituan", "subsidy_condition_met": True}),
    ],
    "/api/v1/forecast": [
        ("valid", {"birth_date": "1976-09-15", "sex": "male", "contributed_months": 120,
                   "personal_account_balance": "50000", "base_multiple": "1.0", "wage_growth": "0", "interest": "0",
                   "as_of": "2026-11-22"}),
        ("woman", {"birth_date": "1972-01-10", "sex": "female", "contributed_months": 180, "base_wage": "6000"}),
        ("young", {"birth_date": "1995-03-01", "sex": "male", "contributed_months": 24, "base_wage": "8000"}),
    ],
    "/api/v1/pension-at-retirement": [
        ("valid", {"sex": "female", "birth_date": "1975-10-15", "female_category": "F50",
                   "retirement_month": "2025-10", "contribution_months": 360, "average_index": "0.7183",
                   "personal_account_balance": "163426.28", "hukou": "shenzhen", "local_supplementary_months": 68}),
    ],
    "/api/v1/union/mutual-aid-payout": [("valid", {"amounts": ["12000", "800"]})],
    "/api/v1/union/e-road-claim-check": [("valid", {"answers": {condition: "yes" for condition in E_ROAD_YES}})],
    "/api/v1/protection/injury-check": [("valid", {"platform": "meituan", "work": "delivery", "during_order": True})],
    "/api/v1/protection/after-accident": [
        ("valid", {"platform": "meituan", "work": "delivery", "during_order": True, "union_member": True,
                   "months_in_work": True, "medical_insured": True, "place": "shenzhen",
                   "happened": ["injury", "hospital", "traffic"]}),
    ],
}


def make_app(kiosk: bool):
    from advisor import create_app

    return create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, **(KIOSK if kiosk else {})})


def numbered_pages(client, lang: str) -> list[str]:
    """The outreach slides and quiz questions (and answers), 1 up to the first that is not found."""
    urls = []
    for pattern in ("/outreach/present/{}", "/outreach/quiz/{}", "/outreach/quiz/{}/answer"):
        for number in range(1, 100):
            url = f"/{lang}" + pattern.format(number)
            if client.get(url).status_code == 404:
                break
            urls.append(url)
    return urls


def first_choices(app, client, path: str) -> dict:
    """For a form page with no example above: the first offered value of each field, "1" in each text box."""
    from tests.site_map import form_fields

    data = {}
    for name, field in form_fields(client.get(path).text, path).items():
        if name in ("edit", "export", "add_amount"):
            continue
        data[name] = field.values[:1] if field.multiple else (field.values[0] if field.values else "1")
    return data


def states(app) -> list[tuple[str, str, str, object, dict]]:
    """(name, method, url, body, headers) for every state; a dict body is a form, any other a JSON document."""
    from tests.site_map import form_page_urls, page_urls

    client = app.test_client()
    found = []
    gets = list(page_urls(app))
    for lang in LANGUAGES:
        gets += numbered_pages(client, lang)
        gets += [f"/{lang}/no-such-page", f"/{lang}/outreach/present/0"]
    gets += ["/", "/xx/", "/api/v1/openapi.json"]
    for url in gets:
        found.append((f"GET {url}", "GET", url, None, {}))
        found.append((f"GET {url} htmx", "GET", url, None, HTMX))
    for zh_path in form_page_urls(app):
        path = zh_path.removeprefix("/zh")
        examples = FORMS.get(path) or [("first", first_choices(app, client, zh_path))]
        for lang in LANGUAGES:
            url = f"/{lang}{path}"
            for label, data in [("empty", {}), *examples]:
                found.append((f"POST {url} {label}", "POST", url, data, {}))
                found.append((f"POST {url} {label} htmx", "POST", url, data, HTMX))
                found.append((f"POST {url} {label} restore", "POST", url, data, RESTORE))
    for path, examples in API.items():
        for lang in LANGUAGES:
            url = f"{path}?lang={lang}"
            for label, body in [*examples, ("empty", {}), ("wrong", {"birth_date": "1990-02-30", "sex": 3})]:
                found.append((f"POST {url} {label}", "POST", url, json.dumps(body), {}))
        found.append((f"POST {path} malformed", "POST", path, "{not json", {}))
    return found


def record(response) -> str:
    """Status, every header (sorted) and the body as text."""
    headers = "\n".join(f"{name}: {value}" for name, value in sorted(response.headers.items()))
    return f"{response.status}\n{headers}\n\n{response.get_data(as_text=True)}"


def render_all() -> dict[str, str]:
    """Every state on the public site and in kiosk mode: {name: record}."""
    rendered = {}
    for kiosk in (False, True):
        app = make_app(kiosk)
        client = app.test_client()
        prefix = "kiosk " if kiosk else ""
        for name, method, url, body, headers in states(app):
            if isinstance(body, str):
                response = client.open(url, method=method, data=body, headers=headers,
                                       content_type="application/json")
            else:
                response = client.open(url, method=method, data=body, headers=headers)
            key = prefix + name
            assert key not in rendered, f"two states named {key!r}"
            rendered[key] = record(response)
    return rendered


def file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") + ".txt"


def compare(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """Names of states that differ, are missing or are new."""
    return sorted(name for name in expected.keys() | actual.keys() if expected.get(name) != actual.get(name))


def read_dir(folder: Path) -> dict[str, str]:
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return {name: (folder / file).read_bytes().decode("utf-8") for name, file in index.items()}


def write_dir(folder: Path, rendered: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    index = {}
    for name, text in rendered.items():
        index[name] = file_name(name)
        (folder / index[name]).write_bytes(text.encode("utf-8"))
    (folder / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=0), encoding="utf-8")


def write_golden(path: Path, rendered: dict[str, str]) -> None:
    data = json.dumps(rendered, ensure_ascii=False, sort_keys=True, indent=0).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))


def read_golden(path: Path) -> dict[str, str]:
    return json.loads(lzma.decompress(path.read_bytes()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("write", "compare", "golden"))
    parser.add_argument("path", type=Path)
    options = parser.parse_args()
    rendered = render_all()
    if options.action == "write":
        write_dir(options.path, rendered)
    elif options.action == "golden":
        write_golden(options.path, rendered)
    else:
        expected = read_golden(options.path) if options.path.is_file() else read_dir(options.path)
        different = compare(expected, rendered)
        for name in different:
            print(f"differs: {name}")
        print(f"{len(expected.keys() | rendered.keys())} states compared, {len(different)} differ")
        sys.exit(1 if different else 0)
        return
    print(f"{len(rendered)} states rendered to {options.path}")


if __name__ == "__main__":
    main()
