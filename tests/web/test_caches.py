"""What outlives a request (issue 22): nothing a person sent, no store that grows with what people send, and no
page from yesterday.

Two things are kept between requests: what create_app makes from content and the language
(advisor/web/prepared.py, advisor/i18n.py, advisor/policy/parameters.py) and whole GET pages that carry no answers
(advisor/web/page_cache.py). These tests post distinctive answers to every form and then search every store of
the process for them, send many distinct values and count what every store holds, and cross midnight.
"""

from __future__ import annotations

import functools
import gc
import gzip
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FunctionType, ModuleType

import pytest
from werkzeug.datastructures import MultiDict
from werkzeug.local import LocalProxy

from advisor import create_app
from advisor.web.page_cache import PAGES
from tests.conftest import TODAY
from tests.site_map import form_fields, form_page_urls

ADVISOR = Path(__file__).resolve().parents[2] / "advisor"
PUBLIC = {"TESTING": True, "ADVISOR_TODAY": TODAY}
KIOSK = {**PUBLIC, "KIOSK": True, "PUBLIC_BASE_URL": "https://advisor.example.cn"}
HTMX = {"HX-Request": "true"}

BIRTH = {"birth_date-year": "1961", "birth_date-month": "7", "birth_date-day": "13"}
WAGE = "8765.43"
# Distinctive answers for the forms that take typed values (a birth date, a wage, wage growth, months paid, a
# month); every other form gets its first choices.
ANSWERS = {
    "/calculate": {"wage": WAGE, "hukou": "shenzhen", "insurances": ["pension", "medical", "unemployment"],
                   "month": "2026-11", "unemployment_wage": WAGE},
    "/check": {**BIRTH, "sex": "male", "hukou": "shenzhen", "residence_permit": "yes", "work": "platform",
               "platform_qualified": "yes", "full_time_student": "no", "employer_insured": "no",
               "insured_before": "yes", "first_insured_month-year": "2003", "first_insured_month-month": "4",
               "contributed_months": "137", "pension_place": "shenzhen"},
    "/forecast": {**BIRTH, "sex": "female", "female_category": "F55", "paid_years": "11", "paid_months": "5",
                  "balance": WAGE, "hukou": "shenzhen", "base": "wage", "wage": WAGE, "wage_growth": "3.17",
                  "interest": "1.5"},
    "/pension-at-retirement": {**BIRTH, "sex": "female", "female_category": "F50", "hukou": "shenzhen",
                               "retirement_month-year": "2011", "retirement_month-month": "8", "paid_years": "11",
                               "paid_months": "5", "average_index": "0.8765", "balance": WAGE, "local_years": "5",
                               "local_months": "8"},
    "/union/accident-aid": {"amounts-0": WAGE},
}
API = [
    ("/api/v1/forecast", {"birth_date": "1961-07-13", "sex": "female", "female_category": "F55",
                          "contributed_months": 137, "base_wage": WAGE, "wage_growth": "0.0317"}),
    ("/api/v1/contribution", {"month": "2026-11", "hukou": "shenzhen", "wage": WAGE, "insurances": ["pension"]}),
    ("/api/v1/eligibility", {"birth_date": "1961-07-13", "sex": "male", "hukou": "shenzhen",
                             "residence_permit": True, "full_time_student": False, "employer_insured": False,
                             "work": "platform", "first_insured_month": "2003-04"}),
]
# The answers as sent, as read, and as the pages show them: the dates in both languages, the typed month's label,
# the rate and the amount as printed.
SHOWN = ("1961年7月13日", "13 July 1961", "2011年8月", "August 2011", "3.17%", "¥8,765.43")
TRACES = (*SHOWN, "1961-07-13", "0.0317", "8,765.43", WAGE, "0.8765")
VALUES = (date(1961, 7, 13), Decimal(WAGE), Decimal("0.0317"), Decimal("0.8765"))  # as read, before shown
LEAVES = (str, bytes, date, Decimal)


def answers(client, url: str) -> MultiDict:
    """The distinctive answers for `url`, or its first choices (a "1" in each box) for any other form."""
    path = "/" + url.split("/", 2)[2]
    if path in ANSWERS:
        return MultiDict(ANSWERS[path])
    found = MultiDict()
    for name, field in form_fields(client.get(url).text, url).items():
        if name in ("export", "add_amount"):
            continue
        for value in (field.values[:1] if field.values else ["1"]):
            found.add(name, value)
    return found


def send_everything(app) -> str:
    """Every form, in both languages, as a full page and as the htmx fragment, and the API; the pages' text."""
    client = app.test_client()
    shown = []
    forms = [(url, answers(client, url)) for url in form_page_urls(app)]
    for url, data in forms:
        for lang in ("zh", "en"):
            for headers in ({}, HTMX):
                with client.post(url.replace("/zh/", f"/{lang}/", 1), data=data, headers=headers) as response:
                    assert response.status_code == 200, url
                    shown.append(response.text)
    for path, body in API:
        for lang in ("zh", "en"):
            with client.post(f"{path}?lang={lang}", json=body) as response:
                assert response.status_code == 200, (path, response.get_json())
                shown.append(response.text)
    return "\n".join(shown)


def advisor_modules() -> list[ModuleType]:
    return [module for name, module in sorted(sys.modules.items())
            if module is not None and (name == "advisor" or name.startswith("advisor."))]


def advisor_lru_caches() -> dict[str, functools._lru_cache_wrapper]:
    """Every functools cache anywhere in the process that was made by advisor code."""
    return {f"{cached.__module__}.{cached.__qualname__}": cached for cached in gc.get_objects()
            if isinstance(cached, functools._lru_cache_wrapper)
            and (getattr(cached, "__module__", "") or "").startswith("advisor")}


def every_lru_cache() -> list[functools._lru_cache_wrapper]:
    return [cached for cached in gc.get_objects() if isinstance(cached, functools._lru_cache_wrapper)]


def lru_cache_keys(cached: functools._lru_cache_wrapper) -> list:
    """What a functools cache is keyed on (its store is the dict the garbage collector sees inside it; the
    answers it keeps are not reachable, hence the check of its size below)."""
    own = getattr(cached, "__dict__", None)
    return [key for store in gc.get_referents(cached) if type(store) is dict and store is not own
            for key in store]


def walk(root, found: list, where: str, depth: int = 8, seen: set | None = None) -> None:
    """Every str, bytes, date and Decimal reachable from `root` through containers and instance attributes (not
    through modules, classes or functions), with where it was found."""
    seen = set() if seen is None else seen
    if id(root) in seen or depth < 0 or type(root) is LocalProxy:  # current_app, request, g: not stores
        return
    seen.add(id(root))
    if isinstance(root, LEAVES):
        found.append((where, root))
    elif isinstance(root, dict):
        for key, value in list(root.items()):
            walk(key, found, f"{where}[key]", depth - 1, seen)
            walk(value, found, f"{where}[{key!r:.40}]", depth - 1, seen)
    elif isinstance(root, (list, tuple, set, frozenset)):
        for index, value in enumerate(list(root)):
            walk(value, found, f"{where}[{index}]", depth - 1, seen)
    elif not isinstance(root, (ModuleType, type, FunctionType)) and hasattr(root, "__dict__"):
        walk(vars(root), found, f"{where}.", depth - 1, seen)


def traces_in(values) -> list:
    """The (where, value) pairs whose text holds a trace, or that are one of the values as read."""
    encoded = [trace.encode() for trace in TRACES]
    return [(where, value[:80] if isinstance(value, (str, bytes)) else value) for where, value in values
            if (isinstance(value, str) and any(trace in value for trace in TRACES))
            or (isinstance(value, bytes) and any(trace in value for trace in encoded))
            or (isinstance(value, (date, Decimal)) and value in VALUES)]


def process_wide_stores(apps) -> list:
    """Every str, bytes, date and Decimal held by an advisor module's globals, the apps' extensions, config and Jinja
    environments (their template caches and globals)."""
    found = []
    for module in advisor_modules():
        for name, value in vars(module).items():
            if not name.startswith("__"):
                walk(value, found, f"{module.__name__}.{name}")
    for number, app in enumerate(apps):
        walk(app.extensions, found, f"app{number}.extensions")
        walk(dict(app.config), found, f"app{number}.config")
        walk(vars(app.jinja_env), found, f"app{number}.jinja_env", depth=6)
    return found


def new_containers_with_traces(before: set[int]) -> list:
    """Containers made since `before` (ids of the objects alive then) that hold a trace, wherever they are."""
    gc.collect()
    found = []
    for container in gc.get_objects():
        if id(container) in before or not isinstance(container, (dict, list, set, frozenset, tuple)):
            continue
        items = list(container.items()) if isinstance(container, dict) else [(None, item) for item in container]
        values = [(type(container).__name__, item) for pair in items for item in pair if isinstance(item, LEAVES)]
        found += traces_in(values)
    return found


def test_nothing_a_person_sent_is_kept_after_the_requests_end():
    apps = [create_app(dict(PUBLIC)), create_app(dict(KIOSK))]
    for app in apps:  # the pages rendered once before, so what is made at the first request is made already
        client = app.test_client()
        for url in form_page_urls(app):
            client.get(url).close()
    caches = {name: cached.cache_info().currsize for name, cached in advisor_lru_caches().items()}
    alive = gc.get_objects()  # held, so no object made later can take the id of one alive now
    before = {id(item) for item in alive}

    shown = "".join(send_everything(app) for app in apps)

    assert all(trace in shown for trace in SHOWN)  # the pages did show every form of the answers searched for
    del shown
    assert traces_in(process_wide_stores(apps)) == []
    assert new_containers_with_traces(before | {id(alive)}) == []
    keys: list = []
    for cached in every_lru_cache():  # any module's, the libraries' too
        # Some libraries' caches (made by calling lru_cache on a callable object) carry no __qualname__.
        name = getattr(cached, "__qualname__", type(cached).__name__)
        walk(lru_cache_keys(cached), keys, f"{getattr(cached, '__module__', '?')}.{name}")
    assert traces_in(keys) == []
    # A functools cache's entries cannot be reached: every one left in advisor holds no more than before.
    assert {name: cached.cache_info().currsize for name, cached in advisor_lru_caches().items()} == caches


def store_sizes(apps) -> dict[str, int]:
    """How many items every dict, list and set of the process-wide stores holds, and every advisor lru cache."""
    sizes = {}

    def count(root, where: str, depth: int, seen: set) -> None:
        if (id(root) in seen or depth < 0 or type(root) is LocalProxy
                or isinstance(root, (str, bytes, ModuleType, type, FunctionType))):
            return
        seen.add(id(root))
        if isinstance(root, dict):
            sizes[where] = len(root)
            for key, value in list(root.items()):
                count(value, f"{where}[{key!r:.40}]", depth - 1, seen)
        elif isinstance(root, (list, set, frozenset, tuple)):
            sizes[where] = len(root)
            for index, value in enumerate(list(root)):
                count(value, f"{where}[{index}]", depth - 1, seen)
        elif hasattr(root, "__dict__"):
            count(vars(root), f"{where}.", depth - 1, seen)
        elif hasattr(root, "__len__") and hasattr(root, "keys"):  # e.g. Jinja's LRUCache of templates
            sizes[where] = len(root)

    seen: set = set()
    for module in advisor_modules():
        for name, value in vars(module).items():
            if not name.startswith("__"):
                count(value, f"{module.__name__}.{name}", 4, seen)
    for number, app in enumerate(apps):
        count(app.extensions, f"app{number}.extensions", 6, seen)
        count(vars(app.jinja_env), f"app{number}.jinja_env", 4, seen)
        sizes[f"app{number}.jinja_env.cache"] = len(app.jinja_env.cache)
    for name, cached in advisor_lru_caches().items():
        sizes[name] = cached.cache_info().currsize
    return sizes


def test_distinct_values_in_addresses_and_answers_grow_no_store():
    apps = [create_app(dict(PUBLIC)), create_app(dict(KIOSK))]
    clients = [app.test_client() for app in apps]

    def send(number: int) -> None:
        """A 404 for a huge number in the address, a page asked with a query string or an htmx header, and one
        form or API answer with a distinct wage (or wage growth), in turn."""
        client = clients[number % 2]
        huge = 10 ** 30 + number * 7919
        client.get(f"/{('zh', 'en')[number % 2]}/outreach/present/{huge}").close()
        client.get(f"/zh/faq?x={number}" if number % 2 else "/zh/register", headers=HTMX).close()
        wage = f"{5000 + number}.{number % 100:02d}"
        headers = HTMX if number % 3 else {}
        kind = number % 4
        if kind == 0:
            client.post("/zh/calculate", data={**ANSWERS["/calculate"], "wage": wage}, headers=headers).close()
        elif kind == 1:
            client.post("/en/forecast", data={**ANSWERS["/forecast"], "wage": wage,
                                              "wage_growth": f"{number % 9}.{number:03d}"}, headers=headers).close()
        elif kind == 2:
            client.post("/zh/union/accident-aid", data={"amounts-0": wage}, headers=headers).close()
        else:
            client.post("/api/v1/forecast", json={**API[0][1], "base_wage": wage,
                                                  "wage_growth": f"0.0{number:03d}"}).close()

    for number in range(8):  # what the first request of each kind makes (compiled templates, a static file's
        send(number)         # hash) is made
    for client in clients:
        for endpoint in PAGES:  # and the kept pages are all kept
            for lang in ("zh", "en"):
                client.get(apps[0].url_map.bind("localhost").build(endpoint, {"lang_code": lang})).close()
    before = store_sizes(apps)
    for number in range(1, 301):
        send(number)
    after = store_sizes(apps)
    assert {name: (size, after.get(name)) for name, size in before.items() if after.get(name) != size} == {}
    assert set(after) == set(before)


@pytest.mark.parametrize("config", [PUBLIC, KIOSK], ids=["public", "kiosk"])
def test_a_page_rendered_after_midnight_shows_the_new_day(config):
    app = create_app(dict(config))
    client = app.test_client()

    def printed_on(response) -> str:
        assert response.status_code == 200
        return re.search(r"Printed on ([^<]+?) from", response.text).group(1)

    for _ in range(2):  # the second time from the kept page
        assert printed_on(client.get("/en/register")) == "22 November 2026"
    assert printed_on(client.post("/en/register", data={"hukou": "shenzhen"})) == "22 November 2026"
    app.config["ADVISOR_TODAY"] = "2026-11-23"
    assert printed_on(client.get("/en/register")) == "23 November 2026"
    assert printed_on(client.post("/en/register", data={"hukou": "shenzhen"})) == "23 November 2026"
    assert printed_on(client.post("/en/register", data={"hukou": "guangdong"}, headers=HTMX)) == "23 November 2026"


def kept_page_urls(app) -> list[str]:
    adapter = app.url_map.bind("localhost")
    return [adapter.build(endpoint, {"lang_code": lang}) for endpoint in sorted(PAGES) for lang in ("zh", "en")]


@pytest.mark.parametrize("config", [PUBLIC, KIOSK], ids=["public", "kiosk"])
def test_a_kept_page_is_the_page_rendered_afresh_byte_for_byte(config):
    app = create_app(dict(config))
    client = app.test_client()
    store = app.extensions["advisor.pages"]
    for url in kept_page_urls(app):
        for encoding in ({}, {"Accept-Encoding": "gzip"}):
            fresh, kept = client.get(url, headers=encoding), client.get(url, headers=encoding)
            assert fresh.status_code == kept.status_code == 200, url
            assert fresh.data == kept.data and list(fresh.headers.items()) == list(kept.headers.items()), url
            if encoding:
                assert gzip.decompress(kept.data).startswith(b"<!doctype html>")
    assert len(store.pages) == len(PAGES) * 2
    # And it is the kept copy that was served.
    key = ("web.faq", "en", bool(config.get("KIOSK")))
    status, headers, body = store.pages[key]
    store.pages[key] = (status, headers, body.replace(b"</main>", b"<!-- kept --></main>"))
    assert b"<!-- kept -->" in client.get("/en/faq").data


def test_only_a_get_that_carries_nothing_but_its_path_is_kept():
    app = create_app(dict(PUBLIC))
    client = app.test_client()
    store = app.extensions["advisor.pages"]
    client.get("/zh/faq?q=1").close()
    client.get("/zh/register", headers=HTMX).close()
    client.get("/zh/register", headers={"HX-History-Restore-Request": "true"}).close()
    client.get("/zh/check", data="birth_date-year=1961", content_type="application/x-www-form-urlencoded").close()
    with client.get("/zh/forecast", base_url="http://localhost/advisor/") as under_a_root:
        assert under_a_root.status_code == 200 and 'action="/advisor/zh/forecast' in under_a_root.text
    client.post("/zh/register", data={"hukou": "shenzhen"}).close()
    client.get("/zh/outreach/handout").close()  # not a page in PAGES: its QR code holds the host's address
    client.get("/zh/no-such-page").close()
    client.get("/xx/faq").close()
    assert store.pages == {}
    client.get("/zh/faq").close()
    assert list(store.pages) == [("web.faq", "zh", False)]


def test_the_caches_left_in_advisor_are_keyed_by_the_code_alone():
    """functools caches are allowed only where the key is fixed by the code: a file read once (the OpenAPI
    document) and a static file's hash (keyed on the path of a file that exists under static/ and its state)."""
    found = []
    for path in sorted(ADVISOR.rglob("*.py")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"@(functools\.)?(lru_cache|cache|cached_property)\b", line.strip()):
                found.append(path.relative_to(ADVISOR.parent).as_posix())
    assert found == ["advisor/api/openapi.py", "advisor/web/static_files.py"]
