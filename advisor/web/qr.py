"""QR codes drawn on the server as inline SVG: nothing fetched, no data: URL, nothing inline for the CSP to refuse."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(address: str, name: str) -> Markup:
    """An SVG element that scales with CSS (viewBox, no fixed size), named for screen readers."""
    code = segno.make(address, error="m", micro=False)
    # segno escapes the title; role="img" makes the <title> the image's accessible name.
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr", lineclass=None, title=name)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
