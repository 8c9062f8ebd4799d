"""What the union pages and the protection pages both show of the union schemes: their texts, sources and phone
numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor.i18n import format_yuan_round, localized
from advisor.web.choices import content
from advisor.web.citations import Citation
from advisor.web.figures import citation


def scheme(stem: str) -> Mapping[str, Any]:
    return content().schemes[stem]


def source_citation(source_key: str) -> Citation | None:
    return citation(source_key)


@dataclass(frozen=True)
class Phone:
    number: str  # as the source prints it
    href: str
    hours: str


def tel_href(number: str) -> str:
    """A tel: link; "0755-83288836-1" is area code, number and extension 1, dialled after a pause (",")."""
    parts = number.split("-")
    if len(parts) == 3:
        return f"tel:{parts[0]}-{parts[1]},{parts[2]}"
    return f"tel:{number}"


def claim_phones() -> list[Phone]:
    return [Phone(p["number"], tel_href(p["number"]), localized(p["hours"]))
            for p in scheme("e_road")["claim_channels"]["phones"]]


def hotline() -> Phone:
    """The 24-hour line (the first the briefing lists), for "call to find out" next steps."""
    return claim_phones()[0]


def whole_yuan(value: Any) -> str:
    return format_yuan_round(Decimal(str(value)))
