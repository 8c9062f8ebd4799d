"""The production stack as `make serve` starts it (nginx in front of gunicorn), on a free port.

Slow clients, oversized chunked bodies, forged Host headers and nginx's own error answers are tried
against the real processes, then the process group is stopped and both servers must be gone.
Needs Debian's nginx (`make test` installs it, like Chromium).
"""

from __future__ import annotations

import asyncio
import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import TODAY

# The production stack started for real (nginx, gunicorn, 200 slow clients held for 20 s): make test, not make check.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SLOW_CLIENTS = 200
SLOW_SECONDS = 20
NORMAL_REQUESTS = 8
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
                    "X-Frame-Options")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> set[int]:
    """Every descendant process of pid (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry.name))
    found, pending = set(), [pid]
    while pending:
        for child in parents.get(pending.pop(), []):
            found.add(child)
            pending.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Stack:
    def __init__(self, tmp: Path) -> None:
        if not (shutil.which("nginx") or os.access("/usr/sbin/nginx", os.X_OK)):
            pytest.fail("nginx is missing: make test installs it (apt-get install nginx)")
        self.port = free_port()
        self.log = tmp / "serve.log"
        self.runtime = tmp / "rt"
        environment = {key: value for key, value in os.environ.items()
                       if key not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
        environment.update(ADVISOR_PORT=str(self.port), ADVISOR_WORKERS="2", ADVISOR_TODAY=TODAY,
                           ADVISOR_RUNTIME_DIR=str(self.runtime))
        with open(self.log, "wb") as out:
            # A process group of its own, as a terminal gives `make serve`: stopping the group stops all.
            self.process = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=environment,
                                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"make serve stopped:\n{self.text_log()}")
            try:
                if self.request("GET", "/zh/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        pytest.fail(f"make serve did not answer within 90 s:\n{self.text_log()}")

    def text_log(self) -> str:
        return self.log.read_text(errors="replace")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 10) -> tuple[int, http.client.HTTPMessage, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    running = Stack(tmp_path_factory.mktemp("stack"))
    try:
        yield running
    finally:
        running.stop()


async def trickle(port: int, until: float, opened: list[int]) -> None:
    """One slow client: a request line, then a header byte now and then, never the blank line that ends them.
    When nginx closes the connection (client_header_timeout), it opens another."""
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.5)
            continue
        opened.append(1)
        try:
            writer.write(b"GET /zh/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            await writer.drain()
            while time.monotonic() < until:
                await asyncio.sleep(1)
                writer.write(b"a")
                await writer.drain()
                if reader.at_eof():
                    break
        except OSError:
            pass
        finally:
            writer.close()


def test_two_hundred_slow_clients_do_not_hold_up_normal_requests(stack):
    opened: list[int] = []
    until = time.monotonic() + SLOW_SECONDS

    async def slow_clients():
        await asyncio.gather(*(trickle(stack.port, until, opened) for _ in range(SLOW_CLIENTS)))

    thread = threading.Thread(target=lambda: asyncio.run(slow_clients()))
    thread.start()
    try:
        time.sleep(3)  # every slow client connected and trickling
        timings = []
        for _ in range(NORMAL_REQUESTS):
            started = time.monotonic()
            status, _, body = stack.request("GET", "/zh/", timeout=5)
            timings.append(time.monotonic() - started)
            assert status == 200 and "深圳灵活就业参保助手".encode() in body
            time.sleep((SLOW_SECONDS - 5) / NORMAL_REQUESTS)
    finally:
        thread.join()
    assert len(opened) >= SLOW_CLIENTS
    assert max(timings) < 2, timings


def test_pages_come_through_nginx_with_the_security_headers(stack):
    status, headers, body = stack.request("GET", "/zh/calculate", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "要交多少钱" in gzip.decompress(body).decode()
    assert all(headers[name] for name in SECURITY_HEADERS)
    assert headers.get_all("Content-Security-Policy") == [headers["Content-Security-Policy"]]  # not twice
    assert "Strict-Transport-Security" not in headers  # only over TLS
    answers = b"wage=8000&hukou=shenzhen&insurances=pension&month=2026-11"
    status, headers, body = stack.request("POST", "/en/calculate", answers, {
        "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true"})
    # Kept by the browser alone (so Back works), never by nginx or another shared cache.
    assert status == 200 and "¥960.00" in body.decode() and headers["Cache-Control"] == "private, max-age=0"


def test_nginx_serves_hashed_static_files_cached_for_a_year_and_gzipped(stack):
    page = stack.request("GET", "/zh/")[2].decode()
    link = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]{12})"', page).group(1)
    status, headers, body = stack.request("GET", link, headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (ROOT / "static/css/site.css").read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert all(headers[name] for name in SECURITY_HEADERS)
    for stale in ("/static/css/site.css", "/static/css/site.css?v=0123456789ab"):
        status, headers, _ = stack.request("GET", stale)
        assert status == 200 and headers["Cache-Control"] == "no-cache" and headers["ETag"]


def test_a_chunked_body_over_the_limit_is_refused_with_413(stack):
    def chunks():
        for _ in range(50):
            yield b"x" * 4096  # 200 KB in all, sent with Transfer-Encoding: chunked
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=10)
    try:
        connection.request("POST", "/api/v1/contribution", body=chunks(), encode_chunked=True,
                           headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        response = connection.getresponse()
        status, headers, body = response.status, response.headers, response.read()
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("the connection was dropped instead of answered with 413")
    finally:
        connection.close()
    assert status == 413
    assert all(headers[name] for name in SECURITY_HEADERS)
    assert headers["Content-Type"].startswith("application/json") and b'"errors"' in body


@pytest.mark.parametrize("path", ["/", "/zh", "/en", "/favicon.ico", "/anything", "/zh/", "/zh/calculate"])
def test_a_forged_host_never_appears_in_a_location(stack, path):
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example"):
        status, headers, _ = stack.request("GET", path, headers={"Host": host})
        assert "evil" not in (headers.get("Location") or ""), (path, host, headers.get("Location"))
        assert status == 400 and all(headers[name] for name in SECURITY_HEADERS)
    status, headers, _ = stack.request("GET", path)
    location = headers.get("Location") or ""
    assert status in (200, 302, 308, 404) and not location.startswith("http"), (path, location)


@pytest.mark.parametrize("method, path, headers, expected", [
    ("GET", "/zh/" + "a" * 20_000, {}, 414),
    ("GET", "/zh/", {"X-Long": "b" * 20_000}, 400),
    ("POST", "/zh/calculate", {"Content-Length": str(200 * 1024)}, 413),
    ("GET", "/static/none.css", {}, 404),
    ("GET", "/_errors/zh/404.html", {}, 404),
])
def test_nginx_error_answers_carry_the_security_headers_and_the_app_page(stack, method, path, headers, expected):
    status, answer, body = stack.request(method, path, b"x" * (200 * 1024) if method == "POST" else None, headers)
    assert status == expected
    assert all(answer[name] for name in SECURITY_HEADERS) and answer["Cache-Control"] in ("no-store", "no-cache")
    assert "<html" in body.decode() and "深圳灵活就业参保助手" in body.decode()
    assert b"nginx" not in body


def test_the_logs_hold_no_address_and_no_query(stack):
    stack.request("GET", "/zh/?secret-query=8765.43")
    with socket.create_connection(("127.0.0.1", stack.port)) as raw:
        raw.sendall(b"GET /zh/?q=1990-05-31 HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n")
        raw.recv(1000)
    time.sleep(0.5)
    log = stack.text_log()
    assert "8765.43" not in log and "1990-05-31" not in log and "secret-query" not in log
    assert "127.0.0.1:" not in log.replace(f"http://127.0.0.1:{stack.port}/", "")


def test_stopping_the_process_group_stops_nginx_and_gunicorn(stack):
    servers = children(stack.process.pid)
    names = {Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ") for pid in servers if alive(pid)}
    assert any(b"nginx: master" in name for name in names) and any(b"gunicorn" in name for name in names), names
    stack.stop()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in servers):
        time.sleep(0.2)
    assert not [pid for pid in servers if alive(pid)]
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", stack.port), timeout=2).close()
