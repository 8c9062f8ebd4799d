"""The floor: the cheapest ordinary way to produce the same bytes as a page of the site.

For each answer captured from the real app (bench/run.py writes them and names the folder in ADVISOR_FLOOR),
a bare Flask app serves the same bytes from a minimal Jinja template: the captured text, with every text
between two tags that holds a digit (amounts, dates, counts: what a page works out per request) put back
through a `{{ value }}` substitution, autoescaped, then gzipped exactly as the app does
(advisor/web/compression.py). It answers GET and POST alike and reads no form: the floor does none of the
site's work, only what any server-rendered page costs. At start-up each template is rendered once and
compared with the captured bytes; a difference stops the floor app.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from flask import Flask, Response
from markupsafe import Markup

from advisor.web.compression import compress_response

TEXT_WITH_DIGIT = re.compile(r">([^<>]*\d[^<>]*)<")

app = Flask(__name__)
app.after_request(compress_response)


def templatize(text: str) -> tuple[str, list]:
    """The captured text as a template (fixed parts raw) and the values of its substitutions."""
    parts, values, position = [], [], 0
    for match in TEXT_WITH_DIGIT.finditer(text):
        parts.append("{% raw %}" + text[position:match.start(1)] + "{% endraw %}")
        value = match.group(1)
        plain = html.unescape(value)
        # The value as a view would pass it (plain text, escaped by Jinja), unless Jinja's escaping would
        # write it differently from the page (&quot; and the like): then as markup, as it stands.
        values.append(plain if str(Markup.escape(plain)) == value else Markup(value))
        parts.append(f"{{{{ values[{len(values) - 1}] }}}}")
        position = match.end(1)
    parts.append("{% raw %}" + text[position:] + "{% endraw %}")
    return "".join(parts), values


def load(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for number, entry in enumerate(manifest):
        text = (folder / entry["file"]).read_bytes().decode("utf-8")
        source, values = templatize(text)
        template = app.jinja_env.from_string(source)
        if template.render(values=values) != text:
            raise SystemExit(f"floor template for {entry['file']} does not give the captured bytes")

        def view(template=template, values=values, mimetype=entry["mimetype"]):
            return Response(template.render(values=values), mimetype=mimetype)

        app.add_url_rule(f"/floor/{number}", f"floor{number}", view, methods=["GET", "POST"])


@app.get("/")
def hello():
    return "hello"


if os.environ.get("ADVISOR_FLOOR"):
    load(Path(os.environ["ADVISOR_FLOOR"]))
