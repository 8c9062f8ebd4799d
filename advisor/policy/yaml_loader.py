"""A strict YAML loader for content/: duplicate keys and unquoted decimals are errors.

PyYAML keeps the last of two duplicate keys silently (which would quietly drop a dated value)
and reads 0.12 as a binary float; both are refused here, with the line number.

The parser is libyaml's (yaml.CSafeLoader) when PyYAML was built with it, about six times faster than the
pure-Python SafeLoader it falls back to; both give the same data and the same refusals.
"""

from __future__ import annotations

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_SafeLoader):
    pass


def _mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen[key] = loader.construct_object(value_node, deep=deep)
    return seen


def _float(loader: StrictLoader, node: yaml.ScalarNode):
    raise yaml.constructor.ConstructorError(
        None, None, f"unquoted decimal {node.value!r}: write it as a string (\"{node.value}\") "
        "so it is read exactly, never as a binary float", node.start_mark)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:float", _float)


def load_yaml(text: str):
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader derives from (C)SafeLoader
