"""The security headers are on every response: pages, forms, fragments, the API, static files and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site_map import api_operations, form_page_urls, page_urls

STATIC = Path(__file__).resolve().parents[2] / "static"


def crash(*args, **kwargs):
    raise RuntimeError("a bug")


def every_response(app, client, monkeypatch) -> list[tuple[str, object]]:
    responses = [("GET /", client.get("/"))]
    responses += [(f"GET {url}", client.get(url)) for url in page_urls(app)]
    for url in form_page_urls(app):
        responses.append((f"POST {url}", client.post(url, data={})))
        responses.append((f"POST {url} (htmx)", client.post(url, data={}, headers={"HX-Request": "true"})))
    for method, path, _ in api_operations(app):
        responses.append((f"{method} {path}", client.open(path, method=method, json={})))
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            with client.get(f"/static/{path.relative_to(STATIC).as_posix()}") as response:
                responses.append((f"static {path.name}", response))
    responses += [
        ("404 page", client.get("/en/no-such-page")),
        ("404 API", client.get("/api/v1/no-such-thing")),
        ("404 static", client.get("/static/no-such-file.css")),
        ("405 page", client.delete("/zh/calculate")),
        ("405 API", client.get("/api/v1/contribution")),
        ("413 page", client.post("/zh/calculate", data={"wage": "1" * 70_000})),
        ("413 API", client.post("/api/v1/contribution", data=b"{" + b" " * 70_000 + b"}",
                                content_type="application/json")),
    ]
    monkeypatch.setattr("advisor.web.pages.calculate.view.calculate_cost", crash)
    monkeypatch.setattr("advisor.api.contribution.calculate_cost", crash)
    answers = {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension"], "month": "2026-11"}
    responses += [
        ("500 page", client.post("/zh/calculate", data=answers)),
        ("500 API", client.post("/api/v1/contribution", json={**answers, "insurances": ["pension"]})),
    ]
    return responses


def test_every_response_carries_the_security_headers(app, client, monkeypatch):
    responses = every_response(app, client, monkeypatch)
    statuses = {response.status_code for _, response in responses}
    assert statuses >= {200, 302, 404, 405, 413, 422, 500}
    for name, response in responses:
        csp = response.headers.get("Content-Security-Policy", "")
        directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part.strip())
        assert directives.get("default-src") == "'self'", name
        assert directives.get("script-src") == "'self'" and directives.get("style-src") == "'self'", name
        assert directives.get("frame-ancestors") == "'none'" and directives.get("object-src") == "'none'", name
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp, name
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
        assert response.headers.get("Referrer-Policy") == "no-referrer", name
        assert "camera=()" in response.headers.get("Permissions-Policy", ""), name
        assert "geolocation=()" in response.headers.get("Permissions-Policy", ""), name


def test_answers_stay_in_the_browsers_own_cache_so_back_works(app, client, monkeypatch):
    """Public site: a POST result is private (no proxy keeps it) but not no-store, so Back shows it
    again instead of "Confirm Form Resubmission"; kiosk mode keeps no-store (tests/web/test_kiosk.py)."""
    for name, response in every_response(app, client, monkeypatch):
        if name.startswith("POST") or response.request.method == "POST":
            assert response.headers.get("Cache-Control") == "private, max-age=0", name


@pytest.mark.parametrize("url", ["/zh/", "/zh/calculate"])
def test_htmx_is_configured_to_need_no_eval_and_no_inline_styles(client, url):
    html = client.get(url).text
    assert '"allowEval": false' in html and '"includeIndicatorStyles": false' in html
    assert '"allowScriptTags": false' in html
