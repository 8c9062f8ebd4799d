"""What a flexible worker must be told alongside the verdicts (seed 000, "注意事项" and FAQ 1)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from advisor.rules.calendar import age_on
from advisor.rules.retirement import Retirement
from advisor.rules.types import Hukou, Notice, Person, Scheme, Sex, Verdict


@dataclass(frozen=True)
class TemporaryAccountRule:
    first_insured_from: date
    male_min_age: int
    female_min_age: int


def needs_temporary_pension_account(person: Person, as_of: date, rule: TemporaryAccountRule) -> int | None:
    """The age at first enrolment in Guangdong when the temporary account applies, else None.

    Applies to hukou outside Guangdong (not Hong Kong, Macao or Taiwan), first insured in Guangdong
    on or after the rule's start date (or never yet: then the first enrolment is now), when a man
    is at least 50 or a woman at least 40. An earlier month is taken at its first day.
    """
    if person.hukou is not Hukou.OTHER_PROVINCE:
        return None
    first = person.first_insured_month.first_day if person.first_insured_month else as_of
    if first < rule.first_insured_from:
        return None
    age = age_on(person.birth_date, first)
    threshold = rule.male_min_age if person.sex is Sex.MALE else rule.female_min_age
    return age if age >= threshold else None


def notices(
    person: Person,
    as_of: date,
    verdicts: Mapping[Scheme, Verdict],
    retirement: Retirement,
    temporary_account: TemporaryAccountRule,
) -> tuple[Notice, ...]:
    found: list[Notice] = []
    first_age = needs_temporary_pension_account(person, as_of, temporary_account)
    if first_age is not None and verdicts[Scheme.PENSION].eligible:
        found.append(Notice("temporary_pension_account", {"first_age": first_age, "sex": person.sex.value}))
    if retirement.category_assumed:
        found.append(Notice("female_category_to_confirm", {"category": retirement.category.value}))
    if person.hukou is not Hukou.SHENZHEN:
        found.append(Notice("residence_rule_under_review"))
    if verdicts[Scheme.UNEMPLOYMENT].eligible:
        found.append(Notice("unemployment_needs_employment_registration"))
    if any(verdict.eligible for verdict in verdicts.values()):
        found += [Notice("honest_commitment"), Notice("stop_when_leaving_shenzhen"), Notice("base_changes_via_tax")]
    return tuple(found)
