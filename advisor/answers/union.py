"""Union protections composed from content/schemes/ and the rules, for the JSON API and the pages alike.

No web framework here; texts stay bilingual ({zh, en}) and are localised by the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.policy import Content
from advisor.policy.schemes import (
    e_road_condition,
    e_road_condition_ids,
    mutual_aid_gift_period_end,
    mutual_aid_schedule,
)
from advisor.rules.union_schemes import (
    Answer,
    ClaimCheck,
    ConditionResult,
    MutualAidPayouts,
    e_road_claim_check,
    is_period_over,
    mutual_aid_payouts,
)


@dataclass(frozen=True)
class MutualAidAdvice:
    payouts: MutualAidPayouts
    as_of: date
    gift_period_end: date

    @property
    def period_over(self) -> bool:
        """The seed's stated gift period (to the end of 2025) has passed, so the page must say so."""
        return is_period_over(self.gift_period_end, self.as_of)


def mutual_aid_advice(content: Content, amounts: Sequence[Decimal], as_of: date) -> MutualAidAdvice:
    payouts = mutual_aid_payouts(amounts, mutual_aid_schedule(content))
    return MutualAidAdvice(payouts, as_of, mutual_aid_gift_period_end(content))


def mutual_aid_period_text(content: Content, advice: MutualAidAdvice) -> Mapping[str, str]:
    period = content.schemes["gd_mutual_aid"]["period"]
    return period["ended" if advice.period_over else "current"]


def e_road_claim(content: Content, answers: Mapping[str, Answer]) -> ClaimCheck:
    return e_road_claim_check(answers, e_road_condition_ids(content))


@dataclass(frozen=True)
class ConditionTexts:
    """What a page or the API shows for one condition: its words, the seed's quote and the proof."""

    text: Mapping[str, str]
    quote: Mapping[str, str]
    proof: Mapping[str, str] | None  # None when the seed lists no proof (condition 5)
    outcome: Mapping[str, str]
    answer: Mapping[str, str]


def condition_texts(content: Content, result: ConditionResult) -> ConditionTexts:
    e_road: Mapping[str, Any] = content.schemes["e_road"]
    condition = e_road_condition(content, result.condition)
    proof = condition["proof"]["quote"] if condition["proof"] else None
    return ConditionTexts(condition["text"], condition["quote"], proof,
                          e_road["outcomes"][result.outcome.value], e_road["answers"][result.answer.value])


def claim_verdict_text(content: Content, check: ClaimCheck) -> Mapping[str, str]:
    return content.schemes["e_road"]["verdicts"][check.verdict.value]


def no_proof_text(content: Content) -> Mapping[str, str]:
    return content.schemes["e_road"]["no_proof_listed"]
