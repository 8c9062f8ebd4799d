"""Platform workers' protections in content/protections/: the structure checked at start-up, and the
rules' inputs built from it (platforms, pilot groups, subsidy kinds).

Texts (both languages, known sources) are checked by content.py; this module checks what the rules
and pages rely on: the platform ids are exactly the agreed list, every status is known, every
subsidy's share is a parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from advisor.policy.content import Content
from advisor.policy.errors import ContentError
from advisor.policy.parameters import Parameter
from advisor.rules.protections import PLATFORM_IDS, WORK_IDS, PilotGroup, PlatformFacts, SubsidyKind

PROTECTION_FILES = ("platforms", "injury_protection", "subsidies", "after_accident")
FACT_STATUSES = ("official", "secondary", "unverified", "not_found")


def _file(stem: str) -> str:
    return f"content/protections/{stem}.yaml"


def _check_platforms(raw: Mapping[str, Any]) -> None:
    platforms = raw.get("platforms") or []
    ids = tuple(p.get("id") for p in platforms)
    if ids != PLATFORM_IDS:
        raise ContentError(_file("platforms"), "platforms", f"ids must be exactly {', '.join(PLATFORM_IDS)}")
    groups = {g.value for g in PilotGroup}
    for i, platform in enumerate(platforms):
        injury = platform.get("injury") or {}
        if injury.get("group") not in groups:
            raise ContentError(_file("platforms"), f"platforms[{i}].injury.group",
                               f"must be one of {', '.join(groups)}")
        if injury.get("status") not in FACT_STATUSES:
            raise ContentError(_file("platforms"), f"platforms[{i}].injury.status", "is not a known status")
        if injury["group"] in ("first_batch", "added_2025") and not isinstance(injury.get("since"), date):
            raise ContentError(_file("platforms"), f"platforms[{i}].injury.since", "must be a date")
    if tuple(w.get("id") for w in raw.get("work_kinds") or []) != WORK_IDS:
        raise ContentError(_file("platforms"), "work_kinds", f"ids must be exactly {', '.join(WORK_IDS)}")


def _check_statuses(node: Any, stem: str, where: str = "") -> None:
    if isinstance(node, dict):
        if "status" in node and node["status"] not in FACT_STATUSES:
            raise ContentError(_file(stem), f"{where}.status", f"must be one of {', '.join(FACT_STATUSES)}")
        for key, value in node.items():
            if key != "statuses":
                _check_statuses(value, stem, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _check_statuses(value, stem, f"{where}[{i}]")


def check_protections(found: Mapping[str, Mapping[str, Any]], parameters: Mapping[str, Parameter]) -> None:
    _check_platforms(found["platforms"])
    for stem, raw in found.items():
        _check_statuses(raw, stem)
    kinds = {k.value for k in SubsidyKind}
    for key, subsidy in found["subsidies"].get("subsidies", {}).items():
        if subsidy.get("kind") not in kinds:
            raise ContentError(_file("subsidies"), f"subsidies.{key}.kind", f"must be one of {', '.join(kinds)}")
        if subsidy["kind"] == "employer" and not (subsidy.get("check", {}).get("heading")
                                                   and subsidy.get("check", {}).get("asks")):
            raise ContentError(_file("subsidies"), f"subsidies.{key}.check",
                               "an employer's full-time riders need the check's heading and asks")
        share = subsidy.get("share")
        if subsidy["kind"] in ("exact", "at_least") and share not in parameters:
            raise ContentError(_file("subsidies"), f"subsidies.{key}.share", f"{share!r} is not a parameter")


def platform_facts(content: Content) -> Mapping[str, PlatformFacts]:
    """Each platform's pilot group and start date, by platform id."""
    facts = {}
    for platform in content.protections["platforms"]["platforms"]:
        injury = platform["injury"]
        facts[platform["id"]] = PlatformFacts(platform["id"], PilotGroup(injury["group"]), injury.get("since"),
                                              tuple(platform.get("industries", ())))
    return facts


def platform(content: Content, platform_id: str) -> Mapping[str, Any]:
    return next(p for p in content.protections["platforms"]["platforms"] if p["id"] == platform_id)


def work_kind(content: Content, work_id: str) -> Mapping[str, Any]:
    return next(w for w in content.protections["platforms"]["work_kinds"] if w["id"] == work_id)


def subsidy_entry(content: Content, platform_id: str) -> Mapping[str, Any] | None:
    return content.protections["subsidies"]["subsidies"].get(platform_id)


def employer_platform_ids(content: Content) -> tuple[str, ...]:
    """Platforms whose full-time riders are their employees (subsidies.yaml kind "employer": jd)."""
    return tuple(key for key, entry in content.protections["subsidies"]["subsidies"].items()
                 if entry["kind"] == "employer")
