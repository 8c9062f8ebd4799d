"""`flask policy check` and `flask policy show --on YYYY-MM-DD`."""

from __future__ import annotations

from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from advisor.policy import ContentError, NotInForce, load_content
from advisor.serving.startup import InstallationError, check_app

policy_cli = AppGroup("policy", help="Check and show the policy figures in content/.")


@policy_cli.command("check")
def check() -> None:
    """Validate every file in content/, the catalogues, templates and static files (as the app does at start-up)."""
    try:
        content = load_content(current_app.config["CONTENT_DIR"])
        check_app(current_app, cached=False)
    except (ContentError, InstallationError) as exc:
        raise click.ClickException(str(exc)) from None
    statuses: dict[str, int] = {}
    for parameter in content.parameters.values():
        for entry in parameter.entries:
            statuses[entry.status] = statuses.get(entry.status, 0) + 1
    summary = ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
    click.echo(f"content OK: {len(content.parameters)} parameters, {len(content.sources)} sources ({summary})")


def _value(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


@policy_cli.command("show")
@click.option("--on", "on", required=True, help="The day, YYYY-MM-DD.")
def show(on: str) -> None:
    """Print every figure in force on a day, with its status and source."""
    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD", param_hint="--on") from None
    content = current_app.extensions["advisor.content"]
    for parameter_id in sorted(content.parameters):
        try:
            figure = content.figure(parameter_id, day)
        except NotInForce as exc:
            why = exc.note.get("en", "") if exc.note else ""
            click.echo(f"{parameter_id}: NOT IN FORCE ({exc.reason}) {why}".rstrip())
            continue
        source = content.sources.get(figure.source, {})
        cited = " ".join(str(part) for part in (source.get("number"), source.get("title")) if part)
        extra = " (carried forward past " + figure.until.isoformat() + ")" if figure.carried_forward else ""
        click.echo(f"{parameter_id}: {_value(figure.value)} [{figure.status}{extra}] "
                   f"from {figure.effective.isoformat()} — {cited}")
