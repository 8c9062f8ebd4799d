"""Walking a loaded content/ file: its bilingual texts and its quoted passages, each with the path to it
(".questions[0].question"), so that a failing check names the entry."""

from __future__ import annotations

from collections.abc import Callable, Iterator


def texts(node, where: str = "") -> Iterator[tuple[str, dict]]:
    """Every text: a mapping with a `zh` or an `en` key (the checks see whether it has both)."""
    if isinstance(node, dict):
        if "zh" in node or "en" in node:
            yield where, node
            return
        for key, value in node.items():
            yield from texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, f"{where}[{i}]")


def is_quote(key: str, value) -> bool:
    """`quote`, `intro_quote`, `open_quote`…: a passage copied word for word."""
    return key.endswith("quote") and isinstance(value, dict) and "zh" in value


def quotes(node, verbatim: Callable[[str, object], bool] = is_quote, source: str | None = None,
           where: str = "") -> Iterator[tuple[str, str | None, str]]:
    """(path, source, Chinese text) of every passage that `verbatim(key, value)` picks out. The nearest
    `source:` at or above it covers a passage, except that `open_source` covers `open_quote`."""
    if isinstance(node, dict):
        source = node.get("source", source)
        for key, value in node.items():
            if verbatim(key, value):
                yield f"{where}.{key}", node.get("open_source", source) if key == "open_quote" else source, value["zh"]
            else:
                yield from quotes(value, verbatim, source, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from quotes(value, verbatim, source, f"{where}[{i}]")
