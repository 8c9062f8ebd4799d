"""工会保障 — union protection for gig workers: E路守护, joining a union, the Guangdong plan, other regions.

Texts and figures come from content/schemes/; the claim check and the payouts from
advisor.answers.union, exactly as the JSON API (advisor/api/union.py) calls them.
"""

from __future__ import annotations

from flask import current_app, request
from wtforms import FieldList, SelectChoice, StringField
from wtforms.validators import ValidationError

from advisor.answers.union import e_road_claim, mutual_aid_advice, mutual_aid_period_text
from advisor.clock import today
from advisor.i18n import format_year_month, format_yuan_round, localized
from advisor.i18n import gettext as _
from advisor.i18n import lazy_gettext as _l
from advisor.rules.calendar import YearMonth
from advisor.rules.money import AmountError, parse_yuan
from advisor.rules.union_schemes import Answer, is_period_over
from advisor.web.blueprint import bp
from advisor.web.choices import ChoiceField, content
from advisor.web.fields import MAX_AMOUNT_FIELDS, PlainForm
from advisor.web.pages.union.view_model import benefit_table, claim_view, payout_view, route_views, tier_rows
from advisor.web.rendering import render_page_or_fragment, render_template
from advisor.web.schemes import claim_phones, hotline, scheme, source_citation

ANSWER_ORDER = (Answer.YES, Answer.NO, Answer.UNKNOWN)
NOT_SURE = "not_sure"
AMOUNT_FIELDS = 5      # blank amount boxes on the first visit

ADD_AMOUNT = "add_amount"  # the name of the "add another accident" button

# Scheme tables quote whole-yuan amounts the way the scheme's material writes them (130万元, ¥1,300,000).
bp.add_app_template_filter(format_yuan_round, "yuan_round")


def period_texts() -> dict:
    """The Guangdong plan's stated periods and whether they have passed, via union_advice."""
    advice = mutual_aid_advice(content(), (), today(current_app.config))
    period = scheme("gd_mutual_aid")["period"]
    return {
        "over": advice.period_over,
        "plan_year_over": is_period_over(period["plan_year"]["end"], advice.as_of),
        "message": localized(mutual_aid_period_text(content(), advice)),
        "gift_end": advice.gift_period_end,
        "plan_year": period["plan_year"],
        "gift_period": period["gift_period"],
    }


@bp.get("/union")
def union():
    return render_template("union/landing.html", period=period_texts(), e_road=scheme("e_road"),
                           membership=scheme("union_membership"), plan=scheme("gd_mutual_aid"),
                           regions=scheme("other_regions")["regions"], hotline=hotline())


# E路守护 ------------------------------------------------------------------------------------------

def claim_form_class() -> type[PlainForm]:
    """One yes / no / don't-know question per claim condition, in the seed's order, named by its id."""
    e_road = scheme("e_road")
    choices = [SelectChoice(answer.value, localized(e_road["answers"][answer.value])) for answer in ANSWER_ORDER]
    fields = {}
    for number, condition in enumerate(e_road["conditions"], start=1):
        fields[condition["id"]] = ChoiceField(
            _("Condition %(number)s: %(text)s", number=number, text=localized(condition["text"])),
            choices=choices,
            required_message=_("Condition %(number)s: choose yes, no or “I don't know”.", number=number),
        )
    return type("ClaimForm", (PlainForm,), fields)


def condition_hints() -> dict[str, str]:
    e_road = scheme("e_road")
    hints = {}
    for condition in e_road["conditions"]:
        if condition["proof"]:
            hints[condition["id"]] = _("Proof: %(proof)s", proof=localized(condition["proof"]["quote"]))
        else:
            hints[condition["id"]] = localized(e_road["no_proof_listed"])
    return hints


@bp.route("/union/e-road", methods=["GET", "POST"])
def union_e_road():
    form = claim_form_class()(request.form if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.validate():
        answers = {field.name: Answer(field.data) for field in form}
        result = claim_view(e_road_claim(content(), answers))
    return render_page_or_fragment(
        "union/e_road.html", "union/_claim_result.html",
        form=form, result=result, submitted=request.method == "POST", hints=condition_hints(),
        e_road=scheme("e_road"), table=benefit_table(), phones=claim_phones(), hotline=hotline(),
        described_month=format_year_month(YearMonth.parse(scheme("e_road")["as_described"])),
        source=source_citation(scheme("e_road")["source"]),
    )


# Joining a union ----------------------------------------------------------------------------------

class JoinForm(PlainForm):
    situation = ChoiceField(_l("Which describes your work best?"),
                            required_message=_l("Choose the description that fits your work best."))


@bp.route("/union/join", methods=["GET", "POST"])
def union_join():
    routes = route_views()
    form = JoinForm(request.form if request.method == "POST" else None)
    form.situation.choices = ([SelectChoice(r.route_id, r.situation) for r in routes]
                              + [SelectChoice(NOT_SURE, _("I'm not sure"))])
    chosen = None
    if request.method == "POST" and form.validate():
        chosen = [r for r in routes if form.situation.data in (r.route_id, NOT_SURE)]
    return render_page_or_fragment(
        "union/join.html", "union/_route.html",
        form=form, chosen=chosen, not_sure=form.situation.data == NOT_SURE, routes=routes,
        submitted=request.method == "POST", membership=scheme("union_membership"),
        source=source_citation(scheme("union_membership")["source"]),
        e_road_source=source_citation(scheme("e_road")["source"]),
    )


# Guangdong member accident-medical mutual aid ----------------------------------------------------

AMOUNT_MESSAGES = {
    "too_many_decimals": _l("Accident %(number)s: the amount can have at most 2 decimal places (fen)."),
    "too_large": _l("Accident %(number)s: the amount is too large. Enter what you paid yourself, in yuan."),
    "not_a_number": _l("Accident %(number)s: enter the amount in yuan using digits only, for example 350 or "
                       "1200.50."),
}


class OptionalSelfPaidAmount:
    """A blank box is an accident not entered; anything typed must read as yuan ("8,000", "８０００", "8000元")."""

    def __call__(self, form, field) -> None:
        field.amount = None
        text = field.data or ""
        if not text.strip():
            return
        number = field.index + 1
        if text.strip().startswith(("-", "－")):
            raise ValidationError(_("Accident %(number)s: the amount cannot be negative.", number=number))
        try:
            field.amount = parse_yuan(text)
        except AmountError as exc:
            if exc.kind == "empty":  # only separators or "元" typed: nothing entered, like a blank box
                return
            raise ValidationError(str(AMOUNT_MESSAGES[exc.kind]) % {"number": number}) from None


class AccidentAidForm(PlainForm):
    amounts = FieldList(StringField(validators=[OptionalSelfPaidAmount()]),
                        min_entries=AMOUNT_FIELDS, max_entries=MAX_AMOUNT_FIELDS)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not self.entered():
            self.amounts.entries[0].errors = [_("Enter the amount you paid yourself for at least one accident.")]
            return False
        return valid

    def entered(self) -> list:
        """The boxes with an amount in them, in the order of the form."""
        return [entry for entry in self.amounts.entries if getattr(entry, "amount", None) is not None]

    def error_list(self) -> list[tuple[str, str]]:
        return [(entry.id, str(message)) for entry in self.amounts.entries for message in entry.errors]


def label_amount_boxes(form: AccidentAidForm) -> None:
    for number, entry in enumerate(form.amounts.entries, start=1):
        entry.label.text = _("Accident %(number)s: what you paid yourself (yuan)", number=number)


@bp.route("/union/accident-aid", methods=["GET", "POST"])
def union_accident_aid():
    form = AccidentAidForm(request.form if request.method == "POST" else None)
    adding = request.method == "POST" and ADD_AMOUNT in request.form
    result = None
    if request.method == "POST" and form.validate() and not adding:
        entered = form.entered()
        advice = mutual_aid_advice(content(), [entry.amount for entry in entered], today(current_app.config))
        result = payout_view(advice, [entry.index + 1 for entry in entered])
    if adding:
        # "Add another" only makes room: it keeps the answers, reports nothing as an error and shows no
        # result, so the new box (autofocus) is where the page opens.
        for entry in form.amounts.entries:
            entry.errors = []
        if len(form.amounts.entries) < MAX_AMOUNT_FIELDS:
            form.amounts.append_entry()
    label_amount_boxes(form)
    return render_page_or_fragment(
        "union/accident_aid.html", "union/_payout_result.html",
        form=form, result=result, submitted=request.method == "POST" and not adding, adding=adding,
        can_add=len(form.amounts.entries) < MAX_AMOUNT_FIELDS, add_name=ADD_AMOUNT,
        plan=scheme("gd_mutual_aid"), tiers=tier_rows(),
        period=period_texts(),
        source=source_citation(scheme("gd_mutual_aid")["source"]),
    )


# Other regions ------------------------------------------------------------------------------------

@bp.get("/union/other-regions")
def union_other_regions():
    other = scheme("other_regions")
    regions = [dict(region, citation=source_citation(region["source"])) for region in other["regions"]]
    return render_template("union/other_regions.html", notice=other["notice"], regions=regions, hotline=hotline())
