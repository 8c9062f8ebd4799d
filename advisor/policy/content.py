"""The content of content/, as loaded and validated (advisor/policy/loading.py): figures, sources and texts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from advisor.policy.parameters import Figure, Parameter


@dataclass(frozen=True)
class Content:
    directory: Path
    meta: Mapping[str, Any]
    sources: Mapping[str, Mapping[str, Any]]
    parameters: Mapping[str, Parameter]
    texts: Mapping[str, Mapping[str, Any]]  # file stem → its entries (content/rules/<stem>.yaml)
    # file stem → its data (content/schemes/<stem>.yaml): union protections, texts checked like texts
    schemes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # file stem → its data (content/protections/<stem>.yaml): 新职伤, platforms, subsidies, after an accident
    protections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def figure(self, parameter_id: str, on: date) -> Figure:
        return self.parameters[parameter_id].at(on)

    @property
    def rules_last_checked(self) -> date:
        return self.meta["rules_last_checked"]
