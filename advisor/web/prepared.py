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
from wtforms import SelectChoice

from advisor.i18n import LANGUAGES, current_language
from advisor.rules.types import Hukou
from advisor.web import choices
from advisor.web.guide_views import Channel, channel_view


@dataclass(frozen=True)
class Prepared:
    schemes: tuple[SelectChoice, ...]  # the calculator's insurances
    work_kinds: tuple[SelectChoice, ...]  # the check page's kinds of work
    platforms: tuple[SelectChoice, ...]  # the protection pages' platforms
    platform_work: tuple[SelectChoice, ...]  # and their kinds of platform work
    register_have: tuple[SelectChoice, ...]  # the register page: what a person may have with them
    # The register guide's ways to register, fitted to each hukou, and for everyone (None).
    channels: Mapping[Hukou | None, tuple[Channel, ...]]


def _prepared() -> Prepared:
    guide = choices.content().texts["channels"]
    return Prepared(
        schemes=choices.scheme_choices(),
        work_kinds=choices.work_choices(),
        platforms=choices.platform_choices(),
        platform_work=choices.platform_work_choices(),
        register_have=choices.register_have_choices(),
        channels={hukou: tuple(channel_view(channel, hukou) for channel in guide["channels"])
                  for hukou in (None, *Hukou)},
    )


def prepare(app: Flask) -> None:
    made = {}
    host = (app.config.get("TRUSTED_HOSTS") or ["localhost"])[0].lstrip(".")  # a host the app answers to
    for code in LANGUAGES:
        with app.test_request_context(f"/{code}/", base_url=f"http://{host}"):
            app.preprocess_request()  # the language from the URL, as for any request
            if current_language() != code:
                raise RuntimeError(f"could not prepare the pages in {code!r}")
            made[code] = _prepared()
    app.extensions["advisor.prepared"] = made


def prepared() -> Prepared:
    """What was made for the request's language."""
    return current_app.extensions["advisor.prepared"][current_language()]
