"""Headers on every response: a strict CSP (no inline script or style), no referrer, no caching of answers."""

from __future__ import annotations

from flask import Response, request

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


def security_headers() -> dict[str, str]:
    """The headers every answer carries; gunicorn's own answers (advisor/gunicorn_worker.py) and nginx's
    (deploy/nginx.conf, filled in by advisor/serve.py) use these same values."""
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
    if request.method == "POST":
        # Answers (birth dates, wages) must not come back from a shared kiosk's cache or history.
        response.headers["Cache-Control"] = "no-store"
    return response
