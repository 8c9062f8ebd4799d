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


def add_security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    response.headers["X-Frame-Options"] = "DENY"
    if request.method == "POST":
        # Answers (birth dates, wages) must not come back from a shared kiosk's cache or history.
        response.headers["Cache-Control"] = "no-store"
    return response
