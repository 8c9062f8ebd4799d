"""`make serve`: the production stack on one machine, nginx in front of gunicorn, as the current user.

    python -m advisor.serving.serve      (ADVISOR_PORT=8000, ADVISOR_HOST=127.0.0.1, ADVISOR_CONNECTIONS_PER_ADDRESS=32
                                  by default; ADVISOR_WORKERS, ADVISOR_TRUSTED_HOSTS as for the app and gunicorn)

1. Creates the app once, which checks content/, the catalogues, templates and static files; a refusal
   is one line naming the file and the problem, and exit status 1, before anything starts.
2. Makes a runtime folder (ADVISOR_RUNTIME_DIR, or a new one under $XDG_RUNTIME_DIR or the temporary
   folder) holding gunicorn's Unix socket, nginx's configuration (deploy/nginx.conf with the paths,
   the app's body limit, security headers and static file hashes filled in), its pid file and
   temporary files, and nginx's error pages (the app's own, rendered in each language).
3. Starts gunicorn (advisor/serving/gunicorn_conf.py) on that socket, waits until it answers, then nginx in
   the foreground on ADVISOR_HOST:ADVISOR_PORT.
4. Stays in the foreground. SIGINT (Ctrl-C), SIGTERM or SIGHUP — to this process or to its whole
   process group — stops both; if either stops by itself, the other is stopped too and the exit
   status is 1. The runtime folder is removed at the end.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
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
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Refused(Exception):
    pass


def say(message: str) -> None:
    print(f"advisor serve: {message}", file=sys.stderr, flush=True)


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
    parent = os.environ.get("XDG_RUNTIME_DIR")
    if not parent or not os.access(parent, os.W_OK):
        parent = None
    # Unix socket paths are limited to about 100 bytes: keep the folder name short.
    return Path(tempfile.mkdtemp(prefix="advisor-", dir=parent))


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


def nginx_config(app, runtime: Path, listen: str, upstream: str, per_address: int = 32) -> str:
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
        import grp
        import pwd
        user_line = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};"
    trusted = app.config.get("TRUSTED_HOSTS") or ["localhost"]
    values = {
        "USER_LINE": user_line,
        "RUNTIME": str(runtime),
        "MIME_TYPES": str(MIME_TYPES),
        "MAX_BODY": str(app.config["MAX_CONTENT_LENGTH"]),
        "HEADER_MAPS": "\n".join(maps),
        "STATIC_VERSIONS": versions,
        "DEFAULT_HOST": trusted[0].lstrip("."),
        "UPSTREAM": upstream,
        "LISTEN": listen,
        "PER_ADDRESS": str(per_address),
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


def wait_for_socket(path: Path, process: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Refused("gunicorn stopped while starting (its log is above)")
        if path.exists():
            with socket.socket(socket.AF_UNIX) as probe:
                try:
                    probe.connect(str(path))
                    return
                except OSError:
                    pass
        time.sleep(0.1)
    raise Refused(f"gunicorn did not listen on {path} within {limit:.0f} s")


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


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def main() -> int:
    stopping: list[int] = []

    def on_signal(number, frame):  # noqa: ARG001
        stopping.append(number)

    for number in STOP_SIGNALS:
        signal.signal(number, on_signal)

    host = os.environ.get("ADVISOR_HOST", "127.0.0.1")
    try:
        port = int(os.environ.get("ADVISOR_PORT", "8000"))
        if not 1 <= port <= 65535:
            raise ValueError
    except ValueError:
        say(f"refusing to start: setting: ADVISOR_PORT must be a port number (got {os.environ['ADVISOR_PORT']!r})")
        return 1
    try:
        per_address = int(os.environ.get("ADVISOR_CONNECTIONS_PER_ADDRESS", "32"))
        if per_address < 1:
            raise ValueError
    except ValueError:
        say("refusing to start: setting: ADVISOR_CONNECTIONS_PER_ADDRESS must be a whole number, at least 1 "
            f"(got {os.environ['ADVISOR_CONNECTIONS_PER_ADDRESS']!r})")
        return 1
    processes: list[subprocess.Popen] = []
    runtime: Path | None = None
    try:
        nginx = find_nginx()
        app = load_app()
        runtime = runtime_folder()
        for name in ("client-body", "proxy", "fastcgi", "uwsgi", "scgi", "errors"):
            (runtime / name).mkdir(exist_ok=True)
        sock = runtime / "gunicorn.sock"
        error_pages(app, runtime / "errors")
        listen = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        config = runtime / "nginx.conf"
        config.write_text(nginx_config(app, runtime, listen, f"unix:{sock}", per_address), encoding="utf-8")

        environment = {**os.environ, "ADVISOR_BIND": f"unix:{sock}"}
        gunicorn = Path(sys.executable).with_name("gunicorn")
        processes.append(subprocess.Popen([str(gunicorn), "--config", str(GUNICORN_CONF), "wsgi:app"],
                                          cwd=ROOT, env=environment))
        wait_for_socket(sock, processes[0])
        if stopping:
            return 0
        processes.append(subprocess.Popen([nginx, "-p", str(runtime), "-c", str(config), "-e", "stderr",
                                           "-g", "daemon off; master_process on;"], cwd=runtime))
        wait_for_port(host, port, processes[1])
        say(f"serving on http://{listen}/ (nginx → gunicorn on {sock}); Ctrl-C stops both")
        while not stopping:
            for process, name in zip(processes, ("gunicorn", "nginx"), strict=True):
                if process.poll() is not None:
                    say(f"{name} stopped (status {process.returncode}); stopping the other")
                    return 1
            time.sleep(0.2)
        return 0
    except Refused as refusal:
        say(str(refusal))
        return 1
    finally:
        stop(processes)
        if runtime is not None and not os.environ.get("ADVISOR_RUNTIME_DIR"):
            shutil.rmtree(runtime, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
