"""gzip for text responses where it pays: pages, fragments, JSON, CSS and JavaScript above 1 KB.

Below about 1 KB the gzip header and the client's work cost more than the bytes saved. Any
response that could be compressed says `Vary: Accept-Encoding`, so a shared cache never hands a
compressed body to a client that did not ask for one.
"""

from __future__ import annotations

import gzip

from flask import Response, request

MIN_SIZE = 1024
LEVEL = 6  # zlib's default: nearly level 9's size at a fraction of its time
COMPRESSIBLE = frozenset({
    "text/html", "text/css", "text/plain", "text/javascript", "text/xml",
    "application/javascript", "application/json", "application/xml", "image/svg+xml",
})


def _worth_compressing(response: Response) -> bool:
    # Redirects, 304s and 204s have no body; a 206 is a byte range of the uncompressed file.
    has_full_body = response.status_code in (200, 201) or response.status_code >= 400
    return (
        has_full_body
        and response.mimetype in COMPRESSIBLE
        and "Content-Encoding" not in response.headers
        and not response.cache_control.no_transform
        # A generator streams (leave it be); send_file's open file counts as streamed but is finite.
        and (response.direct_passthrough or not response.is_streamed)
    )


def compress_response(response: Response) -> Response:
    if not _worth_compressing(response):
        return response
    if response.content_length is not None and response.content_length < MIN_SIZE:
        return response
    # send_file hands over an open file; read it so it can be compressed.
    response.direct_passthrough = False
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    response.vary.add("Accept-Encoding")
    if not request.accept_encodings["gzip"]:
        return response
    compressed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
    if len(compressed) >= len(data):
        return response
    response.set_data(compressed)
    response.headers["Content-Encoding"] = "gzip"
    etag, weak = response.get_etag()
    if etag and not weak:
        # Another encoding is another representation: a weak ETag, as nginx does. Conditional GETs
        # still match, because If-None-Match is compared weakly.
        response.set_etag(etag, weak=True)
    return response
