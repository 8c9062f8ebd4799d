"""Limits the app enforces itself (for gunicorn run without nginx): chunked bodies, Host headers, unknown paths."""

from __future__ import annotations

import io

import pytest
from werkzeug.test import EnvironBuilder, run_wsgi_app

from advisor import create_app, trusted_hosts
from tests.conftest import TODAY

ANSWERS = b"wage=8000&hukou=shenzhen&insurances=pension&month=2026-11"


def post_chunked(app, path: str, body: bytes, content_type: str):
    """A POST as gunicorn hands over a chunked body: no Content-Length, the stream ends where the body ends."""
    environ = EnvironBuilder(path=path, method="POST", headers={
        "Transfer-Encoding": "chunked", "Content-Type": content_type, "HX-Request": "true"}).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True})
    chunks, status, headers = run_wsgi_app(app, environ, buffered=True)
    return int(status.split()[0]), dict(headers), b"".join(chunks)


@pytest.mark.parametrize("path, content_type", [("/api/v1/contribution", "application/json"),
                                                ("/zh/calculate", "application/x-www-form-urlencoded")])
@pytest.mark.parametrize("size", [64 * 1024 + 1, 70 * 1024, 200 * 1024])
def test_a_chunked_body_over_the_limit_is_refused_not_cut(app, path, content_type, size):
    status, headers, _ = post_chunked(app, path, b"x" * size, content_type)
    assert status == 413 and headers["X-Frame-Options"] == "DENY"


def test_a_chunked_body_within_the_limit_is_read_whole(app):
    status, _, body = post_chunked(app, "/en/calculate", ANSWERS, "application/x-www-form-urlencoded")
    assert status == 200 and "¥960.00" in body.decode()
    json_body = b'{"month": "2026-11", "hukou": "shenzhen", "wage": "8000", "insurances": ["pension"]}'
    status, _, body = post_chunked(app, "/api/v1/contribution", json_body, "application/json")
    assert status == 200 and b'"960.00"' in body


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "localhost.evil.example", "[::2]:8000"])
@pytest.mark.parametrize("path", ["/", "/zh", "/zh/", "/en/calculate", "/favicon.ico", "/api/v1/openapi.json"])
def test_a_host_outside_the_trusted_names_gets_400_and_no_location(client, host, path):
    response = client.get(path, headers={"Host": host})
    assert response.status_code == 400 and "Location" not in response.headers
    assert "evil" not in response.text and response.headers["X-Frame-Options"] == "DENY"


def test_a_forged_host_gets_the_friendly_page_in_its_language(client):
    response = client.get("/en/calculate", headers={"Host": "evil.example"})
    assert "We could not read that request" in response.text


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000"])
def test_loopback_names_are_trusted_by_default(client, host):
    assert client.get("/zh/", headers={"Host": host}).status_code == 200


def test_trusted_hosts_come_from_the_environment():
    assert trusted_hosts({}) == ["localhost", "127.0.0.1"]
    assert trusted_hosts({"ADVISOR_TRUSTED_HOSTS": "advisor.example.cn, .example.org"}) == [
        "advisor.example.cn", ".example.org"]
    app = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, "TRUSTED_HOSTS": ["advisor.example.cn"]})
    client = app.test_client()
    assert client.get("/zh/", headers={"Host": "advisor.example.cn"}).status_code == 200
    assert client.get("/zh/", headers={"Host": "localhost"}).status_code == 400


@pytest.mark.parametrize("path", ["/favicon.ico", "/anything", "/robots.txt", "/wp-login.php", "/ZH", "/api"])
def test_an_unknown_single_segment_is_404_at_once_not_a_redirect(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "Location" not in response.headers
    assert client.post(path).status_code == 404


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_language_without_its_slash_redirects_with_a_relative_location(client, language):
    response = client.get(f"/{language}")
    assert response.status_code == 308 and response.headers["Location"] == f"/{language}/"
    assert client.get("/").headers["Location"] == "/zh/"
