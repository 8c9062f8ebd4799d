"""Plain values shared by the rules. Enum values are also the API, form and YAML-case values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from advisor.rules.calendar import YearMonth


class Scheme(StrEnum):
    PENSION = "pension"
    MEDICAL = "medical"
    UNEMPLOYMENT = "unemployment"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class Hukou(StrEnum):
    SHENZHEN = "shenzhen"
    GUANGDONG = "guangdong"  # elsewhere in Guangdong province
    OTHER_PROVINCE = "other_province"
    HK_MACAO_TAIWAN = "hk_macao_taiwan"


class Work(StrEnum):
    PLATFORM = "platform"
    SELF_EMPLOYED = "self_employed"
    PART_TIME = "part_time"
    OTHER = "other"


class Category(StrEnum):
    """Original statutory retirement-age category of the 2025 reform."""

    M60 = "M60"
    F55 = "F55"
    F50 = "F50"


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"


@dataclass(frozen=True)
class Person:
    birth_date: date
    sex: Sex
    hukou: Hukou
    residence_permit: bool
    full_time_student: bool
    employer_insured: bool
    work: Work
    female_category: Category | None = None
    platform_qualified: bool = True
    first_insured_month: YearMonth | None = None
    # A full-time rider whom the platform employs (京东's full-time riders, content/protections/):
    # an employee, insured through the platform, so not a flexible worker.
    platform_employee: bool = False


@dataclass(frozen=True)
class Check:
    """One condition of one scheme, as applied to a person.

    `condition` keys the rule text in content/rules/eligibility.yaml; `code` is the stable
    reason code of the API; `facts` are the figures used, for the explanation.
    """

    condition: str
    code: str
    outcome: Outcome
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    scheme: Scheme
    checks: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        return all(check.outcome is Outcome.MET for check in self.checks)

    @property
    def failing(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.outcome is Outcome.NOT_MET)


@dataclass(frozen=True)
class Notice:
    code: str
    facts: Mapping[str, Any] = field(default_factory=dict)
