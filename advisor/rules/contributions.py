"""What a flexible worker pays for a month (seed 000 FAQ 2; 令第358号 Art. 9; 粤人社规〔2025〕50号).

Each insurance's base is the declared monthly wage clamped to that insurance's limits in force;
each line is its base × its rate, rounded to the fen by the content rounding rule (see money.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from advisor.rules.money import to_fen
from advisor.rules.types import Hukou, Scheme


@dataclass(frozen=True)
class Part:
    name: str  # pooled_fund | personal_account | local_supplementary | tier1 | unemployment
    rate: Decimal
    shenzhen_hukou_only: bool = False


@dataclass(frozen=True)
class SchemeFigures:
    """The figures of one insurance for one month, already looked up in content/."""

    floor: Decimal
    ceiling: Decimal
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Base:
    declared: Decimal
    applied: Decimal
    floor: Decimal
    ceiling: Decimal
    clamped: str | None  # None, "floor" (raised to the floor) or "ceiling" (lowered to the ceiling)


@dataclass(frozen=True)
class Line:
    scheme: Scheme
    part: str
    base: Decimal
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Contribution:
    bases: Mapping[Scheme, Base]
    lines: tuple[Line, ...]

    @property
    def monthly_total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def yearly_total(self) -> Decimal:
        return self.monthly_total * 12

    def scheme_total(self, scheme: Scheme) -> Decimal:
        return sum((line.amount for line in self.lines if line.scheme is scheme), Decimal("0.00"))


def clamp_base(declared: Decimal, floor: Decimal, ceiling: Decimal) -> Base:
    if declared < floor:
        return Base(declared, floor, floor, ceiling, "floor")
    if declared > ceiling:
        return Base(declared, ceiling, floor, ceiling, "ceiling")
    return Base(declared, declared, floor, ceiling, None)


def monthly_contribution(
    declared_wage: Decimal,
    hukou: Hukou,
    figures: Mapping[Scheme, SchemeFigures],
    rounding: str,
    scheme_wages: Mapping[Scheme, Decimal] | None = None,
) -> Contribution:
    """Lines for every insurance in `figures`, in the order pension, medical, unemployment.

    `scheme_wages` replaces the declared wage for some insurances: unemployment's base is the
    worker's own income, declared separately (seed 000's form has a 失业缴费工资 field)."""
    bases: dict[Scheme, Base] = {}
    lines: list[Line] = []
    for scheme in Scheme:
        if scheme not in figures:
            continue
        scheme_figures = figures[scheme]
        wage = (scheme_wages or {}).get(scheme, declared_wage)
        base = clamp_base(wage, scheme_figures.floor, scheme_figures.ceiling)
        bases[scheme] = base
        for part in scheme_figures.parts:
            if part.shenzhen_hukou_only and hukou is not Hukou.SHENZHEN:
                continue
            amount = to_fen(base.applied * part.rate, rounding)
            lines.append(Line(scheme, part.name, base.applied, part.rate, amount))
    return Contribution(bases, tuple(lines))
