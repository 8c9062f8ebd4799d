"""The check's questions: which apply to whom (APPLIES_WHEN), their choices, and reading them into a Person."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from flask import current_app, request
from wtforms import RadioField, SelectChoice, StringField

from advisor.answers.eligibility import latest_birth_near_retirement
from advisor.answers.forecast import person_retirement
from advisor.clock import today
from advisor.i18n import lazy_gettext as _l
from advisor.policy import NotInForce
from advisor.rules.extension import PensionPlace, near_retirement
from advisor.rules.types import Category, Hukou, Person, Sex, Work
from advisor.web.choices import HUKOU_CHOICES, YES_NO, ChoiceField, content
from advisor.web.dates import DatePartsField, check_birth_date
from advisor.web.fields import PlainForm
from advisor.web.person import BIRTH_DATE_MESSAGES, CATEGORY_CHOICES, SEX_CHOICES, FollowUpChoiceField, choice_values
from advisor.web.prepared import prepared

FIRST_INSURED_MESSAGES = {
    "empty": _l("Enter the year and month you were first insured in Guangdong"),
    "missing_year": _l("The month you were first insured must include a year"),
    "missing_month": _l("The month you were first insured must include a month"),
    "not_real": _l("The month you were first insured must be a real month, for example 2015 and 6"),
    "year_digits": _l("The year you were first insured must have 4 digits, for example 2015"),
}

# Short names of the answers, for the "your answers" summary and its "Change" buttons.
ANSWER_NAMES = {
    "birth_date": _l("Date of birth"),
    "sex": _l("Sex"),
    "female_category": _l("Original retirement age"),
    "hukou": _l("Hukou"),
    "residence_permit": _l("Shenzhen residence registration or permit"),
    "work": _l("Kind of work"),
    "platform_qualified": _l("Platform qualification and taking orders"),
    "jd_full_time": _l("Full-time JD (京东) rider"),
    "full_time_student": _l("Full-time student"),
    "employer_insured": _l("Insured through an employer"),
    "insured_before": _l("Insured in Guangdong before"),
    "first_insured_month": _l("First month insured in Guangdong"),
    "contributed_months": _l("Months of pension paid"),
    "pension_place": _l("Where the pension will be drawn"),
}
# Past or near the statutory retirement age (issue 11): what can still be done about the pension.
PENSION_PLACE_CHOICES = (
    SelectChoice(PensionPlace.SHENZHEN.value, _l("Shenzhen")),
    SelectChoice(PensionPlace.ELSEWHERE.value, _l("Somewhere else")),
    SelectChoice(PensionPlace.UNKNOWN.value, _l("I don't know")),
)
MAX_CONTRIBUTED_MONTHS = 999
_WHOLE_MONTHS = re.compile(r"^[0-9]{1,3}$")


# When a follow-up question applies: {question: {earlier question: the answers that bring it up}}.
# The server asks and reads a question only then; with JavaScript the page hides it until then
# (data-applies-when, static/js/questions.js); without, its hint says whom it is for. To add a
# conditional question: add the field, an entry here, and `question("name")` in check/_questions.html.
APPLIES_WHEN: dict[str, dict[str, tuple[str, ...]]] = {
    "female_category": {"sex": (Sex.FEMALE.value,)},
    "residence_permit": {"hukou": (Hukou.GUANGDONG.value, Hukou.OTHER_PROVINCE.value, Hukou.HK_MACAO_TAIWAN.value)},
    "platform_qualified": {"work": (Work.PLATFORM.value,)},
    "jd_full_time": {"work": (Work.PLATFORM.value,)},  # JD's full-time riders are its employees (issue 12)
    "insured_before": {"hukou": (Hukou.OTHER_PROVINCE.value,)},  # the temporary pension account rule
    "first_insured_month": {"insured_before": ("yes",)},
}


class CheckForm(PlainForm):
    # About you
    birth_date = DatePartsField(
        _l("What is your date of birth?"), messages=BIRTH_DATE_MESSAGES,
        description=_l("For example 1990, 5, 31. It decides whether you can join and when you retire."))
    sex = ChoiceField(_l("Are you a man or a woman?"), choices=SEX_CHOICES,
                      required_message=_l("Choose man or woman"),
                      description=_l("Men and women have different retirement ages."))
    female_category = FollowUpChoiceField(
        _l("What was your original retirement age?"), choices=CATEGORY_CHOICES,
        description=_l("Women only. It was 50 or 55, by job, before the 2025 reform; the new age is worked out "
                       "from it. 50 may apply if you were insured in a worker's post. Not sure? Choose “I don't "
                       "know”."))
    # Residence
    hukou = ChoiceField(_l("Where is your hukou (household registration)?"), choices=HUKOU_CHOICES,
                        required_message=_l("Choose where your hukou is"),
                        description=_l("Some rules depend on where your hukou is."))
    residence_permit = FollowUpChoiceField(
        _l("Do you have a Shenzhen residence registration or a valid residence permit?"), choices=YES_NO,
        description=_l("Only needed without Shenzhen hukou: you need one of them to join in Shenzhen."))
    # Work
    work = ChoiceField(_l("What kind of work do you do?"), required_message=_l("Choose your kind of work"),
                       description=_l("Which insurances you can join depends on your kind of work."))
    platform_qualified = FollowUpChoiceField(
        _l("Does the platform recognise your service qualification, and do you actually take orders?"),
        choices=YES_NO,
        description=_l("Platform workers only. Unemployment insurance is open only to platform workers "
                       "with both."))
    jd_full_time = FollowUpChoiceField(
        _l("Are you a full-time rider employed by JD (京东)?"), choices=YES_NO,
        description=_l("Platform workers only; optional. JD's full-time riders are its employees, insured through "
                       "JD. Part-time JD riders and riders for other platforms answer no."))
    full_time_student = ChoiceField(_l("Are you a full-time student?"), choices=YES_NO,
                                    required_message=_l("Choose yes if you are a full-time student"),
                                    description=_l("Full-time students cannot join as flexible workers."))
    # Other insurance
    employer_insured = ChoiceField(
        _l("Are you already insured through an employer?"), choices=YES_NO,
        required_message=_l("Choose yes if you are already insured through an employer"),
        description=_l("People insured through an employer cannot also join as flexible workers."))
    insured_before = FollowUpChoiceField(
        _l("Have you ever been insured anywhere in Guangdong?"), choices=YES_NO,
        description=_l("Hukou outside Guangdong only: it decides whether you get a temporary pension account."))
    first_insured_month = DatePartsField(
        _l("If yes: in which month were you first insured in Guangdong?"), parts=("year", "month"),
        messages=FIRST_INSURED_MESSAGES, required=False,
        description=_l("For example 2015, 6. If you are not sure, call 12333 to ask."))

    # Past or near retirement age (asked only then)
    contributed_months = StringField(
        _l("How many months of pension contributions have you paid in total?"),
        description=_l("Only if you have reached the statutory retirement age or will within five years; "
                       "optional. 12 months for each year: 10 years is 120. Your contribution record shows it "
                       "(12333)."))
    pension_place = FollowUpChoiceField(
        _l("Where will your pension be drawn?"), choices=PENSION_PLACE_CHOICES,
        description=_l("Only with the months above. Usually your hukou place; otherwise a place where you have "
                       "paid for 10 years in total."))

    as_of: date  # today, set by build_form

    def is_asked(self, name: str) -> bool:
        """Whether a question applies to this person (APPLIES_WHEN, or near retirement for the questions
        about paying on); answers to other questions are ignored."""
        if name in ("contributed_months", "pension_place"):
            return self.near_retirement()
        return all(self[other].data in values and self.is_asked(other)
                   for other, values in APPLIES_WHEN.get(name, {}).items())

    def holds(self, *names: str) -> bool:
        """Whether any of these questions holds an answer or an error: a question folded without JavaScript
        (check/_questions.html) is then shown open, so nothing typed is out of sight."""
        def filled(field) -> bool:
            values = getattr(field, "values", None)
            return any(str(value).strip() for value in values.values()) if values is not None else bool(field.data)
        return any(self[name].errors or filled(self[name]) for name in names)

    def applies_when(self, name: str) -> str:
        """The page's data-applies-when attribute: "sex=female", "hukou=guangdong|other_province;…"."""
        return ";".join(f"{other}={'|'.join(values)}" for other, values in APPLIES_WHEN.get(name, {}).items())

    def near_retirement_rule(self) -> str:
        """The page's data-born-by attribute for the questions about paying on: for each sex (and a woman's
        original retirement age), the latest birth date that is at or near retirement today, e.g.
        "male=1971-05-31;female=1976-05-31;female/f55=1976-05-31;female/f50=1981-05-31". With it
        static/js/questions.js shows those questions only when the birth date brings them up, as the
        server decides (near_retirement); without JavaScript their hint says whom they are for."""
        parts = []
        for key, sex, category in (("male", Sex.MALE, None), ("female", Sex.FEMALE, None),
                                   ("female/f55", Sex.FEMALE, Category.F55), ("female/f50", Sex.FEMALE, Category.F50)):
            cutoff = latest_birth_near_retirement(content(), sex, category, self.as_of)
            if cutoff is not None:
                parts.append(f"{key}={cutoff.isoformat()}")
        return ";".join(parts)

    def near_retirement(self) -> bool:
        """At, past or within five years of the statutory retirement age (needs the date of birth and sex)."""
        born = self.birth_date.data
        if born is None or self.birth_date.errors or self.sex.data not in (Sex.MALE, Sex.FEMALE) or born > self.as_of:
            return False
        chosen = self.female_category.data if self.sex.data == Sex.FEMALE else None
        # Asked for each question that depends on it: worked out once for these answers.
        answers = (born, self.sex.data, chosen, self.as_of)
        if getattr(self, "_near_retirement", (None,))[0] != answers:
            self._near_retirement = answers, self._near_retirement_for(born, chosen)
        return self._near_retirement[1]

    def _near_retirement_for(self, born: date, chosen: str | None) -> bool:
        category = Category(chosen) if chosen in (Category.F55, Category.F50) else None
        try:
            retirement = person_retirement(content(), born, Sex(self.sex.data), category, self.as_of)
        except NotInForce:
            return False
        return near_retirement(retirement, self.as_of)

    def check_contributed_months(self) -> None:
        field = self.contributed_months
        text = unicodedata.normalize("NFKC", field.data or "").strip()
        if not self.is_asked("contributed_months") or not text:
            field.number = None
            return
        if not _WHOLE_MONTHS.match(text):
            field.number = None
            self.add_error(field, _l("Enter the months as a whole number, for example 120."))
            return
        field.number = int(text)
        place = self.pension_place
        if place.data and place.data not in choice_values(place):
            self.add_error(place, _l("Choose Shenzhen, somewhere else or “I don't know”"))

    def pathway_answers(self) -> tuple[int | None, PensionPlace | None]:
        """Months paid and the pension place, when asked and answered."""
        months = getattr(self.contributed_months, "number", None) if self.is_asked("contributed_months") else None
        place = self.pension_place.data if months is not None else None
        return months, PensionPlace(place) if place in choice_values(self.pension_place) else None

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        check_birth_date(self, self.birth_date, self.as_of)
        self.check_follow_ups()
        self.check_contributed_months()
        return not self.error_list()


    def check_follow_ups(self) -> None:
        required = {
            "residence_permit": _l("Choose yes if you have a Shenzhen residence registration or permit"),
            "platform_qualified": _l("Choose yes if the platform recognises your qualification and you take orders"),
            "insured_before": _l("Choose yes if you have ever been insured in Guangdong"),
        }
        for name, message in required.items():
            field = self[name]
            if self.is_asked(name) and field.data not in choice_values(field):
                self.add_error(field, message)
        category = self.female_category
        if self.is_asked("female_category") and category.data and category.data not in choice_values(category):
            self.add_error(category, _l("Choose 55, 50 or “I don't know”"))
        self.check_first_insured_month()

    def check_first_insured_month(self) -> None:
        field = self.first_insured_month
        if not self.is_asked("first_insured_month"):
            field.errors = []  # an answer to a question that does not apply is ignored, even if garbled
            field.data = None
            return
        month, born = field.data, self.birth_date.data
        if field.errors:
            return
        if month is None:
            self.add_error(field, FIRST_INSURED_MESSAGES["empty"])
        elif born and month.last_day < born:
            self.add_error(field, _l("The month you were first insured cannot be before your date of birth"))
        elif month.first_day > self.as_of:
            self.add_error(field, _l("The month you were first insured cannot be after this month"))

    def person(self) -> Person:
        """The rules' input; answers to questions that do not apply are left out."""
        sex, hukou, work = Sex(self.sex.data), Hukou(self.hukou.data), Work(self.work.data)
        chosen = self.female_category.data if self.is_asked("female_category") else None
        return Person(
            birth_date=self.birth_date.data,
            sex=sex,
            hukou=hukou,
            residence_permit=self.is_asked("residence_permit") and self.residence_permit.data == "yes",
            full_time_student=self.full_time_student.data == "yes",
            employer_insured=self.employer_insured.data == "yes",
            work=work,
            female_category=Category(chosen) if chosen in (Category.F55, Category.F50) else None,
            platform_qualified=self.platform_qualified.data == "yes" if self.is_asked("platform_qualified") else True,
            first_insured_month=self.first_insured_month.data if self.is_asked("first_insured_month") else None,
            platform_employee=self.is_asked("jd_full_time") and self.jd_full_time.data == "yes",
        )

    def hidden_answers(self) -> list[tuple[str, str]]:
        """Every answer as (name, value) hidden fields, so "Change" can bring the questions back filled in."""
        answers = []
        for field in self:
            if isinstance(field, DatePartsField):
                answers += [(field.part_name(part), value) for part, value in field.values.items() if value]
            elif isinstance(field, StringField) and not isinstance(field, RadioField):
                if field.data:
                    answers.append((field.name, field.data))
            elif field.data in choice_values(field):
                answers.append((field.name, field.data))
        return answers


def build_form() -> CheckForm:
    form = CheckForm(request.form if request.method == "POST" else None)
    form.work.choices = prepared().work_kinds
    form.as_of = today(current_app.config)
    return form
