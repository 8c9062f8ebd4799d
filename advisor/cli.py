"""`flask policy check`, `flask policy show --on YYYY-MM-DD` and `flask policy due` (the yearly update,
docs/yearly-update.md)."""

from __future__ import annotations

from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from advisor.clock import today
from advisor.policy import ContentError, NotInForce, load_content
from advisor.policy.upkeep import DUE_WITHIN_DAYS, due
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


def _day(text: str | None, option: str) -> date:
    if not text:
        return today(current_app.config)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD", param_hint=option) from None


@policy_cli.command("due")
@click.option("--on", "on", default=None, help="The day to check from, YYYY-MM-DD (default: today, or ADVISOR_TODAY).")
@click.option("--days", default=DUE_WITHIN_DAYS, show_default=True,
              help="Also list periods ending within this many days.")
def due_command(on: str | None, days: int) -> None:
    """List every figure carried forward past its period or whose period ends soon: what is missing, who publishes
    it, what to search for, and which pages and API answers use it."""
    day = _day(on, "--on")
    content = current_app.extensions["advisor.content"]
    found = due(content, day, days)
    if not found:
        click.echo(f"Nothing due on {day.isoformat()}: no figure is carried forward, none ends within {days} days.")
        return
    click.echo(f"{len(found)} figure(s) due on {day.isoformat()}:")
    for item in found:
        last = item.last
        names = " = ".join(item.parameter_ids)
        if item.state == "carried_forward":
            state = (f"CARRIED FORWARD since {item.missing_from.isoformat()} (its period ended "
                     f"{last.until.isoformat()}; the site shows it as provisional)")
        else:
            state = f"ENDS {last.until.isoformat()} (in {(last.until - day).days} days)"
        click.echo(f"\n{names}: {state}")
        click.echo(f"  figure:     {item.description['en']} / {item.description['zh']}")
        click.echo(f"  last value: {_value(last.value)} from {last.effective.isoformat()} [{last.status}], "
                   f"source {last.source}")
        click.echo(f"  missing:    the value from {item.missing_from.isoformat()}")
        if item.publisher:
            click.echo(f"  published by: {item.publisher['zh']} ({item.publisher['en']})")
        else:
            source = content.sources.get(last.source or "", {})
            click.echo(f"  published by: {source.get('issuer', 'unknown')} (the last source's issuer; add the "
                       f"figure to content/upkeep.yaml)")
        for words in item.search:
            click.echo(f"  search for: {words}")
        click.echo(f"  used by:    {', '.join(item.used_by) if item.used_by else 'not listed in content/upkeep.yaml'}")
        click.echo(f"  edit:       {item.file} (add a {item.missing_from.isoformat()} entry), then "
                   f"flask policy check")
