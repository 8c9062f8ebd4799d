"""Load and validate all of content/ at start-up; a broken file stops the app with its name and field."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from advisor.policy.content import Content
from advisor.policy.errors import ContentError
from advisor.policy.guides import GUIDE_FILES, check_guides
from advisor.policy.outreach import OUTREACH_FILES, check_outreach
from advisor.policy.parameters import Parameter, parse_parameter
from advisor.policy.protections import PROTECTION_FILES, check_protections
from advisor.policy.required import REQUIRED_PARAMETERS
from advisor.policy.schemes import check_schemes
from advisor.policy.upkeep import check_upkeep
from advisor.policy.yaml_loader import load_yaml

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
_SOURCE_KINDS = ("official", "official-unseen", "secondary", "derived", "seed")
_SOURCE_REQUIRED = ("title", "issuer", "kind")  # `date` when the document gives one
# Text files under content/rules/ and what each entry must hold besides bilingual texts.
_TEXT_FILES = ("schemes", "eligibility", "notices", "work_kinds")
# Guides for the register and FAQ pages (content/guides/<stem>.yaml), kept in Content.texts under their stem.



def _read(path: Path, root: Path) -> Any:
    name = str(path.relative_to(root.parent))
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(name, "(file)", "file is missing") from None
    except yaml.YAMLError as exc:
        raise ContentError(name, "(yaml)", str(exc).replace("\n", " ")) from None


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_texts(node: Any, file: str, where: str, sources: Mapping[str, Any]) -> None:
    """Every {zh, en} pair is complete and both sides use the same placeholders."""
    if isinstance(node, dict):
        if set(node) == {"zh", "en"}:
            for lang in ("zh", "en"):
                if not isinstance(node[lang], str) or not node[lang].strip():
                    raise ContentError(file, f"{where}.{lang}", "text is empty")
            if _placeholders(node["zh"]) != _placeholders(node["en"]):
                raise ContentError(file, where, "zh and en use different {placeholders}")
            return
        if "zh" in node or "en" in node:
            raise ContentError(file, where, "a text needs both 'zh' and 'en'")
        if "source" in node and node["source"] not in sources:
            raise ContentError(file, f"{where}.source" if where else "source",
                               f"{node['source']!r} is not in content/sources.yaml")
        if "related_source" in node and node["related_source"] not in sources:
            raise ContentError(file, f"{where}.related_source" if where else "related_source",
                               f"{node['related_source']!r} is not in content/sources.yaml")
        for key, value in node.items():
            _check_texts(value, file, f"{where}.{key}" if where else str(key), sources)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _check_texts(value, file, f"{where}[{i}]", sources)


def load_content(directory: Path | str = CONTENT_DIR) -> Content:
    root = Path(directory)
    meta = _read(root / "meta.yaml", root)
    if not isinstance(meta, dict) or not isinstance(meta.get("rules_last_checked"), date):
        raise ContentError("content/meta.yaml", "rules_last_checked", "must be a date")

    sources = _read(root / "sources.yaml", root)
    if not isinstance(sources, dict) or not sources:
        raise ContentError("content/sources.yaml", "(file)", "must map source keys to documents")
    for key, source in sources.items():
        for required in _SOURCE_REQUIRED:
            if not isinstance(source, dict) or not source.get(required):
                raise ContentError("content/sources.yaml", f"{key}.{required}", "is required")
        if source["kind"] not in _SOURCE_KINDS:
            raise ContentError("content/sources.yaml", f"{key}.kind", f"must be one of {', '.join(_SOURCE_KINDS)}")
        for address in ("url", "read_at"):  # the official address; where the text was read when not there
            if address in source and not re.match(r"^https?://", str(source[address])):
                raise ContentError("content/sources.yaml", f"{key}.{address}", "must be an http(s) address")
        if "note" in source:  # the research note, shown on the sources page alone
            _check_texts({"note": source["note"]}, "content/sources.yaml", key, {})
            if not isinstance(source["note"], dict) or set(source["note"]) != {"zh", "en"}:
                raise ContentError("content/sources.yaml", f"{key}.note", "a text needs both 'zh' and 'en'")

    parameters: dict[str, Parameter] = {}
    aliases: dict[str, tuple[str, str]] = {}
    for path in sorted((root / "parameters").rglob("*.yaml")):
        name = str(path.relative_to(root.parent))
        parameter_id = ".".join(path.relative_to(root / "parameters").with_suffix("").parts)
        parsed = parse_parameter(parameter_id, _read(path, root), sources, name)
        if isinstance(parsed, str):
            aliases[parameter_id] = (parsed, name)
        else:
            parameters[parameter_id] = parsed
    for alias, (target, name) in aliases.items():
        if target not in parameters:
            raise ContentError(name, "same_as", f"{target!r} is not a parameter")
        parameters[alias] = parameters[target]
    for parameter_id in REQUIRED_PARAMETERS:
        if parameter_id not in parameters:
            raise ContentError(f"content/parameters/{parameter_id.replace('.', '/')}.yaml", "(file)", "file is missing")

    # Loaded first, checked after: each check reads what was loaded and names the file and field it refuses.
    texts = {**_load_files(root, "rules", _TEXT_FILES, sources), **_load_files(root, "guides", GUIDE_FILES, sources)}
    check_guides(texts, parameters)
    texts.update(_load_files(root, "outreach", OUTREACH_FILES, sources))  # kept in Content.texts under their stem
    schemes = _load_files(root, "schemes", sorted(path.stem for path in (root / "schemes").glob("*.yaml")), sources)
    check_schemes(schemes)
    upkeep = _read(root / "upkeep.yaml", root)  # the yearly update: who publishes, what to search, what uses it
    _check_texts(upkeep, "content/upkeep.yaml", "", sources)
    check_upkeep(upkeep, parameters)
    texts["upkeep"] = upkeep
    protections = _load_files(root, "protections", PROTECTION_FILES, sources)
    check_protections(protections, parameters)
    content = Content(root, meta, sources, parameters, texts, schemes, protections)
    check_outreach(content)  # quiz references into the union scheme and the rules
    return content


def _load_files(root: Path, folder: str, stems: Iterable[str],
                sources: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """content/<folder>/<stem>.yaml for each stem: each a mapping whose texts are bilingual and whose sources exist."""
    found: dict[str, Mapping[str, Any]] = {}
    for stem in stems:
        path = root / folder / f"{stem}.yaml"
        name = str(path.relative_to(root.parent))
        raw = _read(path, root)
        if not isinstance(raw, dict):
            raise ContentError(name, "(file)", "must be a mapping")
        _check_texts(raw, name, "", sources)
        found[stem] = raw
    return found
