"""怎么办理 — where and how to register, with the steps and materials fitted to the user's hukou."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..rules.types import Hukou
from . import bp
from .choices import HUKOU_CHOICES, ChoiceField, content
from .fields import PlainForm
from .guide_views import applies, channel_view, cited, link, note_view
from .rendering import render_page_or_fragment


class RegisterForm(PlainForm):
    hukou = ChoiceField(_l("Your hukou (household registration)"), choices=HUKOU_CHOICES,
                        required_message=_l("Choose where your hukou is."))


def suggestion(hukou: Hukou | None) -> str:
    """Which way suits this person, first: the phone for most, the counter as the fallback."""
    if hukou is None:
        return ""
    if hukou is Hukou.HK_MACAO_TAIWAN:
        return _("For you the easiest way is the “深圳社保” WeChat account: its registration entry names "
                 "Hong Kong, Macao and Taiwan residents. Without a smartphone, go to a social insurance counter.")
    return _("For most people the easiest way is on the phone, in the “深圳社保” WeChat account. Without a "
             "smartphone, use a self-service terminal or go to a social insurance counter.")


def guide_view(hukou: Hukou | None) -> dict:
    """The whole guide for one hukou, or for everyone (each item then says who it is for)."""
    guide = content().texts["channels"]
    return {
        "hukou": hukou,
        "suggestion": suggestion(hukou),
        "hukou_label": next((str(choice.label) for choice in HUKOU_CHOICES if hukou and choice.value == hukou), ""),
        "channels": [channel_view(channel, hukou) for channel in guide["channels"]],
        "online_form": guide["online_form"],
        "online_form_cited": cited(guide["online_form"]),
        "calculator": link("calculate"),
        "pitfalls": [note_view(item, hukou) for item in guide["pitfalls"] if applies(item, hukou)],
        "after_registration": [note_view(item, hukou) for item in guide["after_registration"]],
        "leaving_shenzhen": [note_view(item, hukou) for item in guide["leaving_shenzhen"]],
        "other_services": [note_view(item, hukou) for item in guide["other_services"]],
    }


# POST, not GET: hukou is one of the personal answers (STYLE.md 6.5), so it travels in the body,
# never in a URL that a shared kiosk keeps in its history. The version for every hukou is a plain
# GET that union staff can share as a link; the language switch re-posts the chosen hukou.
@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm(request.form if request.method == "POST" else None)
    hukou = Hukou(form.hukou.data) if request.method == "POST" and form.validate() else None
    return render_page_or_fragment(
        "register/page.html", "register/_guide.html",
        form=form, guide=guide_view(hukou), submitted=request.method == "POST",
    )
