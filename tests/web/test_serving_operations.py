"""Serving real traffic (issue 26), against the stack `make serve` starts in a copy of the project, on a free port:
riders behind one carrier address, a file broken after start-up, `make reload` under load, an app server lost
under load, the health check.

Each test speaks from its own loopback addresses (127.0.0.x: on Linux the whole 127/8 is this machine), so the
per-address limits one test spends are not another's. The copy is started with a short request deadline
(ADVISOR_REQUEST_DEADLINE=8) so that a trickling body is seen cut within a test's time; the default is 30 s.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import TODAY

# The real stack (nginx, two gunicorn instances), tens of seconds of load per test: make test, not make check.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MO = "advisor/translations/zh/LC_MESSAGES/messages.mo"
TITLE = "深圳灵活就业参保助手".encode()
ANSWERS = b"wage=8000&hukou=shenzhen&insurances=pension&month=2026-11"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DEADLINE = 8
COPIED = ("Makefile", "wsgi.py", "babel.cfg", "requirements.txt", "requirements-dev.txt", "pyproject.toml",
          "advisor", "templates", "static", "content", "deploy")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def processes() -> dict[int, tuple[int, bytes]]:
    """pid → (parent pid, command line) of every live process, from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if fields[0] != "Z":
                found[int(entry.name)] = (int(fields[1]), command)
    return found


class Stack:
    """`make serve` in a copy of the project (files can be broken there without touching the checkout)."""

    def __init__(self, tmp: Path) -> None:
        if not (shutil.which("nginx") or os.access("/usr/sbin/nginx", os.X_OK)):
            pytest.fail("nginx is missing: make test installs it (apt-get install nginx)")
        self.site = tmp / "site"
        for name in COPIED:  # copy2 keeps modification times: make sees the catalogues and the venv up to date
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, self.site / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                self.site.mkdir(exist_ok=True)
                shutil.copy2(source, self.site / name)
        (self.site / ".venv").symlink_to(ROOT / ".venv")
        self.port = free_port()
        self.log = tmp / "serve.log"
        self.runtime = tmp / "rt"
        self.environment = {key: value for key, value in os.environ.items()
                            if key not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
        self.environment.update(ADVISOR_PORT=str(self.port), ADVISOR_WORKERS="2", ADVISOR_INSTANCES="2",
                                ADVISOR_TODAY=TODAY, ADVISOR_RUNTIME_DIR=str(self.runtime),
                                ADVISOR_REQUEST_DEADLINE=str(DEADLINE), PYTHONDONTWRITEBYTECODE="1")
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=self.site,
                                            env=self.environment, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        deadline = time.monotonic() + 180
        while "serving on http" not in self.text_log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"make serve did not start:\n{self.text_log()}")
            time.sleep(0.3)

    def text_log(self) -> str:
        return self.log.read_text(errors="replace")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                source: str = "127.0.0.1", timeout: float = 10) -> tuple[int, http.client.HTTPMessage, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=(source, 0))
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def serve_pid(self) -> int:
        return next(pid for pid, (parent, command) in processes().items()
                    if parent == self.process.pid and b"advisor.serving.serve" in command)

    def instances(self) -> dict[int, list[int]]:
        """gunicorn master → its workers, for this stack."""
        table = processes()
        serve = self.serve_pid()
        masters = [pid for pid, (parent, command) in table.items() if parent == serve and b"gunicorn" in command]
        return {master: [pid for pid, (parent, _) in table.items() if parent == master] for master in masters}

    def make(self, target: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "--no-print-directory", target], cwd=self.site, env=self.environment,
                              capture_output=True, text=True, timeout=400)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    running = Stack(tmp_path_factory.mktemp("serving"))
    try:
        yield running
    finally:
        running.stop()


class Load:
    """Steady load: each connection from its own address, a request, a pause of `pause` s, the next; a new TCP
    connection per request. Counts the statuses; every answer but a 200 with the page's title is a failure."""

    REQUESTS = (("GET", "/zh/", None), ("GET", "/en/calculate", None), ("POST", "/en/calculate", ANSWERS),
                ("GET", "/zh/faq", None))

    def __init__(self, stack: Stack, connections: int, first: int, methods: tuple[str, ...] = ("GET", "POST"),
                 pause: float = 0.1) -> None:
        self.stack, self.pause = stack, pause
        self.requests = [request for request in self.REQUESTS if request[0] in methods]
        self.sources = [f"127.0.0.{first + number}" for number in range(connections)]
        self.statuses: Counter = Counter()
        self.failures: list[str] = []
        self.running = True
        self.threads = [threading.Thread(target=self.connection, args=(source, number))
                        for number, source in enumerate(self.sources)]

    def connection(self, source: str, number: int) -> None:
        turn = number
        while self.running:
            method, path, body = self.requests[turn % len(self.requests)]
            turn += 1
            try:
                status, _, answer = self.stack.request(method, path, body, FORM if body else None, source, 30)
            except OSError as error:
                self.failures.append(f"{method} {path}: {type(error).__name__}")
                continue
            self.statuses[status] += 1
            if status != 200 or (method == "GET" and b"<html" not in answer) or (body and "¥960.00" not in
                                                                                 answer.decode()):
                self.failures.append(f"{method} {path}: {status}")
            time.sleep(self.pause)

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(timeout=30)


def test_the_health_check_answers_any_balancer_quickly_and_logs_nothing(stack):
    logged = stack.text_log()
    timings = []
    for number in range(300):  # more than the per-address burst: the health check is not rate-limited
        started = time.monotonic()
        status, headers, body = stack.request("GET", "/healthz", headers={"Host": "10.0.0.9:8000"},
                                              source="127.0.0.2")
        timings.append(time.monotonic() - started)
        assert (status, body) == (200, b"ok\n"), number
    assert headers["Cache-Control"] == "no-store" and headers["Content-Type"].startswith("text/plain")
    assert headers["X-Frame-Options"] == "DENY"
    assert sorted(timings)[len(timings) // 2] < 0.5, sorted(timings)[-10:]
    assert stack.text_log() == logged


async def trickle(port: int, source: str, until: float, lifetimes: list[float]) -> None:
    """One slow client: a POST's headers, then its body a byte a second (each read well within nginx's per-read
    timeout), never finished. When nginx cuts it, it opens another; the time each stayed open is kept."""
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
        except OSError:
            await asyncio.sleep(0.5)
            continue
        opened = time.monotonic()
        try:
            writer.write(b"POST /zh/calculate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nw")
            await writer.drain()
            while time.monotonic() < until:
                try:
                    if await asyncio.wait_for(reader.read(1024), timeout=1) == b"":
                        break  # closed by nginx
                except TimeoutError:
                    pass
                writer.write(b"a")
                await writer.drain()
        except OSError:
            pass
        finally:
            if time.monotonic() < until:
                lifetimes.append(time.monotonic() - opened)
            writer.close()


def test_bodies_trickling_from_one_address_leave_its_other_requests_answered(stack):
    """32 connections from one address trickle bodies for 20 s; 8 normal requests from the same address are
    answered at once, and no trickling body lives past the request deadline."""
    seconds, source = 20, "127.0.0.3"
    lifetimes: list[float] = []
    until = time.monotonic() + seconds

    async def slow_clients():
        await asyncio.gather(*(trickle(stack.port, source, until, lifetimes) for _ in range(32)))

    thread = threading.Thread(target=lambda: asyncio.run(slow_clients()))
    thread.start()
    timings = []
    try:
        time.sleep(2)  # every slow client connected and trickling
        for number in range(8):
            started = time.monotonic()
            if number % 2:
                status, _, body = stack.request("POST", "/en/calculate", ANSWERS, FORM, source=source, timeout=5)
                assert status == 200 and "¥960.00" in body.decode()
            else:
                status, _, body = stack.request("GET", "/zh/", source=source, timeout=5)
                assert status == 200 and TITLE in body
            timings.append(time.monotonic() - started)
            time.sleep((seconds - 4) / 8)
    finally:
        thread.join()
    assert max(timings) < 2, timings
    # Cut by the deadline (a reload of nginx's workers every DEADLINE / 2 s, which close what they still hold
    # DEADLINE / 2 s later), not by a per-read timeout: each trickle kept reading well within that.
    assert len(lifetimes) >= 32, lifetimes
    assert max(lifetimes) < DEADLINE + 4, sorted(lifetimes)[-5:]


def test_sixty_four_phones_behind_one_address_get_no_429(stack):
    """64 connections at once from one address (a crowd behind a carrier's NAT), each opening a page and
    sending answers: every one answered, none refused."""
    statuses: Counter = Counter()
    barrier = threading.Barrier(64)

    def phone():
        barrier.wait()
        statuses[stack.request("GET", "/zh/calculate", source="127.0.0.4", timeout=30)[0]] += 1
        statuses[stack.request("POST", "/zh/calculate", ANSWERS, FORM, source="127.0.0.4", timeout=30)[0]] += 1

    threads = [threading.Thread(target=phone) for _ in range(64)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == {200: 128}


def test_one_address_flooding_is_limited_and_others_are_not(stack):
    """The per-address rate holds: an address asking far beyond it gets 429s once its burst is spent; another
    address does not."""
    statuses: Counter = Counter()

    def flood():
        for _ in range(250):  # 8 × 250 at most, as fast as they are answered; a 429 costs nginx next to nothing
            statuses[stack.request("GET", "/zh/", source="127.0.0.5", timeout=30)[0]] += 1
            if statuses[429] >= 50:
                break

    threads = [threading.Thread(target=flood) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses[429] >= 50 and statuses[200] >= 200 and set(statuses) == {200, 429}, statuses
    assert stack.request("GET", "/zh/", source="127.0.0.6")[0] == 200


def test_files_broken_after_start_up_change_nothing_when_workers_restart(stack):
    """The catalogue garbled, a template and a content file broken on disk, then every worker killed (-9): the
    workers gunicorn starts again are forked from the master, which loaded everything before forking."""
    broken = {name: (stack.site / name).read_bytes()
              for name in (MO, "templates/base.html", "content/parameters/unemployment/rate.yaml")}
    try:
        for name in broken:
            (stack.site / name).write_bytes(b"\x00 broken after start-up \xff" * 40)
        killed = [worker for workers in stack.instances().values() for worker in workers]
        assert len(killed) == 4
        for worker in killed:
            os.kill(worker, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while {worker for workers in stack.instances().values() for worker in workers} & set(killed) or sum(
                len(workers) for workers in stack.instances().values()) < 4:
            assert time.monotonic() < deadline, stack.instances()
            time.sleep(0.2)
        for path in ("/zh/", "/zh/calculate", "/zh/faq", "/zh/check", "/zh/register", "/en/"):
            for _ in range(4):  # through both instances, several workers
                status, _, body = stack.request("GET", path, source="127.0.0.7")
                assert status == 200 and b"<html" in body, (path, status)
                if path.startswith("/zh/"):
                    assert "常见问题".encode() in body  # translated: the catalogue in memory
        status, _, body = stack.request("POST", "/zh/calculate", ANSWERS, FORM, source="127.0.0.7")
        assert status == 200 and "¥960.00" in body.decode()
    finally:
        for name, data in broken.items():
            (stack.site / name).write_bytes(data)


def test_a_reload_with_a_broken_file_is_refused_and_keeps_serving(stack):
    catalogue = stack.site / MO
    intact = catalogue.read_bytes()
    before = stack.instances()
    try:
        catalogue.write_bytes(b"\x00 not a catalogue \xff" * 40)
        result = stack.make("reload")
    finally:
        catalogue.write_bytes(intact)
    assert result.returncode != 0
    assert f"reload refused: refusing to start: {MO}: not a readable compiled catalogue" in result.stderr
    assert "still serving" in result.stderr
    assert stack.instances().keys() == before.keys()
    status, _, body = stack.request("GET", "/zh/", source="127.0.0.8")
    assert status == 200 and TITLE in body


def test_make_reload_under_load_drops_nothing_and_serves_the_new_files(stack):
    """16 connections for 20 s (and on until the reload is done); a template changed on disk is seen only after
    make reload, which fails none of the requests."""
    base = stack.site / "templates/base.html"
    marker = b"<!-- reloaded 4242 -->"
    base.write_bytes(base.read_bytes().replace(b"</body>", marker + b"</body>"))
    assert marker not in stack.request("GET", "/zh/glossary", source="127.0.0.9")[2]
    old = set(stack.instances())
    started = time.monotonic()
    with Load(stack, 16, first=10) as load:
        time.sleep(3)
        result = stack.make("reload")
        time.sleep(max(3.0, 20 - (time.monotonic() - started)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reloaded: generation" in result.stderr
    assert load.failures == [] and sum(load.statuses.values()) > 100, (load.failures[:10], load.statuses)
    assert not old & set(stack.instances()) and len(stack.instances()) == 2
    for _ in range(4):
        assert marker in stack.request("GET", "/zh/glossary", source="127.0.0.9")[2]
    log = stack.text_log()
    assert "wage" not in log and "hukou" not in log  # no body, no answer in any log


def test_an_app_server_lost_under_load_fails_no_get_and_sighup_brings_a_full_set_back(stack):
    masters = stack.instances()
    assert len(masters) == 2
    lost, workers = next(iter(masters.items()))
    with Load(stack, 16, first=40, methods=("GET",)) as load:
        time.sleep(3)
        for pid in (lost, *workers):  # the whole instance, as a machine going down
            os.kill(pid, signal.SIGKILL)
        time.sleep(8)
    assert load.failures == [] and sum(load.statuses.values()) > 50, (load.failures[:10], load.statuses)
    assert "an app server stopped" in stack.text_log() and len(stack.instances()) == 1
    # SIGHUP to make serve's process group (a terminal's hang-up, or a supervisor's reload) reloads it.
    reloads = stack.runtime / "reloads"
    done = reloads.read_text().count("\n")
    os.killpg(stack.process.pid, signal.SIGHUP)
    deadline = time.monotonic() + 240
    while reloads.read_text().count("\n") == done:
        assert time.monotonic() < deadline and stack.process.poll() is None, stack.text_log()[-3000:]
        time.sleep(0.5)
    assert reloads.read_text().splitlines()[done].startswith("reloaded")
    assert len(stack.instances()) == 2 and stack.process.poll() is None
    assert stack.request("GET", "/zh/", source="127.0.0.60")[0] == 200
