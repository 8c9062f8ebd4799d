"""`make serve`: the production stack on one machine, nginx in front of several gunicorn instances, as the current
user; `make reload` replaces the instances without dropping a request.

    python -m advisor.serving.serve          serve (what make serve runs)
    python -m advisor.serving.serve reload   reload the running one (what make reload runs)

Settings (environment): ADVISOR_PORT=8000 and ADVISOR_HOST=127.0.0.1 (where nginx listens), ADVISOR_INSTANCES=2
(gunicorn instances, each on its own Unix socket), ADVISOR_WORKERS (workers per instance; by default 2 × cores + 1
shared between the instances), ADVISOR_REQUESTS_PER_ADDRESS=20 (requests a second to the app per client address,
with ten seconds' worth as a burst), ADVISOR_CONNECTIONS_PER_ADDRESS=1024 (requests in progress per address, a
backstop), ADVISOR_REQUEST_DEADLINE=30 (seconds a request may live in nginx, its body included),
ADVISOR_RUNTIME_DIR, and ADVISOR_TRUSTED_HOSTS as for the app. deploy/nginx.conf explains the numbers.

1. Creates the app once, which checks content/, the catalogues, templates and static files; a refusal
   is one line naming the file and the problem, and exit status 1, before anything starts.
2. Makes a runtime folder (ADVISOR_RUNTIME_DIR, or a new one under $XDG_RUNTIME_DIR or the temporary
   folder) holding nginx's configuration (deploy/nginx.conf filled in), pid file and temporary files, and one
   folder per generation: the gunicorn sockets and nginx's error pages (the app's own, in each language).
3. Starts the gunicorn instances (advisor/serving/gunicorn_conf.py: each master loads the app and every template
   before forking its workers), checks each one answers its health check and a page, then starts nginx in the
   foreground on ADVISOR_HOST:ADVISOR_PORT.
4. Stays in the foreground. SIGINT (Ctrl-C) or SIGTERM, to this process or its process group, stops everything.
   SIGHUP (what `make reload` sends) reloads: a new generation of instances is started from the files as they
   are now, with the code as it is now; each is checked; nginx is switched to them (a reload of nginx: its old
   workers finish what they hold); then the old instances finish their requests and stop. A refusal at any
   step (a broken file, an instance that does not answer) stops the new instances and keeps the old ones
   serving. Every ADVISOR_REQUEST_DEADLINE / 2 seconds nginx's workers are recycled the same way (the deadline).
   An instance that stops by itself is not restarted from files that may have changed since the last reload:
   the others serve on (nginx tries the next one), and `make reload` brings a full set back; if none is left,
   nginx is stopped too and the exit status is 1. The runtime folder is removed at the end.
"""

from __future__ import annotations

import grp
import hashlib
import json
import math
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from flask import g
from werkzeug.exceptions import HTTPException

from advisor import StartupRefused, create_app
from advisor.i18n import LANGUAGES
from advisor.web.errors import handle_error
from advisor.web.headers import security_headers

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf"
GUNICORN_CONF = ROOT / "advisor" / "serving" / "gunicorn_conf.py"
MIME_TYPES = Path("/etc/nginx/mime.types")
ERROR_STATUSES = (400, 403, 404, 405, 408, 413, 414, 429, 431, 494, 500, 502, 503, 504)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
RELOADS = "reloads"  # in the runtime folder: one line per reload, which `make reload` waits for
HEALTH_PATH = "/healthz"
STARTUP_LIMIT = 90  # seconds for an instance to load the app and answer


class Refused(Exception):
    pass


def say(message: str) -> None:
    print(f"advisor serve: {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    instances: int = 2
    workers: int | None = None  # per instance; None: 2 × cores + 1 shared between the instances
    rate: int = 20  # requests a second to the app per client address
    per_address: int = 1024  # requests in progress per address: a backstop
    deadline: int = 30  # seconds a request may live in nginx

    @property
    def burst(self) -> int:
        return 10 * self.rate

    @property
    def listen(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def workers_per_instance(self) -> int:
        return self.workers or math.ceil((2 * os.cpu_count() + 1) / self.instances)


def _whole(environ, name: str, default: int, least: int, most: int | None = None) -> int:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
        if value < least or (most is not None and value > most):
            raise ValueError
    except ValueError:
        bounds = f"from {least} to {most}" if most is not None else f"at least {least}"
        raise Refused(f"refusing to start: setting: {name} must be a whole number {bounds} (got {raw!r})") from None
    return value


def read_settings(environ) -> Settings:
    return Settings(
        host=environ.get("ADVISOR_HOST", "127.0.0.1"),
        port=_whole(environ, "ADVISOR_PORT", 8000, 1, 65535),
        instances=_whole(environ, "ADVISOR_INSTANCES", 2, 1, 64),
        workers=_whole(environ, "ADVISOR_WORKERS", 0, 1) or None,
        rate=_whole(environ, "ADVISOR_REQUESTS_PER_ADDRESS", 20, 1),
        per_address=_whole(environ, "ADVISOR_CONNECTIONS_PER_ADDRESS", 1024, 1),
        deadline=_whole(environ, "ADVISOR_REQUEST_DEADLINE", 30, 4),
    )


def find_nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        raise Refused("nginx is not installed (sudo apt-get install nginx; make serve does it when run as root)")
    return found


def load_app():
    try:
        return create_app()
    except StartupRefused as refusal:
        raise Refused(f"refusing to start: {refusal}") from None


def runtime_folder() -> Path:
    configured = os.environ.get("ADVISOR_RUNTIME_DIR")
    if configured:
        folder = Path(configured)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder
    # Unix socket paths are limited to about 100 bytes: keep the folder name short.
    return Path(tempfile.mkdtemp(prefix="advisor-", dir=_runtime_parent()))


def _runtime_parent() -> str | None:
    parent = os.environ.get("XDG_RUNTIME_DIR")
    return parent if parent and os.access(parent, os.W_OK) else None


def pointer_file(settings: Settings) -> Path:
    """Where `make reload` finds the running `make serve` for these settings: its pid and runtime folder."""
    configured = os.environ.get("ADVISOR_RUNTIME_DIR")
    if configured:
        return Path(configured) / "serve.json"
    name = f"advisor-serve-{settings.host}-{settings.port}.json".replace("/", "_").replace(":", "_")
    return Path(_runtime_parent() or tempfile.gettempdir()) / name


def static_versions(static: Path) -> list[tuple[str, str]]:
    """(URL path, hash) of every static file, the hash the app puts in its links (advisor/web/static_files.py)."""
    versions = []
    for path in sorted(static.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            versions.append(("/static/" + path.relative_to(static).as_posix(), digest))
    return versions


def error_pages(app, folder: Path) -> None:
    """The app's own error page for each status nginx may answer itself, in each language."""
    for kind, path in [*((language, f"/{language}/") for language in LANGUAGES), ("api", "/api/v1/")]:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        for status in ERROR_STATUSES:
            error = HTTPException()
            error.code = 400 if status == 494 else status  # 494: nginx's "request header too large"
            with app.test_request_context(path):
                if kind != "api":
                    g.lang_code = kind
                response = handle_error(error)
            (folder / kind / f"{status}.{'json' if kind == 'api' else 'html'}").write_bytes(response.get_data())


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sockets(generation: Path, settings: Settings) -> list[Path]:
    return [generation / f"app-{number}.sock" for number in range(1, settings.instances + 1)]


def nginx_config(app, runtime: Path, generation: Path, settings: Settings) -> str:
    headers = security_headers()
    indent = " " * 12
    header_lines = "\n".join(f"{indent}add_header {name} {quoted(value)} always;" for name, value in headers.items())
    header_lines += f"\n{indent}add_header Strict-Transport-Security $hsts always;"
    maps, app_lines = [], []
    for name, value in headers.items():
        variable = "$security_" + name.lower().replace("-", "_")
        upstream_variable = "$upstream_http_" + name.lower().replace("-", "_")
        maps.append(f"    map {upstream_variable} {variable} {{\n        \"\" {quoted(value)};\n"
                    f"        default \"\";\n    }}")
        app_lines.append(f"{indent}add_header {name} {variable} always;")
    app_lines.append(f"{indent}add_header Strict-Transport-Security $hsts always;")
    static = Path(app.static_folder)
    versions = "\n".join(f"        {quoted(path + '?' + digest)} \"public, max-age=31536000, immutable\";"
                         for path, digest in static_versions(static))
    pages = "\n".join(f"        error_page {status} /_errors/$error_page/{status}.$error_type;"
                       for status in ERROR_STATUSES)
    user_line = ""
    if os.geteuid() == 0:
        # As root nginx would switch its workers to "nobody"; they stay the current user, like gunicorn.
        user_line = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};"
    trusted = app.config.get("TRUSTED_HOSTS") or ["localhost"]
    servers = "\n".join(f"        server unix:{path} max_fails=1 fail_timeout=10s;"
                        for path in sockets(generation, settings))
    values = {
        "USER_LINE": user_line,
        "RUNTIME": str(runtime),
        "GENERATION": str(generation),
        "MIME_TYPES": str(MIME_TYPES),
        "MAX_BODY": str(app.config["MAX_CONTENT_LENGTH"]),
        "HEADER_MAPS": "\n".join(maps),
        "STATIC_VERSIONS": versions,
        "DEFAULT_HOST": trusted[0].lstrip("."),
        "UPSTREAM": servers,
        "LISTEN": settings.listen,
        "RATE": str(settings.rate),
        "BURST": str(settings.burst),
        "PER_ADDRESS": str(settings.per_address),
        "DEADLINE": str(settings.deadline),
        "RECYCLE": str(settings.deadline // 2),
        "ERROR_PAGES": pages,
        "APP_HEADERS": "\n".join(app_lines),
        "HEADERS": header_lines,
        "STATIC": str(static),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    leftover = [word for word in text.split() if word.startswith("@") and word.rstrip(";").endswith("@")]
    if leftover:
        raise Refused(f"deploy/nginx.conf: unknown placeholder {leftover[0]}")
    return text


def prepare(app, runtime: Path, generation: Path, settings: Settings) -> None:
    """A generation's folder: nginx's error pages and the configuration naming this generation's sockets."""
    generation.mkdir(mode=0o700, exist_ok=True)
    error_pages(app, generation / "errors")
    (generation / "nginx.conf").write_text(nginx_config(app, runtime, generation, settings), encoding="utf-8")


def ask(path: Path, target: str, host: str, timeout: float) -> tuple[int, bytes]:
    """One GET over a gunicorn Unix socket: (status, body)."""
    with socket.socket(socket.AF_UNIX) as connection:
        connection.settimeout(timeout)
        connection.connect(str(path))
        connection.sendall(f"GET {target} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode("ascii"))
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def check_instance(path: Path, process: subprocess.Popen, host: str, limit: float = STARTUP_LIMIT) -> None:
    """Wait until an instance listens, then ask it its health check and the start page in each language."""
    deadline = time.monotonic() + limit
    while not path.exists():
        if process.poll() is not None:
            raise Refused(f"gunicorn stopped while starting (status {process.returncode}; its log is above)")
        if time.monotonic() > deadline:
            raise Refused(f"gunicorn did not listen on {path} within {limit:.0f} s")
        time.sleep(0.1)
    for target in (HEALTH_PATH, *(f"/{language}/" for language in LANGUAGES)):
        try:
            status, _ = ask(path, target, host, max(1.0, deadline - time.monotonic()))
        except (OSError, ValueError, IndexError):
            if process.poll() is not None:
                raise Refused(f"gunicorn stopped while starting (status {process.returncode}; its log is above)"
                              ) from None
            raise Refused(f"gunicorn on {path} did not answer {target}") from None
        if status != 200:
            raise Refused(f"gunicorn on {path} answered {target} with {status}")


def wait_for_port(host: str, port: int, process: subprocess.Popen, limit: float = 20) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Refused(f"nginx stopped while starting on {host}:{port} (its message is above)")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise Refused(f"nginx did not listen on {host}:{port} within {limit:.0f} s")


def stop(processes: list[subprocess.Popen], grace: float = 15) -> None:
    """SIGTERM (gunicorn and nginx finish the requests they hold), SIGKILL for what is left after `grace` s."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def nginx_workers(master: int) -> dict[int, bytes]:
    """nginx's worker processes (pid → title), from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == master and fields[0] != "Z" and title.startswith(b"nginx: worker"):
            found[int(entry.name)] = title
    return found


class Stack:
    """nginx and the current generation of gunicorn instances, kept by `make serve`."""

    def __init__(self, settings: Settings, nginx: str, runtime: Path) -> None:
        self.settings, self.nginx_binary, self.runtime = settings, nginx, runtime
        self.number = 0
        self.generation: Path | None = None
        self.instances: list[subprocess.Popen] = []
        self.nginx: subprocess.Popen | None = None
        self.host = "localhost"

    def environment(self, path: Path) -> dict:
        return {**os.environ, "ADVISOR_BIND": f"unix:{path}",
                "ADVISOR_WORKERS": str(self.settings.workers_per_instance())}

    def start_instances(self, generation: Path) -> list[subprocess.Popen]:
        """Start this generation's instances and check each; on a refusal, stop them and raise Refused."""
        gunicorn = Path(sys.executable).with_name("gunicorn")
        started = []
        try:
            for path in sockets(generation, self.settings):
                started.append(subprocess.Popen([str(gunicorn), "--config", str(GUNICORN_CONF), "wsgi:app"],
                                                cwd=ROOT, env=self.environment(path)))
            for path, process in zip(sockets(generation, self.settings), started, strict=True):
                check_instance(path, process, self.host)
        except BaseException:
            stop(started)
            raise
        return started

    def start(self, app) -> None:
        self.host = (app.config.get("TRUSTED_HOSTS") or ["localhost"])[0].lstrip(".")
        self.number = 1
        self.generation = self.runtime / "g1"
        prepare(app, self.runtime, self.generation, self.settings)
        self.instances = self.start_instances(self.generation)
        shutil.copyfile(self.generation / "nginx.conf", self.runtime / "nginx.conf")
        self.nginx = subprocess.Popen([self.nginx_binary, "-p", str(self.runtime), "-c",
                                       str(self.runtime / "nginx.conf"), "-e", "stderr",
                                       "-g", "daemon off; master_process on;"], cwd=self.runtime)
        wait_for_port(self.settings.host, self.settings.port, self.nginx)

    def recycle(self) -> None:
        """nginx's reload with the same configuration: new workers, the old ones finish (the request deadline)."""
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGHUP)

    def switch_nginx(self, configuration: Path) -> None:
        """Point nginx at a new configuration, wait for its new workers and for the old ones to leave."""
        test = subprocess.run([self.nginx_binary, "-t", "-q", "-p", str(self.runtime), "-c", str(configuration),
                               "-e", "stderr", "-g", "daemon off; master_process on;"],
                              cwd=self.runtime, capture_output=True, text=True, timeout=30)
        if test.returncode:
            raise Refused(f"nginx refused the new configuration: {test.stderr.strip()}")
        before = set(nginx_workers(self.nginx.pid))
        staged = self.runtime / "nginx.conf.new"
        shutil.copyfile(configuration, staged)
        os.replace(staged, self.runtime / "nginx.conf")
        self.nginx.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while not set(nginx_workers(self.nginx.pid)) - before:
            if time.monotonic() > deadline or self.nginx.poll() is not None:
                raise Refused("nginx did not start workers with the new configuration")
            time.sleep(0.05)
        # The old workers finish the requests they hold (worker_shutdown_timeout bounds it).
        deadline = time.monotonic() + self.settings.deadline // 2 + 10
        while before & set(nginx_workers(self.nginx.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)

    def reload(self) -> str:
        """A new generation from the files as they are now; the old one keeps serving if anything is refused."""
        number = self.number + 1
        generation = self.runtime / f"g{number}"
        shutil.rmtree(generation, ignore_errors=True)
        # The code as it is now: a new process prepares the generation (the app's own pages and headers).
        result = subprocess.run([sys.executable, "-m", "advisor.serving.serve", "prepare", str(self.runtime),
                                 str(generation)], cwd=ROOT, capture_output=True, text=True, timeout=300)
        if result.returncode:
            shutil.rmtree(generation, ignore_errors=True)
            lines = (result.stderr or result.stdout).strip().splitlines() or [f"status {result.returncode}"]
            raise Refused(lines[-1].removeprefix("advisor serve: "))
        started = self.start_instances(generation)
        try:
            self.switch_nginx(generation / "nginx.conf")
        except BaseException:
            stop(started)
            shutil.rmtree(generation, ignore_errors=True)
            raise
        old, old_generation = self.instances, self.generation
        self.instances, self.generation, self.number = started, generation, number
        stop(old, grace=15)  # each finishes the requests it holds (gunicorn's graceful stop)
        shutil.rmtree(old_generation, ignore_errors=True)
        return f"reloaded: generation {number}, {len(started)} instance(s) serving"

    def stop(self) -> None:
        stop([*([self.nginx] if self.nginx else []), *self.instances])


def record(runtime: Path, line: str) -> None:
    with open(runtime / RELOADS, "a", encoding="utf-8") as out:
        out.write(line + "\n")


def write_pointer(settings: Settings, runtime: Path) -> Path:
    pointer = pointer_file(settings)
    staged = pointer.with_name(pointer.name + f".{os.getpid()}")
    staged.write_text(json.dumps({"pid": os.getpid(), "runtime": str(runtime)}), encoding="utf-8")
    os.replace(staged, pointer)
    return pointer


def serve() -> int:
    stopping: list[int] = []
    reloads: list[int] = []

    def on_signal(number, frame):  # noqa: ARG001
        stopping.append(number)

    def on_reload(number, frame):  # noqa: ARG001
        reloads.append(number)

    for number in STOP_SIGNALS:
        signal.signal(number, on_signal)
    signal.signal(signal.SIGHUP, on_reload)

    runtime: Path | None = None
    pointer: Path | None = None
    stack: Stack | None = None
    try:
        settings = read_settings(os.environ)
        nginx = find_nginx()
        app = load_app()
        runtime = runtime_folder()
        for name in ("client-body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (runtime / name).mkdir(exist_ok=True)
        (runtime / RELOADS).write_text("", encoding="utf-8")
        stack = Stack(settings, nginx, runtime)
        stack.start(app)
        del app  # the instances serve; this process only keeps them
        if stopping:
            return 0
        pointer = write_pointer(settings, runtime)
        say(f"serving on http://{settings.listen}/ (nginx → {len(stack.instances)} gunicorn instance(s) in "
            f"{runtime}); Ctrl-C stops, make reload reloads")
        recycle_at = time.monotonic() + settings.deadline // 2
        while not stopping:
            if reloads:
                reloads.clear()
                try:
                    line = stack.reload()
                except Refused as refusal:
                    line = f"reload refused: {refusal}; generation {stack.number} still serving"
                say(line)
                record(runtime, line)
                recycle_at = time.monotonic() + settings.deadline // 2
            if stack.nginx.poll() is not None:
                say(f"nginx stopped (status {stack.nginx.returncode}); stopping the app servers")
                return 1
            for process in [process for process in stack.instances if process.poll() is not None]:
                stack.instances.remove(process)
                say(f"an app server stopped (status {process.returncode}); {len(stack.instances)} left serving "
                    "(make reload starts a full set)")
            if not stack.instances:
                say("no app server left; stopping nginx")
                return 1
            if time.monotonic() >= recycle_at:
                stack.recycle()
                recycle_at = time.monotonic() + settings.deadline // 2
            time.sleep(0.2)
        return 0
    except Refused as refusal:
        say(str(refusal))
        return 1
    finally:
        if stack is not None:
            stack.stop()
        if pointer is not None:
            pointer.unlink(missing_ok=True)
        if runtime is not None and not os.environ.get("ADVISOR_RUNTIME_DIR"):
            shutil.rmtree(runtime, ignore_errors=True)


def prepare_command(runtime: str, generation: str) -> int:
    """`serve prepare RUNTIME GENERATION`, run by a reload: the app loaded afresh, its generation folder written."""
    try:
        prepare(load_app(), Path(runtime), Path(generation), read_settings(os.environ))
    except Refused as refusal:
        say(str(refusal))
        return 1
    return 0


def reload_command(limit: float = 300) -> int:
    """`make reload`: ask the running `make serve` (same ADVISOR_PORT, ADVISOR_HOST, ADVISOR_RUNTIME_DIR) to
    reload, and wait for its answer."""
    try:
        pointer = pointer_file(read_settings(os.environ))
    except Refused as refusal:
        say(str(refusal))
        return 1
    try:
        if pointer.stat().st_uid != os.getuid():
            raise OSError
        running = json.loads(pointer.read_text(encoding="utf-8"))
        pid, runtime = int(running["pid"]), Path(running["runtime"])
        if b"advisor.serving.serve" not in Path(f"/proc/{pid}/cmdline").read_bytes():
            raise OSError  # a stale file: that process is gone, and its number may be another's now
        done = (runtime / RELOADS).read_text(encoding="utf-8").count("\n")
        os.kill(pid, signal.SIGHUP)
    except (OSError, ValueError, KeyError):
        say(f"no make serve of yours is running for these settings ({pointer} names none)")
        return 1
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        lines = (runtime / RELOADS).read_text(encoding="utf-8").splitlines()
        if len(lines) > done:
            say(lines[done])
            return 0 if lines[done].startswith("reloaded") else 1
        time.sleep(0.2)
    say(f"no answer from make serve (pid {pid}) within {limit:.0f} s")
    return 1


def main(arguments: list[str]) -> int:
    if arguments == ["reload"]:
        return reload_command()
    if len(arguments) == 3 and arguments[0] == "prepare":
        return prepare_command(arguments[1], arguments[2])
    if arguments:
        say("usage: python -m advisor.serving.serve [reload]")
        return 2
    return serve()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
