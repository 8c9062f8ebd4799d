"""The questions of the protection pages; platform and work choices come from content/protections/."""

from __future__ import annotations

from wtforms import SelectChoice
from wtforms.validators import ValidationError

from advisor.i18n import lazy_gettext as _l
from advisor.rules.protections import HAPPENED, PLACES
from advisor.web.choices import YES_NO_UNKNOWN, ChoiceField, content, tri_state
from advisor.web.fields import CheckboxesField, PlainForm
from advisor.web.prepared import prepared

PLACE_LABELS = {"shenzhen": _l("In Shenzhen"), "guangdong": _l("Elsewhere in Guangdong"),
                "outside_guangdong": _l("Outside Guangdong")}
HAPPENED_LABELS = {
    "injury": _l("I was injured"),
    "hospital": _l("I stayed in hospital"),
    "traffic": _l("A traffic accident (with a vehicle or a person)"),
    "vehicle": _l("My vehicle was damaged"),
    "illness": _l("An illness, not an accident"),
}


class AtLeastOneHappened:
    def __call__(self, form, field) -> None:
        if not field.data:
            raise ValidationError(_l("Choose at least one thing that happened."))
        if not set(field.data) <= set(HAPPENED):
            raise ValidationError(_l("Choose from the list."))


class ProtectionForm(PlainForm):
    def __init__(self, formdata=None, **kwargs) -> None:
        super().__init__(formdata, **kwargs)
        self.content = content()
        self.platform.choices = prepared().platforms
        self.work.choices = prepared().platform_work


class InjuryForm(ProtectionForm):
    platform = ChoiceField(_l("Which platform were you working for?"),
                           required_message=_l("Choose the platform, or “I don't know”."))
    work = ChoiceField(_l("What kind of work was it?"), required_message=_l("Choose the kind of work, or “Not sure”."))
    during_order = ChoiceField(
        _l("Did it happen while you were carrying out an order (from accepting it to delivering it)?"),
        choices=YES_NO_UNKNOWN, required_message=_l("Choose yes, no or “I don't know”."),
        description=_l("On the way to pick up an order, or waiting between orders? Answer “I don't know”: "
                       "no official text says whether that counts."))


class AfterAccidentForm(ProtectionForm):
    happened = CheckboxesField(_l("What happened? Choose all that apply."), validators=[AtLeastOneHappened()])
    during_order = InjuryForm.during_order
    platform = InjuryForm.platform
    work = InjuryForm.work
    place = ChoiceField(_l("Where did it happen?"), required_message=_l("Choose where it happened."))
    union_member = ChoiceField(
        _l("Are you a real-name member of a Shenzhen trade union (with a membership card in the Shenzhen union "
           "app, 深工)?"), choices=YES_NO_UNKNOWN,
        required_message=_l("Choose yes, no or “I don't know”."))
    months_in_work = ChoiceField(
        _l("Had you done this work for 3 months or more, and were you still doing it the month before?"),
        choices=YES_NO_UNKNOWN, required_message=_l("Choose yes, no or “I don't know”."))
    medical_insured = ChoiceField(
        _l("Do you pay into employee medical insurance as a flexible worker?"), choices=YES_NO_UNKNOWN,
        required_message=_l("Choose yes, no or “I don't know”."))

    def __init__(self, formdata=None, **kwargs) -> None:
        super().__init__(formdata, **kwargs)
        self.happened.choices = [SelectChoice(h, HAPPENED_LABELS[h]) for h in HAPPENED]
        self.place.choices = [SelectChoice(p, PLACE_LABELS[p]) for p in PLACES]

    def answers(self) -> dict:
        return {
            "platform": self.platform.data, "work": self.work.data,
            "during_order": tri_state(self.during_order.data), "union_member": tri_state(self.union_member.data),
            "months_in_work": tri_state(self.months_in_work.data),
            "medical_insured": tri_state(self.medical_insured.data),
            "place": self.place.data, "happened": set(self.happened.data),
        }
