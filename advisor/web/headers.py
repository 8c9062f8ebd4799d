"""Headers on every response: a strict CSP (no inline script or style), no referrer, and answers kept
only in the browser's own private cache, so Back works (kiosk mode replaces this with no-store)."""

from __future__ import annotations

from flask import Response, request

from advisor.web.kiosk import is_kiosk

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])


POST_CACHE_CONTROL = "private, max-age=0"


def security_headers() -> dict[str, str]:
    """The headers every answer carries; gunicorn's own answers (advisor/serving/gunicorn_worker.py) and nginx's
    (deploy/nginx.conf, filled in by advisor/serving/serve.py) use these same values."""
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Frame-Options": "DENY",
    }


def add_security_headers(response: Response) -> Response:
    for name, value in security_headers().items():
        if name == "Content-Security-Policy":
            response.headers.setdefault(name, value)
        else:
            response.headers[name] = value
    if request.method == "POST" and not is_kiosk():
        # A result reached by POST must survive Back on a phone: Chromium shows a history entry made
        # by a POST only from its own HTTP cache, and "no-store" (or no stored copy) gives "Confirm
        # Form Resubmission". "private" keeps shared caches (proxies) from storing the answers;
        # max-age=0 means a fresh visit never reuses the copy, history navigation still does.
        # Kiosk mode overrides this with no-store on every page (kiosk.no_store).
        response.headers["Cache-Control"] = POST_CACHE_CONTROL
    return response
