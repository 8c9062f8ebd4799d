"""What the site offers, read from the app itself, so tests cover pages and forms added later.

Pages and form pages come from the URL map; each form's fields from the page's own HTML; API
operations from the OpenAPI document the app serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from flask import Flask

from advisor.i18n import LANGUAGES


def page_urls(app: Flask) -> list[str]:
    """Every page in every language: web.* endpoints reached with GET and no argument but the language."""
    urls = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint.startswith("web.") and "GET" in rule.methods and rule.arguments == {"lang_code"}:
            urls.extend(rule.rule.replace("<lang_code>", lang) for lang in LANGUAGES)
    return urls


def form_page_urls(app: Flask) -> list[str]:
    """Pages that accept a POST (their form), in Chinese, the default language."""
    return [
        rule.rule.replace("<lang_code>", "zh")
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
        if rule.endpoint.startswith("web.") and "POST" in rule.methods and rule.arguments == {"lang_code"}
    ]


def api_operations(app: Flask) -> list[tuple[str, str, dict]]:
    """(method, path, request body schema with $refs resolved) for each operation in the OpenAPI document."""
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    operations = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            operations.append((method.upper(), path, resolve(document, body.get("schema", {}))))
    return operations


def resolve(document: dict, schema):
    """The schema with every local $ref replaced by its target."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            target = document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return resolve(document, target)
        return {key: resolve(document, value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [resolve(document, value) for value in schema]
    return schema


@dataclass
class FormField:
    name: str
    values: list[str] = field(default_factory=list)  # the choices the page offers, if any
    multiple: bool = False  # checkboxes: the same name sent several times


class _FormReader(HTMLParser):
    """The fields of the page's POST forms that go to the page itself (not the language switch)."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.select: str | None = None
        self.fields: dict[str, FormField] = {}

    def _field(self, name: str) -> FormField:
        return self.fields.setdefault(name, FormField(name))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form":
            self.inside = ((attributes.get("method") or "").lower() == "post"
                           and urlsplit(attributes.get("action") or "").path == self.action)
        if not self.inside or tag not in ("input", "select", "textarea", "option", "button"):
            return
        if tag == "option" and self.select:
            self._field(self.select).values.append(attributes.get("value") or "")
            return
        name = attributes.get("name")
        if not name:
            return
        entry = self._field(name)
        if tag == "select":
            self.select = name
        kind = (attributes.get("type") or "").lower()
        if kind == "checkbox":
            entry.multiple = True
        if tag == "button" or kind in ("checkbox", "radio", "hidden", "submit"):
            if attributes.get("value") is not None:
                entry.values.append(attributes["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        if tag == "select":
            self.select = None


def form_fields(html: str, action: str) -> dict[str, FormField]:
    reader = _FormReader(action)
    reader.feed(html)
    return reader.fields
