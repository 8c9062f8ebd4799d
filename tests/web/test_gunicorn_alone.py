"""gunicorn run on its own (no nginx in front): its own answers carry the security headers and its log keeps
no address or request line; the app's own limits hold through a real server."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import TODAY

# A real gunicorn started on a free port: make test, not make check.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SECURITY_HEADERS = (b"content-security-policy:", b"x-content-type-options:", b"referrer-policy:",
                    b"permissions-policy:", b"x-frame-options:")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    environment = {**os.environ, "ADVISOR_BIND": f"127.0.0.1:{port}", "ADVISOR_WORKERS": "1", "ADVISOR_TODAY": TODAY}
    with open(log, "wb") as out:
        process = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "--config",
                                    str(ROOT / "advisor/serving/gunicorn_conf.py"), "wsgi:app"],
                                   cwd=ROOT, env=environment,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(log.read_text(errors="replace"))
                time.sleep(0.2)
        yield port, log
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def log_text(log: Path) -> str:
    return "\n".join(line for line in log.read_text(errors="replace").splitlines() if "Listening at:" not in line)


# by_gunicorn: gunicorn refuses the request line or headers itself (and logs the kind of problem); a broken
# chunked body is only found when the app reads it, so the app answers (its 400 carries the headers too).
@pytest.mark.parametrize("request_bytes, status, by_gunicorn", [
    (b"GET /zh/?a=1990-05-31 HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", b"400", True),
    (b"GET /zh/?wage=8765.43" + b"x" * 5000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n", b"414", True),
    (b"GET /zh/?wage=8765.43 HTTP/1.1\r\nHost: localhost\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150))
     + b"\r\n", b"431", True),
    (b"POST /api/v1/eligibility HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", b"400",
     False),
])
def test_gunicorns_own_refusals_carry_the_headers_and_leave_no_trace(server, request_bytes, status, by_gunicorn):
    port, log = server
    refused_before = log_text(log).count("refused a malformed request")
    answer = raw(port, request_bytes)
    head = answer.split(b"\r\n\r\n", 1)[0].lower()
    assert head.startswith(b"http/1.1 " + status)
    assert all(name in head for name in SECURITY_HEADERS), head
    # This request's own log line (not an earlier test's), waited for: a loaded machine writes it late.
    deadline = time.monotonic() + (10 if by_gunicorn else 1)
    while log_text(log).count("refused a malformed request") == refused_before and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log_text(log)
    assert text.count("refused a malformed request") == refused_before + by_gunicorn
    assert "1990-05-31" not in text and "8765.43" not in text and "ip=" not in text and "127.0.0.1" not in text


def test_a_chunked_body_over_the_limit_gets_413_from_gunicorn_too(server):
    port, _ = server
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", "/api/v1/contribution", body=iter([b"x" * 4096] * 18), encode_chunked=True,
                       headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    response = connection.getresponse()
    assert response.status == 413 and response.headers["X-Frame-Options"] == "DENY"
    connection.close()


def test_a_forged_host_is_refused(server):
    port, _ = server
    answer = raw(port, b"GET /zh HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") and b"evil.example" not in answer.split(b"\r\n\r\n")[0]
