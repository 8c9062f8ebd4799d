"""gunicorn's sync worker, with its own answers to malformed requests made like the app's.

gunicorn answers a request it cannot parse (bad request line, oversized line or headers, broken
chunking) itself, before the app sees it. Its stock handler logs `Invalid request from ip=<address>:
<the offending request line or header>` and sends a bare page without the security headers. This
one logs only the kind of problem and the status, and sends a short page with the same security
headers as every app response. Behind nginx such requests are stopped there first; this covers
gunicorn run on its own.
"""

from __future__ import annotations

from ssl import SSLError

from gunicorn import util
from gunicorn.http import errors
from gunicorn.workers.sync import SyncWorker

from advisor.web.errors import traceback_without_messages
from advisor.web.headers import security_headers

# (status, reason) for the parse errors that are not a plain 400.
STATUS = [
    (errors.LimitRequestLine, 414, "URI Too Long"),
    (errors.LimitRequestHeaders, 431, "Request Header Fields Too Large"),
    (errors.UnsupportedTransferCoding, 501, "Not Implemented"),
    (errors.ExpectationFailed, 417, "Expectation Failed"),
    (errors.ForbiddenProxyRequest, 403, "Forbidden"),
    (errors.ConfigurationProblem, 500, "Internal Server Error"),
]
CLIENT_ERRORS = tuple(value for name, value in vars(errors).items()
                      if isinstance(value, type) and issubclass(value, errors.ParseException)
                      and name not in ("InvalidResponseHeader", "InvalidResponseHeaderName", "ParseException"))

PAGE = ("<!doctype html><html lang=\"zh-Hans\"><meta charset=\"utf-8\"><title>{status}</title>"
        "<h1>{status}</h1><p>无法读取这个请求。 We could not read that request.</p></html>")


def status_for(error: BaseException) -> tuple[int, str]:
    if isinstance(error, (errors.InvalidResponseHeader, errors.InvalidResponseHeaderName)):
        return 500, "Internal Server Error"  # the app's fault, not the client's
    if isinstance(error, SSLError):
        return 403, "Forbidden"
    for kind, status, reason in STATUS:
        if isinstance(error, kind):
            return status, reason
    if isinstance(error, CLIENT_ERRORS):
        return 400, "Bad Request"
    return 500, "Internal Server Error"


def error_response(status: int, reason: str) -> bytes:
    body = PAGE.format(status=status).encode("utf-8")
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
               ("Connection", "close"), ("Cache-Control", "no-store"), *security_headers().items()]
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
    return head.encode("latin-1") + b"\r\n" + body


class QuietSyncWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc):
        status, reason = status_for(exc)
        if status < 500:
            # The kind of problem only: no address, no request line, no header (they can carry answers).
            self.log.warning("refused a malformed request: %s (%s)", type(exc).__name__, status)
        else:
            self.log.error("error handling a request: %s\n%s", type(exc).__name__, traceback_without_messages(exc))
        try:
            util.write_nonblock(client, error_response(status, reason))
        except Exception:  # noqa: BLE001 — the client may be gone
            self.log.debug("could not send the error answer")
