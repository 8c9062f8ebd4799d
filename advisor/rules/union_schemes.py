"""Trade-union protections for gig workers: the E路守护 claim check and the Guangdong mutual-aid payout.

Sources: seed 000 (Shenzhen union briefing, Oct 2024: the five E路守护 claim conditions, "以下条件需要
同时满足") and seed 002 annex 4 (广东省工会会员专属意外医疗互助保障计划, 第五条: tiered payouts and the
10,000 yuan cumulative cap). The figures themselves come from content/schemes/, never from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0")


class Answer(StrEnum):
    """What a worker says about one condition; "unknown" is an honest "I don't know"."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class ConditionOutcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class ClaimVerdict(StrEnum):
    """A self-check only: the union decides every claim."""

    ALL_MET = "all_met"    # every condition answered yes
    NOT_MET = "not_met"    # at least one condition answered no
    UNKNOWN = "unknown"    # no "no", but at least one "don't know"


@dataclass(frozen=True)
class ConditionResult:
    condition: str  # id of the condition in content/schemes/e_road.yaml, which holds its text and proof
    answer: Answer
    outcome: ConditionOutcome


@dataclass(frozen=True)
class ClaimCheck:
    verdict: ClaimVerdict
    conditions: tuple[ConditionResult, ...]  # every condition, in the seed's order, not only the failing ones

    @property
    def not_met(self) -> tuple[ConditionResult, ...]:
        return tuple(c for c in self.conditions if c.outcome is ConditionOutcome.NOT_MET)

    @property
    def unknown(self) -> tuple[ConditionResult, ...]:
        return tuple(c for c in self.conditions if c.outcome is ConditionOutcome.UNKNOWN)


_OUTCOME_OF = {Answer.YES: ConditionOutcome.MET, Answer.NO: ConditionOutcome.NOT_MET,
               Answer.UNKNOWN: ConditionOutcome.UNKNOWN}


def e_road_claim_check(answers: Mapping[str, Answer], conditions: Sequence[str]) -> ClaimCheck:
    """Apply the five E路守护 conditions, which must all be met at the same time.

    A condition without an answer counts as "don't know" rather than as met or not met; an
    answer to a condition that is not in `conditions` is a programming error.
    """
    stray = set(answers) - set(conditions)
    if stray:
        raise ValueError(f"answers for unknown conditions: {sorted(stray)}")
    given = {condition: answers.get(condition, Answer.UNKNOWN) for condition in conditions}
    results = tuple(ConditionResult(condition, answer, _OUTCOME_OF[answer]) for condition, answer in given.items())
    outcomes = {result.outcome for result in results}
    if ConditionOutcome.NOT_MET in outcomes:
        verdict = ClaimVerdict.NOT_MET
    elif ConditionOutcome.UNKNOWN in outcomes:
        verdict = ClaimVerdict.UNKNOWN
    else:
        verdict = ClaimVerdict.ALL_MET
    return ClaimCheck(verdict, results)


@dataclass(frozen=True)
class PayoutTier:
    """Self-paid amounts from `lower` (included only if `lower_included`) up to and including `upper`.

    The seed writes every tier as "…元(含)", so the upper end always belongs to its tier;
    `upper` is None for the open top tier ("大于10000元").
    """

    lower: Decimal
    lower_included: bool
    upper: Decimal | None
    payout: Decimal

    def contains(self, amount: Decimal) -> bool:
        above_lower = amount >= self.lower if self.lower_included else amount > self.lower
        return above_lower and (self.upper is None or amount <= self.upper)


@dataclass(frozen=True)
class PayoutSchedule:
    tiers: tuple[PayoutTier, ...]
    cumulative_cap: Decimal


@dataclass(frozen=True)
class IncidentPayout:
    amount: Decimal       # the self-paid amount of one accident (个人自付金额)
    tier_payout: Decimal  # what the tier pays before the cumulative cap
    payout: Decimal       # what is actually paid once the cap is applied


@dataclass(frozen=True)
class MutualAidPayouts:
    incidents: tuple[IncidentPayout, ...]
    total: Decimal
    cap: Decimal

    @property
    def cap_reached(self) -> bool:
        # "累计给付金额达到10000元时，该保障责任终止": once the total reaches the cap, cover ends.
        return self.total >= self.cap


def tier_payout(amount: Decimal, schedule: PayoutSchedule) -> Decimal:
    """The one-off payout for one accident's self-paid amount; nothing below the lowest tier."""
    if amount < ZERO:
        raise ValueError("a self-paid amount cannot be negative")
    for tier in schedule.tiers:
        if tier.contains(amount):
            return tier.payout
    return ZERO


def mutual_aid_payouts(amounts: Sequence[Decimal], schedule: PayoutSchedule) -> MutualAidPayouts:
    """Pay each accident by its tier, in the order given, until the cumulative cap is reached.

    "累计给付金额不超过10000元": the accident whose payout crosses the cap is paid only what is
    left under the cap, and every later accident is paid nothing. The order given is taken to be
    the order in which the accidents were claimed.
    """
    paid_so_far = ZERO
    incidents = []
    for amount in amounts:
        by_tier = tier_payout(amount, schedule)
        paid = min(by_tier, schedule.cumulative_cap - paid_so_far)
        paid_so_far += paid
        incidents.append(IncidentPayout(amount, by_tier, paid))
    return MutualAidPayouts(tuple(incidents), paid_so_far, schedule.cumulative_cap)


def is_period_over(last_day_stated: date, as_of: date) -> bool:
    """True when a period a source states (its last day included) has ended by `as_of`."""
    return as_of > last_day_stated
