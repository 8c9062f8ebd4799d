"""Guides in content/guides/ (registration channels, FAQ): the structure the pages rely on, checked at start-up.

content.py checks the texts (both languages, matching placeholders, known sources) as it does for
content/rules/; this module checks what the register and FAQ pages need: ids, steps, who an item
is for, which notice or figure an item borrows, and that a quote always names its source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from advisor.policy.errors import ContentError
from advisor.rules.types import Hukou

GUIDE_FILES = ("channels", "faq", "pathways")
# The guide pages of content/guides/pathways.yaml, and the statuses an item of theirs may show.
PATHWAY_GUIDES = ("stopping", "leaving", "resident")
ITEM_STATUSES = ("provisional", "missing")
# Pages a guide may point to with `see_also` (the web layer links them when they exist).
LINKED_PAGES = ("check", "calculate", "forecast", "register", "union", "stopping", "leaving", "resident", "faq")
HUKOU_VALUES = tuple(hukou.value for hukou in Hukou)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class _Checker:
    def __init__(self, stem: str, texts: Mapping[str, Any], parameters: Mapping[str, Any]) -> None:
        self.file = f"content/guides/{stem}.yaml"
        self.notices = texts.get("notices", {})
        self.parameters = parameters

    def fail(self, where: str, problem: str) -> None:
        raise ContentError(self.file, where, problem)

    def text(self, node: Mapping[str, Any], key: str, where: str, required: bool = True) -> None:
        value = node.get(key)
        if value is None and not required:
            return
        if not isinstance(value, dict) or set(value) != {"zh", "en"}:
            self.fail(f"{where}.{key}", "needs a text in 'zh' and 'en'")

    def entries(self, node: Mapping[str, Any], key: str, where: str = "") -> list:
        value = node.get(key)
        where = f"{where}.{key}" if where else key
        if not isinstance(value, list) or not value:
            self.fail(where, "needs at least one entry")
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                self.fail(f"{where}[{i}]", "must be a mapping")
        return value

    def ids(self, items: list, where: str) -> None:
        seen = set()
        for i, item in enumerate(items):
            item_id = item.get("id")
            if not isinstance(item_id, str) or not _ID.match(item_id):
                self.fail(f"{where}[{i}].id", "needs an id in lower_case_with_underscores")
            if item_id in seen:
                self.fail(f"{where}[{i}].id", f"{item_id!r} is used twice")
            seen.add(item_id)

    def audience(self, item: Mapping[str, Any], where: str) -> set[str]:
        """`for`: the hukou values an item applies to (everyone when absent)."""
        if "for" not in item:
            return set(HUKOU_VALUES)
        values = item["for"]
        if not isinstance(values, list) or not values or not set(values) <= set(HUKOU_VALUES):
            self.fail(f"{where}.for", f"must list hukou values from {', '.join(HUKOU_VALUES)}")
        return set(values)

    def cited(self, item: Mapping[str, Any], where: str) -> None:
        """A quote needs a source; an item borrowing a notice takes the notice's quote and source."""
        if "notice" in item:
            if item["notice"] not in self.notices:
                self.fail(f"{where}.notice", f"{item['notice']!r} is not in content/rules/notices.yaml")
            if "quote" in item or "source" in item:
                self.fail(f"{where}.notice", "takes its quote and source from the notice; remove 'quote' and 'source'")
            return
        if "source" not in item:
            self.fail(f"{where}.source", "is required (a key in content/sources.yaml)")
        self.text(item, "quote", where, required=False)
        self.text(item, "locator", where, required=False)

    def see_also(self, item: Mapping[str, Any], where: str) -> None:
        if "see_also" in item and item["see_also"] not in LINKED_PAGES:
            self.fail(f"{where}.see_also", f"must be one of {', '.join(LINKED_PAGES)}")

    def screen_text(self, step: Mapping[str, Any], where: str) -> None:
        """A step's text places the screen words with {screen} exactly when it has some."""
        self.text(step, "text", where)
        has_placeholder = "{screen}" in step["text"]["zh"]
        screen = step.get("screen")
        if has_placeholder != (screen is not None):
            self.fail(f"{where}.screen", "a text with {screen} needs 'screen' entries, and only such a text")
        if screen is None:
            return
        if not isinstance(screen, list) or not screen:
            self.fail(f"{where}.screen", "needs at least one entry")
        for i, label in enumerate(screen):
            if not isinstance(label, dict) or not _CJK.search(str(label.get("zh", ""))):
                self.fail(f"{where}.screen[{i}].zh", "must be the Chinese text printed on the screen")

    def step(self, step: Mapping[str, Any], where: str) -> None:
        if "variants" not in step:
            self.screen_text(step, where)
            self.text(step, "note", where, required=False)
            return
        covered: list[str] = []
        for i, variant in enumerate(self.entries(step, "variants", where)):
            if "for" not in variant:
                self.fail(f"{where}.variants[{i}].for", "is required for a variant")
            covered.extend(self.audience(variant, f"{where}.variants[{i}]"))
            self.screen_text(variant, f"{where}.variants[{i}]")
        if sorted(covered) != sorted(HUKOU_VALUES):
            self.fail(f"{where}.variants", "must cover every hukou value exactly once")

    def note(self, item: Mapping[str, Any], where: str) -> None:
        for key in ("title", "text"):
            self.text(item, key, where)
        self.audience(item, where)
        self.cited(item, where)
        self.see_also(item, where)

    def channels(self, raw: Mapping[str, Any]) -> None:
        channels = self.entries(raw, "channels")
        self.ids(channels, "channels")
        for i, channel in enumerate(channels):
            where = f"channels[{i}]"
            for key in ("name", "suits"):
                self.text(channel, key, where)
            self.cited(channel, where)
            for j, material in enumerate(self.entries(channel, "materials", where)):
                self.text(material, "text", f"{where}.materials[{j}]")
                self.audience(material, f"{where}.materials[{j}]")
            for j, step in enumerate(self.entries(channel, "steps", where)):
                self.step(step, f"{where}.steps[{j}]")
        self.suggestions(raw, channels)
        form = raw.get("online_form")
        if not isinstance(form, dict):
            self.fail("online_form", "is required")
        self.cited(form, "online_form")
        for i, group in enumerate(self.entries(form, "groups", "online_form")):
            where = f"online_form.groups[{i}]"
            self.text(group, "title", where)
            for j, field in enumerate(self.entries(group, "fields", where)):
                labels = field.get("labels")
                if not isinstance(labels, list) or not labels or not all(_CJK.search(str(x)) for x in labels):
                    self.fail(f"{where}.fields[{j}].labels", "must list the Chinese labels printed on the form")
                self.text(field, "explain", f"{where}.fields[{j}]")
                self.see_also(field, f"{where}.fields[{j}]")
        for section in ("pitfalls", "after_registration", "leaving_shenzhen", "other_services"):
            items = self.entries(raw, section)
            self.ids(items, section)
            for i, item in enumerate(items):
                self.note(item, f"{section}[{i}]")

    def suggestions(self, raw: Mapping[str, Any], channels: list) -> None:
        """What the register page asks people to have (`have`), what each channel `needs`, the order in
        which it suggests them, and the things looked for and not found that a channel points to."""
        have = self.entries(raw, "have")
        self.ids(have, "have")
        for i, item in enumerate(have):
            self.text(item, "label", f"have[{i}]")
        have_ids = {item["id"] for item in have}
        channel_ids = [channel["id"] for channel in channels]
        if sorted(raw.get("suggest_order") or []) != sorted(channel_ids):
            self.fail("suggest_order", "must list every channel id once")
        not_found = self.entries(raw, "not_found")
        self.ids(not_found, "not_found")
        for i, item in enumerate(not_found):
            if item.get("status") != "missing":
                self.fail(f"not_found[{i}].status", "must be 'missing' (looked for and not found)")
            for key in ("searched", "text"):
                self.text(item, key, f"not_found[{i}]")
        missing_ids = {item["id"] for item in not_found}
        for i, channel in enumerate(channels):
            named = set(channel.get("needs", ())).union(*channel.get("needs_by_hukou", {}).values())
            unknown = named - have_ids
            if unknown:
                self.fail(f"channels[{i}].needs", f"names {', '.join(sorted(unknown))}, not in 'have'")
            if "not_found" in channel and channel["not_found"] not in missing_ids:
                self.fail(f"channels[{i}].not_found", f"{channel['not_found']!r} is not in 'not_found'")
            if not set(channel.get("suggest_for", HUKOU_VALUES)) <= set(HUKOU_VALUES):
                self.fail(f"channels[{i}].suggest_for", f"must name hukou values ({', '.join(HUKOU_VALUES)})")

    def status(self, item: Mapping[str, Any], where: str) -> None:
        if "status" in item and item["status"] not in ITEM_STATUSES:
            self.fail(f"{where}.status", f"must be one of {', '.join(ITEM_STATUSES)}")

    def figures(self, item: Mapping[str, Any], where: str) -> None:
        for j, parameter_id in enumerate(item.get("figures", [])):
            if parameter_id not in self.parameters:
                self.fail(f"{where}.figures[{j}]", f"{parameter_id!r} is not a parameter in content/parameters/")

    def pathways(self, raw: Mapping[str, Any]) -> None:
        guides = raw.get("guides")
        if not isinstance(guides, dict) or sorted(guides) != sorted(PATHWAY_GUIDES):
            self.fail("guides", f"needs exactly the guides {', '.join(PATHWAY_GUIDES)}")
        for name, guide in guides.items():
            where = f"guides.{name}"
            for key in ("title", "summary", "lead"):
                self.text(guide, key, where)
            sections = self.entries(guide, "sections", where)
            self.ids(sections, f"{where}.sections")
            for i, section in enumerate(sections):
                here = f"{where}.sections[{i}]"
                self.text(section, "title", here)
                notes = self.entries(section, "notes", here)
                self.ids(notes, f"{here}.notes")
                for j, item in enumerate(notes):
                    self.note(item, f"{here}.notes[{j}]")
                    self.status(item, f"{here}.notes[{j}]")
            if "comparison" in guide:
                self.comparison(guide["comparison"], f"{where}.comparison")

    def comparison(self, table: Mapping[str, Any], where: str) -> None:
        columns = table.get("columns")
        if not isinstance(columns, dict) or not columns:
            self.fail(f"{where}.columns", "needs the columns' names")
        for column in columns:
            self.text(columns, column, f"{where}.columns")
        rows = self.entries(table, "rows", where)
        self.ids(rows, f"{where}.rows")
        for i, row in enumerate(rows):
            here = f"{where}.rows[{i}]"
            self.text(row, "label", here)
            for column in columns:
                cell = row.get(column)
                if not isinstance(cell, dict):
                    self.fail(f"{here}.{column}", "needs a cell")
                self.text(cell, "text", f"{here}.{column}")
                self.cited(cell, f"{here}.{column}")
                self.see_also(cell, f"{here}.{column}")
                self.status(cell, f"{here}.{column}")
                self.figures(cell, f"{here}.{column}")

    def faq(self, raw: Mapping[str, Any]) -> None:
        questions = self.entries(raw, "questions")
        self.ids(questions, "questions")
        for i, question in enumerate(questions):
            where = f"questions[{i}]"
            for key in ("question", "answer"):
                self.text(question, key, where)
            # A quote where a verbatim text was found (the seed's questions all have one); always a source.
            self.cited(question, where)
            self.see_also(question, where)
            for j, parameter_id in enumerate(question.get("figures", [])):
                if parameter_id not in self.parameters:
                    self.fail(f"{where}.figures[{j}]", f"{parameter_id!r} is not a parameter in content/parameters/")
        myths = self.entries(raw, "myths")
        self.ids(myths, "myths")
        for i, myth in enumerate(myths):
            where = f"myths[{i}]"
            for key in ("myth", "fact", "quote"):
                self.text(myth, key, where)
            self.cited(myth, where)
            self.see_also(myth, where)


def check_guides(texts: Mapping[str, Any], parameters: Mapping[str, Any]) -> None:
    """Raise ContentError naming the file and field when a guide lacks what its page shows."""
    _Checker("channels", texts, parameters).channels(texts["channels"])
    _Checker("faq", texts, parameters).faq(texts["faq"])
    _Checker("pathways", texts, parameters).pathways(texts["pathways"])
