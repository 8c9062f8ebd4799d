"""怎么办理 — where and how to register, with the steps and materials fitted to the user's hukou."""

from __future__ import annotations

from flask import request

from advisor.answers.registration import Suggestion, suggested_channel
from advisor.i18n import gettext as _
from advisor.i18n import lazy_gettext as _l
from advisor.i18n import localized
from advisor.rules.types import Hukou
from advisor.web import journey
from advisor.web.blueprint import bp
from advisor.web.choices import HUKOU_CHOICES, ChoiceField, content
from advisor.web.fields import CheckboxesField, PlainForm
from advisor.web.guide_views import applies, cited, link, note_view
from advisor.web.prepared import prepared
from advisor.web.rendering import render_page_or_fragment
from advisor.web.summary import Summary, summary


class RegisterForm(PlainForm):
    hukou = ChoiceField(_l("Your hukou (household registration)"), choices=HUKOU_CHOICES,
                        required_message=_l("Choose where your hukou is."))
    have = CheckboxesField(_l("What do you have with you? (optional)"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.have.choices = prepared().register_have

    def have_data(self) -> list[str]:
        """The ticked items the page offers (anything else in the body is ignored)."""
        offered = [choice.value for choice in self.have.choices]
        ticked = set(self.have.data or ())
        return [value for value in offered if value in ticked]


def general_suggestion(hukou: Hukou) -> str:
    """Before the person says what they have: the phone for most, the counter as the fallback."""
    if hukou is Hukou.HK_MACAO_TAIWAN:
        return _("For you the easiest way is the “深圳社保” (Shenzhen Social Insurance) WeChat account: its "
                 "registration entry names Hong Kong, Macao and Taiwan residents. Without a smartphone, go to a "
                 "social insurance counter.")
    return _("For most people the easiest way is on the phone, in the “深圳社保” (Shenzhen Social Insurance) "
             "WeChat account. Without a smartphone, use a self-service terminal or go to a social insurance "
             "counter.")


def suggestion_headline(found: Suggestion) -> str:
    return {
        "wechat": _("Register on your phone, in the “深圳社保” (Shenzhen Social Insurance) WeChat account: you "
                    "need nothing else."),
        "website": _("Register on the Shenzhen social insurance website, logging in with the Guangdong "
                     "government app (粤省事) on your phone."),
        "terminal": _("Register at a social insurance self-service terminal, logging in with your ID card."),
        "counter": _("Register at a social insurance service counter: take the originals of your documents."),
        None: _("Each way needs WeChat or the Guangdong government app (粤省事) on a phone, or a visit with your "
                "ID card: call 12333 to ask how to register with what you have."),
    }[found.channel]


def suggestion_summary(hukou: Hukou | None, have: list[str]) -> Summary | None:
    """The answer first: which way suits this person, from their hukou and what they have with them."""
    if hukou is None:
        return None
    if not have:
        return summary("register", general_suggestion(hukou), None,
                       lines=[_("Tick what you have with you, and this page names the one way that fits.")])
    found = suggested_channel(content().texts["channels"], hukou.value, have)
    lines = []
    if found.channel == "counter" and hukou is Hukou.HK_MACAO_TAIWAN:
        lines.append(_("The briefing does not say which documents Hong Kong, Macao and Taiwan residents bring: "
                       "call 12333 before you go."))
    if found.channel == "terminal":
        lines.append(_("If you would rather have staff help you, go to a social insurance counter with the "
                       "originals listed there."))
    if found.spare_bank_account:
        lines.append(_("At a counter, with a Shenzhen financial social security card you need not bring a bank "
                       "account."))
    if found.channel in ("terminal", "counter"):
        lines.append(_("We found no official list of places to cite: call 12333 to ask where the nearest one is."))
    if found.channel:
        number = [c["id"] for c in content().texts["channels"]["channels"]].index(found.channel) + 1
        lines.append(_("The full steps are below, under way %(number)s.", number=number))
    return summary("register", suggestion_headline(found), found, lines=lines)


def guide_view(hukou: Hukou | None, have: list[str] | None = None) -> dict:
    """The whole guide for one hukou, or for everyone (each item then says who it is for); the ways to register
    were made for each hukou when the app started (advisor/web/prepared.py)."""
    guide = content().texts["channels"]
    have = have or []
    found = suggested_channel(guide, hukou.value, have) if hukou and have else Suggestion(None, False)
    not_found = {item["id"]: localized(item["text"]) for item in guide["not_found"]}
    return {
        "hukou": hukou,
        "summary": suggestion_summary(hukou, have),
        "suggested": found.channel,
        "not_found": {c["id"]: not_found[c["not_found"]] for c in guide["channels"] if c.get("not_found")},
        "hukou_label": next((str(choice.label) for choice in HUKOU_CHOICES if hukou and choice.value == hukou), ""),
        "channels": prepared().channels[hukou],
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
    journey.start(journey.REGISTER, form)
    hukou = Hukou(form.hukou.data) if request.method == "POST" and form.validate() else None
    guide = guide_view(hukou, form.have_data())
    return render_page_or_fragment(
        "register/page.html", "register/_guide.html",
        form=form, guide=guide, result=guide["summary"], submitted=request.method == "POST",
    )
