"""The membership drive's progress table (seed 002, annex 2): staff type the counts, the page works out
completion rates and totals and gives a CSV file. Nothing is stored: the counts travel in the POST body
and come back in the page or the file, never kept on the server.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask import Response, current_app, make_response, request
from flask_babel import format_decimal
from wtforms import StringField
from wtforms.validators import ValidationError

from advisor.answers.outreach import ENTERED_COLUMNS, Progress, count_problems, membership_progress
from advisor.clock import today
from advisor.i18n import gettext, localized
from advisor.i18n import lazy_gettext as _l
from advisor.web.blueprint import bp
from advisor.web.choices import content
from advisor.web.fields import PlainForm
from advisor.web.figures import citation
from advisor.web.rendering import render_page_or_fragment

MAX_DIGITS = 9  # up to 999,999,999: far above any province's count, and no overflow in a spreadsheet
_WHOLE = re.compile(r"\d+")


class CountField(StringField):
    count: int | None = None


class WholeCount:
    """A count as staff type it ("1,200", "１２００", " 120 ") into field.count, or a message naming the cell."""

    def __call__(self, form, field) -> None:
        text = unicodedata.normalize("NFKC", field.data or "").strip().replace(",", "").replace(" ", "")
        cell = field.label.text
        if not text:
            raise ValidationError(gettext("%(cell)s: enter a number (0 if there are none).", cell=cell))
        if text.startswith("-"):
            raise ValidationError(gettext("%(cell)s: the number cannot be negative.", cell=cell))
        if not _WHOLE.fullmatch(text):
            raise ValidationError(gettext("%(cell)s: enter a whole number using digits only, for example 120.",
                                          cell=cell))
        if len(text.lstrip("0")) > MAX_DIGITS:
            raise ValidationError(gettext("%(cell)s: the number is too large.", cell=cell))
        field.count = int(text)


def field_name(group_id: str, column: str) -> str:
    return f"{group_id}_{column}"


def drive() -> Mapping[str, Any]:
    return content().texts["membership_drive"]


def column_name(column: str) -> str:
    return localized(drive()["columns"][column])


def build_form() -> PlainForm:
    """One text field per group and entered column, labelled "货车司机 摸底人数" for screen readers."""
    fields = {}
    for group in drive()["groups"]:
        for column in ENTERED_COLUMNS:
            label = f"{localized(group['name'])} {column_name(column)}"
            fields[field_name(group["id"], column)] = CountField(label, [WholeCount()])
    form_class = type("MembershipForm", (PlainForm,), fields)
    return form_class(request.form if request.method == "POST" else None)


PROBLEM_MESSAGES = {
    "joined_over_surveyed": _l("%(group)s: %(joined_name)s (%(joined)s) cannot be more than %(surveyed_name)s "
                               "(%(surveyed)s). Those who joined are among the workers the survey found."),
    "entered_over_joined": _l("%(group)s: %(entered_name)s (%(entered)s) cannot be more than %(joined_name)s "
                              "(%(joined)s). Only members who joined can be entered in 粤工惠."),
}


def read_counts(form: PlainForm) -> dict[str, dict[str, int]] | None:
    """The counts by group, or None after putting each problem next to its cell.

    Counts that contradict each other are reported even when another cell has a typing mistake,
    so staff see every problem at once.
    """
    valid = form.validate()
    names = {f"{column}_name": column_name(column) for column in ENTERED_COLUMNS}
    counts = {}
    for group in drive()["groups"]:
        fields = {column: form[field_name(group["id"], column)] for column in ENTERED_COLUMNS}
        if any(field.errors for field in fields.values()):
            continue
        values = {column: field.count for column, field in fields.items()}
        for column, kind in count_problems(values).items():
            fields[column].errors = [PROBLEM_MESSAGES[kind] % {"group": localized(group["name"]), **names, **values}]
            valid = False
        counts[group["id"]] = values
    return counts if valid else None


@dataclass(frozen=True)
class RowView:
    name: str
    counts: Mapping[str, int]
    rate: str  # "75.0%", or "—" when the target is 0

    @property
    def shown(self) -> dict[str, str]:
        """Counts as the page shows them (1,500); the CSV file keeps plain numbers."""
        return {column: format_decimal(count, format="#,##0") for column, count in self.counts.items()}


def rate_text(rate: Decimal | None) -> str:
    if rate is None:
        return "—"
    return format_decimal(rate * 100, format="#,##0.0") + "%"


def progress_view(progress: Progress) -> dict:
    names = {group["id"]: localized(group["name"]) for group in drive()["groups"]}
    rows = [RowView(names[row.group], row.counts, rate_text(row.rate)) for row in progress.rows]
    total = RowView(localized(drive()["total"]), progress.total.counts, rate_text(progress.total.rate))
    return {"rows": rows, "total": total, "no_rate": any(r.rate is None for r in [*progress.rows, progress.total])}


def csv_response(progress: dict) -> Response:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly; columns as in annex 2."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = ("surveyed", "target", "joined", "rate", "entered")
    writer.writerow([localized(drive()["group_heading"]), *(column_name(c) for c in columns)])
    for row in [*progress["rows"], progress["total"]]:
        writer.writerow([row.name, *(row.rate if c == "rate" else row.counts[c] for c in columns)])
    response = make_response(("\ufeff" + buffer.getvalue()).encode("utf-8"))
    response.mimetype = "text/csv"
    response.charset = "utf-8"
    name = f"membership-drive-progress-{today(current_app.config).isoformat()}.csv"
    response.headers.set("Content-Disposition", "attachment", filename=name)
    return response


def table_texts() -> dict:
    source = drive()
    text = citation(source["source"])
    url = text.url if text else None
    return {
        "title": localized(source["title"]),
        "locator": localized(source["locator"]),
        "citation": text,
        "url": url,
        "group_heading": localized(source["group_heading"]),
        "columns": {column: localized(name) for column, name in source["columns"].items()},
        "groups": [(group["id"], localized(group["name"])) for group in source["groups"]],
        "notes": [localized(note["quote"]) for note in source["notes"]],
        "yuegonghui_quote": localized(source["yuegonghui_quote"]),
    }


@bp.route("/outreach/membership", methods=["GET", "POST"])
def membership():
    form = build_form()
    progress = None
    if request.method == "POST":
        counts = read_counts(form)
        if counts is not None:
            progress = progress_view(membership_progress(counts))
            if request.form.get("export") == "csv":
                return csv_response(progress)
    return render_page_or_fragment(
        "outreach/membership.html", "outreach/_membership_result.html",
        form=form, progress=progress, table=table_texts(), field_name=field_name,
        entered_columns=ENTERED_COLUMNS, submitted=request.method == "POST",
    )
