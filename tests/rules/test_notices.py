"""Notices (seed 000 注意事项): the temporary pension account and the always-on reminders."""

from datetime import date

from advisor.answers.eligibility import check_eligibility
from advisor.rules.calendar import YearMonth
from advisor.rules.notices import TemporaryAccountRule, needs_temporary_pension_account
from advisor.rules.types import Hukou, Person, Sex, Work


def person(**changes) -> Person:
    values = dict(birth_date=date(1980, 6, 1), sex=Sex.MALE, hukou=Hukou.OTHER_PROVINCE, residence_permit=True,
                  full_time_student=False, employer_insured=False, work=Work.PLATFORM)
    values.update(changes)
    return Person(**values)


def codes(content, who, as_of=date(2026, 11, 22)):
    return [n.code for n in check_eligibility(content, who, as_of).notices]


def test_a_man_first_insured_at_50_from_outside_guangdong_needs_a_temporary_account(content):
    who = person(birth_date=date(1975, 3, 1), first_insured_month=YearMonth(2025, 3))
    assert "temporary_pension_account" in codes(content, who)


def test_a_man_first_insured_at_49_does_not(content):
    who = person(birth_date=date(1975, 3, 2), first_insured_month=YearMonth(2025, 3))
    assert "temporary_pension_account" not in codes(content, who)


def test_a_woman_never_insured_who_is_40_now_needs_one(content):
    who = person(sex=Sex.FEMALE, birth_date=date(1986, 11, 22))
    assert "temporary_pension_account" in codes(content, who)


def test_first_insured_before_2010_means_no_temporary_account():
    # Someone first insured in December 2009 at 51 is outside the rule; January 2010 is inside.
    rule = TemporaryAccountRule(date(2010, 1, 1), male_min_age=50, female_min_age=40)
    born = date(1958, 6, 1)
    assert needs_temporary_pension_account(person(birth_date=born, first_insured_month=YearMonth(2009, 12)),
                                           date(2016, 1, 1), rule) is None
    assert needs_temporary_pension_account(person(birth_date=born, first_insured_month=YearMonth(2010, 1)),
                                           date(2016, 1, 1), rule) == 51


def test_guangdong_and_hong_kong_hukou_never_need_a_temporary_account(content):
    for hukou in (Hukou.GUANGDONG, Hukou.HK_MACAO_TAIWAN, Hukou.SHENZHEN):
        who = person(hukou=hukou, birth_date=date(1970, 6, 1), first_insured_month=YearMonth(2024, 1))
        assert "temporary_pension_account" not in codes(content, who)


def test_eligible_people_are_reminded_of_the_commitment_leaving_and_tax(content):
    found = codes(content, person())
    assert {"honest_commitment", "stop_when_leaving_shenzhen", "base_changes_via_tax"} <= set(found)
    assert "unemployment_needs_employment_registration" in found


def test_a_woman_without_a_chosen_category_is_told_it_is_assumed(content):
    assert "female_category_to_confirm" in codes(content, person(sex=Sex.FEMALE))
    assert "female_category_to_confirm" not in codes(content, person())
