"""What the pages show that is made from content and the language alone, made once when the app starts (issue 22).

create_app calls `prepare`, which makes one Prepared per language: plain attributes, never added to or changed
afterwards, so there is no key to get wrong and nothing a person sends can end up here. A view reads the request's
with `prepared()`. The other things made once at start-up are the Language of each language (advisor/i18n.py: the
catalogue, Babel's locale, punctuation and month names) and each parameter's figures (advisor/policy/parameters.py).
What depends on the day, on a person's answers or on the request (an address holds the site's root) is made for
each request. The one other cache, of whole pages that carry no answers, is advisor/web/page_cache.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask import Flask, current_app
from markupsafe import Markup
from wtforms import SelectChoice

from advisor.i18n import LANGUAGES, current_language
from advisor.policy import Content
from advisor.rules.types import Hukou
from advisor.web import choices
from advisor.web.guide_views import Channel, channel_view
from advisor.web.qr import address_code_name, qr_code, qr_svg


@dataclass(frozen=True)
class Prepared:
    schemes: tuple[SelectChoice, ...]  # the calculator's insurances
    work_kinds: tuple[SelectChoice, ...]  # the check page's kinds of work
    platforms: tuple[SelectChoice, ...]  # the protection pages' platforms
    platform_work: tuple[SelectChoice, ...]  # and their kinds of platform work
    register_have: tuple[SelectChoice, ...]  # the register page: what a person may have with them
    # The register guide's ways to register, fitted to each hukou, and for everyone (None).
    channels: Mapping[Hukou | None, tuple[Channel, ...]]
    # On a kiosk: the QR code of each official web address content names (a source's, a way to register's), as
    # advisor/web/external.py shows it; a code for any other address is drawn when it is shown.
    address_codes: Mapping[str, Markup]


def official_addresses(content: Content) -> list[str]:
    """The web addresses a page can show as an official address: the sources' and the ways to register's."""
    found = {source["url"] for source in content.sources.values() if source.get("url")}
    found |= {channel["address"] for channel in content.texts["channels"]["channels"]
              if str(channel.get("address") or "").startswith(("http://", "https://"))}
    return sorted(found)


def _prepared(codes: Mapping[str, object]) -> Prepared:
    guide = choices.content().texts["channels"]
    return Prepared(
        schemes=choices.scheme_choices(),
        work_kinds=choices.work_choices(),
        platforms=choices.platform_choices(),
        platform_work=choices.platform_work_choices(),
        register_have=choices.register_have_choices(),
        channels={hukou: tuple(channel_view(channel, hukou) for channel in guide["channels"])
                  for hukou in (None, *Hukou)},
        address_codes={address: qr_svg(address, address_code_name(address), code) for address, code in codes.items()},
    )


def prepare(app: Flask) -> None:
    made = {}
    host = (app.config.get("TRUSTED_HOSTS") or ["localhost"])[0].lstrip(".")  # a host the app answers to
    # The codes themselves (the slow part) once for both languages; their names are in each language.
    codes = {address: qr_code(address) for address in official_addresses(app.extensions["advisor.content"])
             } if app.config.get("KIOSK") else {}
    for code in LANGUAGES:
        with app.test_request_context(f"/{code}/", base_url=f"http://{host}"):
            app.preprocess_request()  # the language from the URL, as for any request
            if current_language() != code:
                raise RuntimeError(f"could not prepare the pages in {code!r}")
            made[code] = _prepared(codes)
    app.extensions["advisor.prepared"] = made


def prepared() -> Prepared:
    """What was made for the request's language."""
    return current_app.extensions["advisor.prepared"][current_language()]
