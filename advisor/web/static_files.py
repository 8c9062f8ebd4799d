"""Static files with content-versioned URLs: cached for a year, yet a changed file is fetched at once.

url_for("static", filename=…) appends ?v=<hash of the file's bytes>. A request carrying the
current hash may be cached as immutable; any other request (no ?v=, or the hash of an older
deploy) keeps Flask's default: no-cache, revalidated with the ETag.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from flask import Flask, Response, current_app, request
from werkzeug.security import safe_join

ONE_YEAR = 365 * 24 * 60 * 60


@lru_cache(maxsize=256)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    """Keyed on mtime and size too, so an edited file gets a new hash without a restart."""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def file_version(filename: str) -> str | None:
    """The short content hash of a file under static/, or None if there is no such file."""
    path = safe_join(current_app.static_folder, filename)
    if path is None:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    return _digest(path, status.st_mtime_ns, status.st_size)


def add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        version = file_version(values["filename"])
        if version:
            values["v"] = version


def cache_versioned_files(response: Response) -> Response:
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    filename = (request.view_args or {}).get("filename", "")
    if request.args.get("v") and request.args.get("v") == file_version(filename):
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
    return response


def init_app(app: Flask) -> None:
    app.url_defaults(add_version)
    app.after_request(cache_versioned_files)
