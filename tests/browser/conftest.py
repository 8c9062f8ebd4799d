"""Browser fixtures: the app served from a thread, Debian's Chromium driven by Playwright.

One server and one browser for the whole session; a fresh browser context per test. Chromium is
Debian's package (`make test` installs it); Playwright's own browser download is never used, and a
missing Chromium fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route
from werkzeug.serving import make_server

from advisor import create_app
from tests.conftest import TODAY

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

LOCAL_HOST = "127.0.0.1"
# Flags that keep Chromium from phoning home (updates, sync, field trials) during the tests.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 640}
KIOSK_SCREEN = {"width": 1080, "height": 1600}  # an office's tall touch screen, less the browser's own bars


def body_read_at_once(app: WSGIApplication) -> WSGIApplication:
    """Werkzeug's development server skips closing a response when the browser hangs up halfway
    (Chromium does, when a test closes its context during a load), leaving a static file open;
    the ResourceWarning would then fail some later test. Reading each body whole and closing it
    before anything is sent leaves nothing open."""

    def read_whole_body(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return read_whole_body


def serve(app: WSGIApplication, name: str) -> Iterator[str]:
    """The app on a free local port, in a thread, until the fixture that yields from this ends: its address."""
    server = make_server(LOCAL_HOST, 0, body_read_at_once(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def kiosk_instance(idle: int, warning: int, **config):
    """A kiosk-mode app that warns after `idle` seconds without a touch and clears `warning` seconds later."""
    return create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, "KIOSK": True, "KIOSK_IDLE_SECONDS": idle,
                       "KIOSK_WARNING_SECONDS": warning, **config})


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The real app on a free local port, in a thread, for the whole session."""
    yield from serve(create_app({"TESTING": True, "ADVISOR_TODAY": TODAY}), "live-server")


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    """pytest-playwright passes this to every context, so tests use paths like "/zh/calculate"."""
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Chromium is missing: the browser tests need Debian's chromium package "
            "('make test' installs it as root, or run 'sudo apt-get install chromium'). "
            "Never use 'playwright install'.",
            pytrace=False,
        )
    args = list(CHROMIUM_ARGS)
    if os.geteuid() == 0:
        args.insert(0, "--no-sandbox")  # Chromium refuses to start its sandbox as root
    return {**browser_type_launch_args, "executable_path": executable, "headless": True, "args": args}


def is_local(url: str) -> bool:
    return urlsplit(url).hostname == LOCAL_HOST or url.startswith(("data:", "blob:", "about:"))


class OutsideRequests:
    """Every request for something outside the local server is remembered and never sent. Listening
    catches attempts the site's CSP already stops (they never reach the route); the route stops the rest."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def guard(self, context: BrowserContext) -> BrowserContext:
        context.on("request", self._remember)
        context.route("**/*", self._route)
        return context

    def _remember(self, request: Request) -> None:
        if not is_local(request.url):
            self.urls.append(request.url)

    @staticmethod
    def _route(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()


@pytest.fixture
def outside_requests() -> Iterator[OutsideRequests]:
    requests = OutsideRequests()
    yield requests
    assert requests.urls == [], f"the page asked for resources outside the site: {requests.urls}"


@pytest.fixture
def context(new_context: Callable[..., BrowserContext], outside_requests: OutsideRequests) -> BrowserContext:
    """pytest-playwright's context (JavaScript on), with outside requests blocked."""
    return outside_requests.guard(new_context())


@pytest.fixture
def no_js_context(new_context: Callable[..., BrowserContext], outside_requests: OutsideRequests) -> BrowserContext:
    """A context with JavaScript switched off: plain HTML forms and full pages only."""
    return outside_requests.guard(new_context(java_script_enabled=False))


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def javascript(request) -> bool:
    """Journeys run with JavaScript on, then off, and must show the same answers."""
    return request.param


@pytest.fixture
def any_page(javascript: bool, new_context: Callable[..., BrowserContext],
             outside_requests: OutsideRequests) -> Page:
    return outside_requests.guard(new_context(java_script_enabled=javascript)).new_page()


@pytest.fixture
def terminal_screen() -> dict[str, int]:
    """The viewport of the `terminal` fixture's pages; a module measuring another screen overrides it."""
    return KIOSK_SCREEN


@pytest.fixture
def terminal(browser: Browser, outside_requests: OutsideRequests,
             terminal_screen: dict[str, int]) -> Iterator[Callable[[str], Page]]:
    """The terminal's browser: a touch screen, JavaScript on; terminal(server) opens a page on a kiosk instance.
    Every context it opened is closed after the test."""
    contexts: list[BrowserContext] = []

    def open_on(server: str) -> Page:
        context = outside_requests.guard(browser.new_context(base_url=server, has_touch=True,
                                                             viewport=terminal_screen))
        contexts.append(context)
        return context.new_page()

    yield open_on
    for context in contexts:
        context.close()


@pytest.fixture
def phone_page(context: BrowserContext) -> Page:
    page = context.new_page()
    page.set_viewport_size(PHONE)
    return page
