"""Serving: content-versioned static URLs with long cache lifetimes, gzip where it pays, gunicorn settings."""

from __future__ import annotations

import gzip
import hashlib
import re
import runpy
from pathlib import Path

import pytest

from advisor.serving.serve import Refused, Settings, nginx_config, read_settings

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
ONE_YEAR = "max-age=31536000"


def static_links(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/static/[^"]+)"', html)


def test_static_links_carry_the_hash_of_the_file_they_point_to(client):
    links = static_links(client.get("/zh/").text)
    assert {link.split("?")[0] for link in links} == {
        "/static/css/site.css", "/static/vendor/htmx-2.0.11.min.js", "/static/js/enhance.js",
        "/static/js/questions.js", "/static/js/head.js", "/static/favicon.svg"}
    for link in links:
        path, version = re.fullmatch(r"/static/(.+)\?v=([0-9a-f]{12})", link).groups()
        assert version == hashlib.sha256((STATIC / path).read_bytes()).hexdigest()[:12]


def test_a_versioned_file_is_cached_for_a_year(client):
    link = next(link for link in static_links(client.get("/zh/").text) if "site.css" in link)
    with client.get(link) as response:
        assert response.status_code == 200
        assert ONE_YEAR in response.headers["Cache-Control"] and "immutable" in response.headers["Cache-Control"]
        assert "no-cache" not in response.headers["Cache-Control"]


@pytest.mark.parametrize("query", ["", "?v=0123456789ab"])
def test_an_unversioned_or_outdated_url_is_revalidated_not_cached(client, query):
    with client.get("/static/css/site.css" + query) as response:
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
        etag = response.headers["ETag"]
    with client.get("/static/css/site.css" + query, headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304 and again.data == b""


def test_an_edited_file_gets_a_new_version_without_a_restart(app, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "site.css").write_text("body { color: black; }", encoding="utf-8")
    app.static_folder = str(static)
    with app.test_request_context("/zh/"):
        from flask import url_for
        before = url_for("static", filename="site.css")
        (static / "site.css").write_text("body { color: navy; }", encoding="utf-8")
        after = url_for("static", filename="site.css")
        missing = url_for("static", filename="nowhere.css")
    assert before != after and before.startswith("/static/site.css?v=")
    assert missing == "/static/nowhere.css"


def test_pages_are_gzipped_for_browsers_that_ask(client):
    plain = client.get("/en/calculate")
    zipped = client.get("/en/calculate", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert int(zipped.headers["Content-Length"]) == len(zipped.data) < len(plain.data) / 2
    assert "Accept-Encoding" in zipped.headers["Vary"] and "HX-Request" in zipped.headers["Vary"]
    assert "Content-Encoding" not in plain.headers and "Accept-Encoding" in plain.headers["Vary"]


def test_json_fragments_and_static_text_are_gzipped_too(client):
    answers = {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical"], "month": "2026-11"}
    fragment = client.post("/en/calculate", data=answers, headers={"HX-Request": "true", "Accept-Encoding": "gzip"})
    assert fragment.headers["Content-Encoding"] == "gzip" and b"Total per month" in gzip.decompress(fragment.data)
    with client.get("/static/vendor/htmx-2.0.11.min.js", headers={"Accept-Encoding": "gzip"}) as script:
        assert script.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(script.data) == (STATIC / "vendor/htmx-2.0.11.min.js").read_bytes()
        assert script.headers["ETag"].startswith('W/"')  # another encoding, another (weak) validator
    api = client.post("/api/v1/openapi.json")  # 405, JSON
    spec = client.get("/api/v1/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert api.status_code == 405 and spec.headers["Content-Encoding"] == "gzip"


def test_a_compressed_static_file_still_revalidates(client):
    with client.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"}) as first:
        etag = first.headers["ETag"]
    with client.get("/static/css/site.css", headers={"Accept-Encoding": "gzip", "If-None-Match": etag}) as again:
        assert again.status_code == 304


@pytest.mark.parametrize("accept", ["identity", "gzip;q=0", "br", ""])
def test_no_gzip_unless_the_client_accepts_it(client, accept):
    response = client.get("/en/calculate", headers={"Accept-Encoding": accept})
    assert "Content-Encoding" not in response.headers and response.data.startswith(b"<!doctype html>")


def test_small_answers_are_not_compressed(client):
    # An htmx fragment for unfinished answers: the placeholder line only.
    with client.post("/en/check", data={}, headers={"HX-Request": "true", "Accept-Encoding": "gzip"}) as response:
        assert response.status_code == 200 and len(response.data) < 1024
        assert "Content-Encoding" not in response.headers and "Accept-Encoding" not in response.headers.get("Vary", "")


def test_redirects_and_not_modified_answers_are_left_alone(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 302 and "Content-Encoding" not in response.headers


def test_gunicorn_listens_on_loopback_with_two_workers_per_core_plus_one(monkeypatch):
    monkeypatch.delenv("ADVISOR_BIND", raising=False)
    monkeypatch.delenv("ADVISOR_WORKERS", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 2)
    settings = runpy.run_path(str(ROOT / "advisor" / "serving" / "gunicorn_conf.py"))
    assert settings["bind"] == "127.0.0.1:8000"
    assert settings["workers"] == 5
    assert settings["preload_app"] is True  # broken content stops the start before any worker forks
    assert settings["accesslog"] is None  # no visitor addresses on disk
    assert settings["control_socket_disable"] is True
    # Malformed requests are answered with the security headers and logged without address or request line.
    assert settings["worker_class"] == "advisor.serving.gunicorn_worker.QuietSyncWorker"


def test_nginx_counts_requests_per_address_not_connections_and_knows_every_app_server(app, tmp_path):
    text = nginx_config(app, tmp_path, tmp_path / "g3", Settings(instances=3))
    assert "limit_req_zone $binary_remote_addr zone=per_address_rate:10m rate=20r/s;" in text
    assert "limit_req zone=per_address_rate burst=200 nodelay;" in text
    assert "limit_conn per_address 1024;" in text  # the backstop, above 20 × 30 + 200
    assert "worker_shutdown_timeout 15s;" in text  # half the 30 s deadline (the other half: the recycling)
    assert "client_body_timeout 5s;" in text
    servers = [line.strip() for line in text.splitlines() if line.strip().startswith("server unix:")]
    assert servers == [f"server unix:{tmp_path}/g3/app-{n}.sock max_fails=1 fail_timeout=10s;" for n in (1, 2, 3)]
    assert "proxy_next_upstream error timeout non_idempotent;" in text
    health = text[text.index("location = /healthz {"):text.index("location / {")]
    assert "access_log off;" in health and "limit_req" not in health
    assert "@" not in text.replace("@RATE@", "")  # every placeholder filled in


def test_serve_settings_are_checked_before_anything_starts(monkeypatch):
    assert read_settings({}) == Settings()
    assert read_settings({"ADVISOR_INSTANCES": "3", "ADVISOR_REQUESTS_PER_ADDRESS": "50"}).burst == 500
    for name, value in [("ADVISOR_INSTANCES", "0"), ("ADVISOR_PORT", "70000"), ("ADVISOR_REQUEST_DEADLINE", "2"),
                        ("ADVISOR_REQUESTS_PER_ADDRESS", "many")]:
        with pytest.raises(Refused, match=f"setting: {name} must be a whole number"):
            read_settings({name: value})
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert Settings(instances=2).workers_per_instance() == 3 and Settings(instances=1).workers_per_instance() == 5


def test_the_health_check_answers_from_memory(client, app, monkeypatch):
    response = client.get("/healthz", headers={"Host": "localhost"})
    assert (response.status_code, response.data) == (200, b"ok\n") and response.headers["Cache-Control"] == "no-store"
    monkeypatch.setitem(app.extensions, "advisor.prepared", {"zh": object()})  # one language missing
    assert client.get("/healthz").status_code == 503
