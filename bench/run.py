"""`make bench`: the site's speed as figures. Prints them; asserts nothing (not a test).

0. Server CPU per request, side by side: bare Flask "hello"; each page, htmx fragment and API operation of the
   app under gunicorn; and each one's floor, the same bytes (captured from the app) served by a minimal Jinja
   template plus the app's gzip in bare Flask (bench/floor.py). wrk drives each in turn for a fixed time; the
   CPU is the gunicorn master's and workers' user + system time from /proc/<pid>/stat, before and after,
   divided by the requests answered. Printed as ms per request, × its floor and × hello, with the targets
   (pages and fragments ≤ 2× their floor, the forecast page < 2 ms, the API ≤ 1.5× hello).
1. Load: the app and a bare Flask "hello" app, both under gunicorn with the production settings
   (advisor/serving/gunicorn_conf.py), on loopback ports, and the production stack as `make serve` runs it
   (nginx in front of gunicorn, advisor/serving/serve.py); wrk with 64 connections for a bounded time
   per scenario. Requests/s, p50/p99 latency, errors, and each latency's ratio to the bare app's.
   Then the same with one connection, where latency is the cost of one request, not a queue.
2. Page weight: a first visit (empty cache) to /zh/ and /zh/calculate through the production
   stack in Debian's Chromium through Playwright, bytes on the wire (headers included,
   compressed) and requests to any host other than 127.0.0.1.
3. Live recalculation: time from changing the wage to the swapped result, median of 20 runs.

Every server is started here and stopped in `finally`. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TODAY = "2026-11-22"  # ADVISOR_TODAY: the same figures on every run
CONNECTIONS = 64
THREADS = 2
SINGLE_SECONDS = 3
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

CALCULATOR_FORM = urlencode([
    ("wage", "8000"), ("hukou", "shenzhen"), ("insurances", "pension"), ("insurances", "medical"),
    ("insurances", "unemployment"), ("month", "2026-11"),
])
ELIGIBILITY_JSON = json.dumps({
    "birth_date": "1990-05-31", "sex": "male", "hukou": "shenzhen", "residence_permit": False,
    "full_time_student": False, "employer_insured": False, "work": "platform",
})
FORM_TYPE = "Content-Type: application/x-www-form-urlencoded"
# Browsers always offer gzip, so the app's real cost includes compressing its answer.
GZIP = "Accept-Encoding: gzip"


def scenarios() -> list[dict]:
    """Each scenario: where it goes, what it sends, and a text its answer must contain. The app's scenarios
    run twice: against gunicorn directly, and through nginx as `make serve` runs them."""
    direct = [
        {"name": "calculator page (POST /zh/calculate)", "server": "app", "path": "/zh/calculate",
         "method": "POST", "body": CALCULATOR_FORM, "headers": [FORM_TYPE, GZIP], "expect": "<html"},
        {"name": "calculator htmx fragment", "server": "app", "path": "/zh/calculate", "method": "POST",
         "body": CALCULATOR_FORM, "headers": [FORM_TYPE, GZIP, "HX-Request: true"], "expect": "¥2,400.00"},
        {"name": "eligibility API (POST JSON)", "server": "app", "path": "/api/v1/eligibility", "method": "POST",
         "body": ELIGIBILITY_JSON, "headers": ["Content-Type: application/json", GZIP], "expect": '"pension"'},
    ]
    through_nginx = [{**scenario, "name": scenario["name"].split(" (")[0] + " via nginx", "server": "stack"}
                     for scenario in direct]
    bare = {"name": "bare Flask 'hello'", "server": "bare", "path": "/", "method": "GET", "body": None,
            "headers": [GZIP], "expect": "hello"}
    return [*direct, *through_nginx, bare]


# Servers ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


MASTERS: dict[str, int] = {}  # base URL → gunicorn master's pid, for the CPU figures


@contextmanager
def gunicorn(app_spec: str, extra: list[str], log: Path, env_extra: dict | None = None, root: Path = ROOT):
    """gunicorn with the production config on a free loopback port; stopped whatever happens."""
    port = free_port()
    env = {**os.environ, "ADVISOR_TODAY": TODAY, **(env_extra or {})}
    # A checkout from before issue 22 kept its gunicorn settings at the package's root.
    config = next(path for path in (root / "advisor" / "serving" / "gunicorn_conf.py",
                                    root / "advisor" / "gunicorn_conf.py") if path.exists())
    command = [str(BIN / "gunicorn"), "--config", str(config),
               "--bind", f"127.0.0.1:{port}", *extra, app_spec]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        wait_until_listening(port, process, log)
        MASTERS[f"http://127.0.0.1:{port}"] = process.pid
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@contextmanager
def production_stack(log: Path):
    """`make serve`'s stack (python -m advisor.serving.serve: nginx in front of gunicorn) on a free loopback port."""
    port = free_port()
    # wrk's 64 connections all come from one address, asking as fast as they are answered: far above the
    # per-address rate of deploy/nginx.conf (20 a second with a burst of 200), which the benchmark lifts.
    env = {**os.environ, "ADVISOR_TODAY": TODAY, "ADVISOR_PORT": str(port),
           "ADVISOR_REQUESTS_PER_ADDRESS": "1000000"}
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "advisor.serving.serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_listening(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)  # advisor.serving.serve stops nginx and gunicorn


def wait_until_listening(port: int, process: subprocess.Popen, log: Path, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start-up:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer within {limit:.0f} s:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the gunicorn master we started (it stops its workers), SIGKILL to its group if it hangs."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def worker_count(log: Path) -> int:
    return log.read_text(errors="replace").count("Booting worker")


# Load ---------------------------------------------------------------------------------------

def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("wrk is missing: install it with 'sudo apt-get install wrk'")
    print("Installing Debian's wrk …", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def uncompressed_request(base: str, scenario: dict) -> urllib.request.Request:
    """The scenario's request without Accept-Encoding, so the answer can be read as it is."""
    request = urllib.request.Request(base + scenario["path"], method=scenario["method"],
                                     data=scenario["body"].encode() if scenario["body"] else None)
    for header in scenario["headers"]:
        name, value = header.split(": ", 1)
        if name != "Accept-Encoding":
            request.add_header(name, value)
    return request


def answer(base: str, scenario: dict) -> tuple[int, bytes, str]:
    """The scenario's answer, uncompressed: (status, body, media type). The check before a load and the floor's
    capture both ask through here."""
    with urllib.request.urlopen(uncompressed_request(base, scenario), timeout=10) as response:
        return response.status, response.read(), response.headers.get_content_type()


def check_answer(base: str, scenario: dict) -> None:
    """One request before the load: a benchmark of an error page would be worthless."""
    status, body, _ = answer(base, scenario)
    text = body.decode()
    if status != 200 or scenario["expect"] not in text:
        sys.exit(f"{scenario['name']}: unexpected answer {status}: {text[:300]}")


def run_wrk(wrk: str, base: str, scenario: dict, seconds: int, workdir: Path, connections: int = CONNECTIONS) -> dict:
    body_file = "-"
    if scenario["body"]:
        body_file = str(workdir / "body.txt")
        Path(body_file).write_text(scenario["body"], encoding="utf-8")
    command = [wrk, f"-t{min(THREADS, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "--latency", "-s", str(BENCH / "wrk.lua"), base + scenario["path"], "--",
               scenario["method"], body_file, *scenario["headers"]]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    figures = json.loads(line.removeprefix("BENCH_JSON "))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


def load(seconds: int, warmup: int, rounds: int, workdir: Path) -> tuple[list[tuple[dict, dict, dict]], int]:
    """Each scenario at 64 connections, then with one connection (no queueing: the bare cost of a request).

    The scenarios run in turn, `rounds` times; each keeps its least disturbed round (the most requests/s),
    so a burst of other work on the machine does not land on one scenario only.
    """
    wrk = ensure_wrk()
    best: dict[str, tuple[dict, dict, dict]] = {}
    with ExitStack() as servers:
        bases = {
            "app": servers.enter_context(gunicorn("wsgi:app", [], workdir / "app.log")),
            "bare": servers.enter_context(gunicorn("hello:app", ["--pythonpath", str(BENCH)], workdir / "bare.log")),
            "stack": servers.enter_context(production_stack(workdir / "stack.log")),
        }
        for number in range(1, rounds + 1):
            for scenario in scenarios():
                base = bases[scenario["server"]]
                check_answer(base, scenario)
                if warmup:
                    run_wrk(wrk, base, scenario, warmup, workdir)
                print(f"  round {number}: {scenario['name']} …", flush=True)
                loaded = run_wrk(wrk, base, scenario, seconds, workdir)
                alone = run_wrk(wrk, base, scenario, SINGLE_SECONDS, workdir, connections=1)
                kept = best.get(scenario["name"])
                best[scenario["name"]] = (
                    scenario,
                    loaded if not kept or loaded["rps"] > kept[1]["rps"] else kept[1],
                    alone if not kept or alone["rps"] > kept[2]["rps"] else kept[2],
                )
    return list(best.values()), worker_count(workdir / "app.log")


def print_load(results: list[tuple[dict, dict, dict]], seconds: int) -> None:
    print(f"\nLoad: wrk, {CONNECTIONS} connections, {THREADS} threads, {seconds} s per scenario, loopback, "
          "best of the rounds")
    print_table([(scenario, loaded) for scenario, loaded, _ in results])
    print("Target: latency ≤ 1.5× the bare endpoint's, 0 errors.")
    print(f"\nOne connection, {SINGLE_SECONDS} s per scenario (no queueing: what one request costs)")
    print_table([(scenario, alone) for scenario, _, alone in results])


def print_table(rows: list[tuple[dict, dict]]) -> None:
    bare = next(figures for scenario, figures in rows if scenario["server"] == "bare")
    print(f"{'scenario':40} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'p50 ×bare':>10} {'p99 ×bare':>10}")
    for scenario, figures in rows:
        print(f"{scenario['name']:40} {figures['rps']:8.0f} {figures['p50_us'] / 1000:8.2f} "
              f"{figures['p99_us'] / 1000:8.2f} {figures['errors']:7d} "
              f"{figures['p50_us'] / bare['p50_us']:9.2f}× {figures['p99_us'] / bare['p99_us']:9.2f}×")


# CPU per request ------------------------------------------------------------------------------

# The pages, fragments and API operations measured for CPU, each against its floor (bench/floor.py: the same
# bytes from a minimal template plus gzip in bare Flask). Answers as in bench/render_states.py.
HX = "HX-Request: true"
JSON_TYPE = "Content-Type: application/json"


def cpu_scenarios() -> list[dict]:
    sys.path.insert(0, str(BENCH))
    import render_states as states

    def form(data: dict) -> str:
        return urlencode(data, doseq=True)

    calculator = {"wage": "8000", "hukou": "shenzhen", "insurances": ["pension", "medical", "unemployment"],
                  "month": "2026-11"}
    pages = [
        ("home (GET /zh/)", "GET", "/zh/", None, []),
        ("calculator, empty (GET)", "GET", "/zh/calculate", None, []),
        ("calculator page (POST)", "POST", "/zh/calculate", form(calculator), [FORM_TYPE]),
        ("calculator fragment", "POST", "/zh/calculate", form(calculator), [FORM_TYPE, HX]),
        ("calculator page, English", "POST", "/en/calculate", form(calculator), [FORM_TYPE]),
        ("check page (POST)", "POST", "/zh/check", form(states.RIDER), [FORM_TYPE]),
        ("check fragment", "POST", "/zh/check", form(states.RIDER), [FORM_TYPE, HX]),
        ("check, wrong answers", "POST", "/zh/check", form({**states.RIDER, "birth_date-month": "13"}), [FORM_TYPE]),
        ("forecast page (POST)", "POST", "/zh/forecast", form(states.EXAMPLE_A), [FORM_TYPE]),
        ("forecast fragment", "POST", "/zh/forecast", form(states.EXAMPLE_A), [FORM_TYPE, HX]),
        ("pension at retirement (POST)", "POST", "/zh/pension-at-retirement", form(states.WOMAN_SHEET), [FORM_TYPE]),
        ("register (POST)", "POST", "/zh/register", form({"hukou": "shenzhen"}), [FORM_TYPE]),
        ("injury check (POST)", "POST", "/zh/protection/injury",
         form({"platform": "meituan", "work": "delivery", "during_order": "yes"}), [FORM_TYPE]),
        ("accident aid (POST)", "POST", "/zh/union/accident-aid", form({"amounts-0": "12000", "amounts-1": "800"}),
         [FORM_TYPE]),
        ("questions (GET /zh/faq)", "GET", "/zh/faq", None, []),
    ]
    api = [(f"API {path.removeprefix('/api/v1/')}", "POST", path, json.dumps(examples[0][1]), [JSON_TYPE])
           for path, examples in states.API.items()]
    found = []
    for kind, group in (("page", pages), ("api", api)):
        for name, method, path, body, headers in group:
            found.append({"name": name, "kind": kind, "method": method, "path": path, "body": body,
                          "headers": [*headers, GZIP], "expect": ""})
    return found


def capture(base: str, scenario: dict, folder: Path, number: int) -> dict:
    """The real answer, uncompressed, for the floor app to serve."""
    status, body, mimetype = answer(base, scenario)
    if status != 200:
        sys.exit(f"{scenario['name']}: status {status}")
    (folder / f"{number}.txt").write_bytes(body)
    return {"file": f"{number}.txt", "mimetype": mimetype, "bytes": len(body)}


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                pids.append(int(entry))
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (from /proc/<pid>/stat)."""
    ticks = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_per_request(wrk: str, base: str, scenario: dict, seconds: int, workdir: Path) -> tuple[float, int, int]:
    """ms of the server's CPU (its workers and master) per request under CPU_CONNECTIONS connections."""
    master = MASTERS[base]
    pids = [master, *worker_pids(master)]
    before = cpu_seconds(pids)
    figures = run_wrk(wrk, base, scenario, seconds, workdir, connections=CPU_CONNECTIONS)
    used = cpu_seconds(pids) - before
    return 1000 * used / max(1, figures["requests"]), figures["requests"], figures["errors"]


CPU_CONNECTIONS = 8  # enough to keep 5 workers on 2 cores busy; few requests left in flight at the end


def cpu_figures(seconds: int, rounds: int, workdir: Path, before: Path | None = None) -> list[dict]:
    """Each scenario, its floor and bare hello, measured in turn `rounds` times; the median is kept.

    `before`: another checkout of the site (an earlier commit, with its catalogues compiled) measured in the
    same turns, for a before/after comparison under the same conditions; its answers must be the same bytes.
    """
    wrk = ensure_wrk()
    scenarios = cpu_scenarios()
    floor_folder = workdir / "floor"
    floor_folder.mkdir()
    results = []
    with ExitStack() as servers:
        app = servers.enter_context(gunicorn("wsgi:app", [], workdir / "cpu-app.log"))
        manifest = [capture(app, scenario, floor_folder, number) for number, scenario in enumerate(scenarios)]
        (floor_folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        floor = servers.enter_context(gunicorn("floor:app", ["--pythonpath", f"{BENCH},{ROOT}"],
                                               workdir / "cpu-floor.log", {"ADVISOR_FLOOR": str(floor_folder)}))
        earlier = None
        if before:
            earlier = servers.enter_context(gunicorn("wsgi:app", [], workdir / "cpu-before.log", root=before))
            (workdir / "before").mkdir()
            for number, scenario in enumerate(scenarios):
                capture(earlier, scenario, workdir / "before", number)
                # The same bytes but for the server's own address (the save-a-link box names it).
                answer = (workdir / "before" / f"{number}.txt").read_bytes().replace(earlier.encode(), app.encode())
                if answer != (floor_folder / f"{number}.txt").read_bytes():
                    print(f"  note: {scenario['name']}: the earlier checkout answers different bytes")
        hello = {"name": "bare Flask 'hello'", "method": "GET", "path": "/", "body": None, "headers": [GZIP]}
        samples: dict[str, list[tuple[float, int, int]]] = {}
        for number in range(1, rounds + 1):
            print(f"  CPU round {number} …", flush=True)
            jobs = [("hello", floor, hello)]
            for index, scenario in enumerate(scenarios):
                jobs.append((f"real {index}", app, scenario))
                jobs.append((f"floor {index}", floor, {**scenario, "path": f"/floor/{index}"}))
                if earlier:
                    jobs.append((f"before {index}", earlier, scenario))
            for key, base, scenario in jobs:
                run_wrk(wrk, base, scenario, 1, workdir, connections=CPU_CONNECTIONS)  # warm up
                samples.setdefault(key, []).append(cpu_per_request(wrk, base, scenario, seconds, workdir))

    def median(key: str) -> tuple[float, int, int]:
        values = samples[key]
        return (statistics.median(v[0] for v in values), sum(v[1] for v in values), sum(v[2] for v in values))

    hello_ms = median("hello")
    results.append({"name": "bare Flask 'hello'", "kind": "hello", "ms": hello_ms[0], "floor": None,
                    "requests": hello_ms[1], "errors": hello_ms[2], "bytes": 5})
    for index, scenario in enumerate(scenarios):
        real, floor_ms = median(f"real {index}"), median(f"floor {index}")
        earlier_ms = median(f"before {index}") if before else (None, 0, 0)
        results.append({"name": scenario["name"], "kind": scenario["kind"], "ms": real[0], "floor": floor_ms[0],
                        "requests": real[1] + floor_ms[1] + earlier_ms[1],
                        "errors": real[2] + floor_ms[2] + earlier_ms[2],
                        "bytes": manifest[index]["bytes"], "hello": hello_ms[0], "before": earlier_ms[0]})
    return results


FORECAST_TARGET_MS = 2.0


def print_cpu(results: list[dict], seconds: int, rounds: int) -> None:
    hello = next(r for r in results if r["kind"] == "hello")["ms"]
    print(f"\nServer CPU per request: gunicorn workers' user+system time (/proc/<pid>/stat) over wrk, "
          f"{CPU_CONNECTIONS} connections, {seconds} s, median of {rounds} rounds; gzip offered")
    compared = any(r.get("before") is not None for r in results)
    before_head = f" {'before ms':>9}" if compared else ""
    print(f"{'scenario':32} {'bytes':>7}{before_head} {'CPU ms':>7} {'floor ms':>9} {'× floor':>8} {'× hello':>8} "
          f"{'errors':>7}  target")
    for r in results:
        before = f" {r['before']:9.3f}" if compared and r.get("before") is not None else (" " * 10 if compared else "")
        if r["kind"] == "hello":
            print(f"{r['name']:32} {r['bytes']:7d}{before} {r['ms']:7.3f} {'':>9} {'':>8} {1:7.2f}× {r['errors']:7d}")
            continue
        ratio, to_hello = r["ms"] / r["floor"], r["ms"] / hello
        if r["kind"] == "api":
            target = "≤ 1.5× hello: " + ("met" if to_hello <= 1.5 else "not met")
        else:
            target = "≤ 2× floor: " + ("met" if ratio <= 2 else "not met")
            if r["name"].startswith("forecast page"):
                target += f"; < {FORECAST_TARGET_MS:g} ms: " + ("met" if r["ms"] < FORECAST_TARGET_MS else "not met")
        print(f"{r['name']:32} {r['bytes']:7d}{before} {r['ms']:7.3f} {r['floor']:9.3f} {ratio:7.2f}× {to_hello:7.2f}× "
              f"{r['errors']:7d}  {target}")


# Browser ------------------------------------------------------------------------------------

def browser_figures(runs: int, workdir: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with production_stack(workdir / "browser.log") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            weights = {path: first_visit(browser, base + path) for path in ("/zh/", "/zh/calculate")}
            recalculation = live_recalculation(browser, base + "/zh/calculate", runs)
        finally:
            browser.close()
    return {"weights": weights, "recalculation": recalculation}


def first_visit(browser, url: str) -> dict:
    """Bytes on the wire for a first visit: a fresh context has an empty cache."""
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls: dict[str, str] = {}
        received: dict[str, int] = {}
        cdp.on("Network.requestWillBeSent", lambda event: urls.setdefault(event["requestId"], event["request"]["url"]))
        cdp.on("Network.loadingFinished",
               lambda event: received.__setitem__(event["requestId"], event["encodedDataLength"]))
        every_request: list[str] = []
        page.on("request", lambda request: every_request.append(request.url))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(500)  # anything a script would fetch after load
        elsewhere = [u for u in {*urls.values(), *every_request}
                     if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname != "127.0.0.1"]
        return {
            "bytes": sum(received.values()),
            "requests": len(received),
            "files": sorted((urlsplit(urls.get(rid, "?")).path, size) for rid, size in received.items()),
            "elsewhere": elsewhere,
        }
    finally:
        context.close()


MEASURE_SWAP = """async (wage) => {
  const input = document.querySelector('input[name="wage"]');
  const region = document.getElementById('cost-result');
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no swap within 5 s')), 5000);
    let start = 0;
    const swapped = (event) => {
      if (event.detail.target !== region) { return; }
      const atSwap = performance.now() - start;
      document.body.removeEventListener('htmx:afterSwap', swapped);
      clearTimeout(timer);
      // The next frame: when the new figures can be painted.
      requestAnimationFrame(() => resolve({swap: atSwap, frame: performance.now() - start,
                                           text: region.textContent}));
    };
    document.body.addEventListener('htmx:afterSwap', swapped);
    input.value = wage;
    start = performance.now();
    input.dispatchEvent(new Event('change', {bubbles: true}));
  });
}"""


def live_recalculation(browser, url: str, runs: int) -> dict:
    """A 'change' of the wage (leaving the field, or a pick on a phone keyboard) to the swapped result.

    Typing also triggers after the form's deliberate 500 ms pause (input delay:500ms); that wait
    is by design and not part of this figure.
    """
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.check('input[name="hukou"][value="shenzhen"]')
        for insurance in ("pension", "medical", "unemployment"):
            page.check(f'input[name="insurances"][value="{insurance}"]')
        page.select_option('select[name="month"]', "2026-11")
        page.evaluate(MEASURE_SWAP, "7000")  # the first swap warms the connection and htmx
        swaps, frames = [], []
        for run in range(runs):
            wage = 8000 + run  # a different answer every time, so every swap shows new figures
            figures = page.evaluate(MEASURE_SWAP, str(wage))
            if f"{wage:,}.00" not in figures["text"]:
                sys.exit(f"live recalculation showed no result for {wage}: {figures['text'][:200]}")
            swaps.append(figures["swap"])
            frames.append(figures["frame"])
        return {"runs": runs, "median_swap_ms": statistics.median(swaps), "median_frame_ms": statistics.median(frames),
                "max_swap_ms": max(swaps)}
    finally:
        context.close()


def print_browser(figures: dict) -> None:
    print("\nPage weight: first visit, empty cache, through nginx, Debian Chromium via Playwright "
          "(bytes incl. headers)")
    for path, weight in figures["weights"].items():
        files = ", ".join(f"{name} {size / 1024:.1f}" for name, size in weight["files"])
        print(f"  {path:15} {weight['bytes'] / 1024:6.1f} KB in {weight['requests']} requests "
              f"({files}); requests to other hosts: {len(weight['elsewhere'])}")
        for url in weight["elsewhere"]:
            print(f"      elsewhere: {url}")
    print("  Target: ≤ 40 KB, 0 requests to other hosts.")
    live = figures["recalculation"]
    print(f"\nLive recalculation (wage changed → result swapped), {live['runs']} runs: "
          f"median {live['median_swap_ms']:.1f} ms to htmx:afterSwap, {live['median_frame_ms']:.1f} ms to the next "
          f"frame, slowest swap {live['max_swap_ms']:.1f} ms. Target: < 100 ms.")


# Machine ------------------------------------------------------------------------------------

def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        memory_kb = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    return (f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), "
            f"{memory_kb / 1024 / 1024:.0f} GiB memory, Python {sys.version.split()[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per scenario (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured wrk seconds before each scenario")
    parser.add_argument("--rounds", type=int, default=2, help="times each scenario runs; the best is kept")
    parser.add_argument("--runs", type=int, default=20, help="live recalculations to time (default 20)")
    parser.add_argument("--skip-browser", action="store_true", help="only the wrk part")
    parser.add_argument("--cpu-seconds", type=int, default=3, help="wrk seconds per CPU measurement (default 3)")
    parser.add_argument("--cpu-rounds", type=int, default=3, help="CPU measurements per scenario; the median is kept")
    parser.add_argument("--only-cpu", action="store_true", help="only the CPU per request, against the floors")
    parser.add_argument("--before", type=Path, help="another checkout (catalogues compiled) to measure beside this one")
    options = parser.parse_args()

    print(f"Machine: {machine()}")
    # Other work on the machine skews every figure below: read them with this in mind.
    print("Load average before the run: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as scratch:
        workdir = Path(scratch)
        cpu = cpu_figures(options.cpu_seconds, options.cpu_rounds, workdir, options.before)
        print_cpu(cpu, options.cpu_seconds, options.cpu_rounds)
        if options.only_cpu:
            return
        results, workers = load(options.seconds, options.warmup, options.rounds, workdir)
        print(f"gunicorn: {workers} sync workers each (advisor/serving/gunicorn_conf.py), the 'via nginx' scenarios "
              "through make serve's stack (deploy/nginx.conf), wrk on the same machine")
        print_load(results, options.seconds)
        if not options.skip_browser:
            print_browser(browser_figures(options.runs, workdir))


if __name__ == "__main__":
    main()
