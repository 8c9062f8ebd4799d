"""Addresses on other sites and phone numbers, rendered in one place so kiosk mode can change them.

On the public site an official web address is a link that opens the official site (the address
itself is the link text, so it can be read and copied too) and a phone number is a tel: link. On a kiosk nothing
may lead off the site or try to dial: both become plain text with a QR code that a person scans with their own
phone.
"""

from __future__ import annotations

from flask import g
from markupsafe import Markup

from advisor.i18n import gettext as _
from advisor.web.kiosk import is_kiosk
from advisor.web.prepared import prepared
from advisor.web.qr import address_code_name, qr_svg

WEB_SCHEMES = ("http://", "https://")


def scan_code(target: str, name: str, caption: str, drawn: Markup | None = None) -> Markup:
    """A QR code with a caption, as phrasing content: it may stand inside a sentence or a <p>. `drawn` is the code
    when it was drawn already (an official address, advisor/web/prepared.py)."""
    return Markup('<span class="scan-code">%s<span class="scan-code__caption">%s</span></span>') % (
        drawn or qr_svg(target, name), caption)


def first_on_page(target: str) -> bool:
    """A page citing one source several times shows its code once, at the first mention."""
    shown = g.setdefault("scan_codes_shown", set())
    if target in shown:
        return False
    shown.add(target)
    return True


def external_address(address: str | None) -> Markup:
    """An official address (a web address, or the name of an official account) as text; on a kiosk,
    a web address also gets a code to scan, once per page."""
    if not address:
        return Markup("")
    text = Markup('<span class="url">%s</span>') % address
    if not is_kiosk() and address.startswith(WEB_SCHEMES):
        return Markup('<a class="url" href="%s" rel="noopener noreferrer">%s</a>') % (address, address)
    if not (is_kiosk() and address.startswith(WEB_SCHEMES) and first_on_page(address)):
        return text
    return text + scan_code(address, address_code_name(address),
                            _("Scan with your phone's camera to open this address on your phone."),
                            prepared().address_codes.get(address))


def external_phone(number: str, href: str) -> Markup:
    """A phone number: a tel: link for phones; on a kiosk, text and a code that opens the phone's dialler."""
    if not is_kiosk():
        return Markup('<a class="phone" href="%s">%s</a>') % (href, number)
    text = Markup('<span class="phone">%s</span>') % number
    if not first_on_page(href):
        return text
    name = _("QR code to call %(number)s", number=number)
    return text + scan_code(href, name, _("Scan with your phone's camera to call this number."))


def init_app(app) -> None:
    app.jinja_env.globals.update(external_address=external_address, external_phone=external_phone)
