"""QR codes drawn on the server as inline SVG: nothing fetched, no data: URL, nothing inline for the CSP to refuse."""

from __future__ import annotations

import segno
from markupsafe import Markup

from advisor.i18n import gettext as _


def address_code_name(address: str) -> str:
    """What a screen reader says for the code of a web address, in the request's language."""
    return _("QR code of the address %(address)s", address=address)


def qr_code(address: str) -> segno.QRCode:
    return segno.make(address, error="m", micro=False)


def qr_svg(address: str, name: str, code: segno.QRCode | None = None) -> Markup:
    """An SVG element that scales with CSS (viewBox, no fixed size), named for screen readers; `code` is the
    address's QR code when it was made already (qr_code)."""
    code = code or qr_code(address)
    # segno escapes the title; role="img" makes the <title> the image's accessible name.
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr", lineclass=None, title=name)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
