"""Start-up refuses a missing or broken catalogue, template or static file, in one line naming the file.

In-process: create_app on a copy of the site with one file broken. As an operator sees it: `flask
policy check` (run first by `make run` and `make serve`) and `python -m advisor.serving.serve` in a copy of the
project, which must print one line and exit with status 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import advisor
from advisor import create_app
from advisor.serving.startup import InstallationError

ROOT = Path(__file__).resolve().parents[1]
MO = "advisor/translations/zh/LC_MESSAGES/messages.mo"
PO = "advisor/translations/zh/LC_MESSAGES/messages.po"


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:200])


def garbage(path: Path) -> None:
    path.write_bytes(b"\x00 this is not a catalogue \xff" * 40)


def untranslate_one(path: Path) -> None:
    """A catalogue compiled from a .po with one message left untranslated (an outdated .mo looks the same)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(ROOT / PO, "rb") as handle:
        catalogue = read_po(handle)
    first = next(message for message in catalogue if message.id)
    first.string = ""
    with open(path, "wb") as handle:
        write_mo(handle, catalogue)


BREAKAGES = [
    (MO, Path.unlink, "missing"),
    (MO, truncate, "not a readable compiled catalogue"),
    (MO, garbage, "not a readable compiled catalogue"),
    (MO, untranslate_one, "1 of"),
    ("templates/error.html", Path.unlink, "missing"),
    ("templates/macros/forms.html", Path.unlink, "missing"),
    ("templates/base.html", lambda path: path.write_text("{% block x %}", encoding="utf-8"), "line 1:"),
    ("static/css/site.css", Path.unlink, "missing"),
    ("static/vendor/htmx-2.0.11.min.js", Path.unlink, "missing"),
]


def copy_site(target: Path, with_code: bool = False) -> Path:
    for folder in ("templates", "static", "content", "advisor/translations", *(("advisor",) if with_code else ())):
        shutil.copytree(ROOT / folder, target / folder, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    if with_code:
        shutil.copy(ROOT / "wsgi.py", target / "wsgi.py")
        shutil.copytree(ROOT / "deploy", target / "deploy")
    return target


@pytest.mark.parametrize("relative, breakage, problem", BREAKAGES, ids=[f"{r}-{p}" for r, _, p in BREAKAGES])
def test_the_app_does_not_start_without_what_pages_need(tmp_path, monkeypatch, relative, breakage, problem):
    site = copy_site(tmp_path)
    breakage(site / relative)
    monkeypatch.setattr(advisor, "ROOT", site)
    with pytest.raises(InstallationError) as refusal:
        create_app({"TESTING": True, "CONTENT_DIR": str(site / "content"),
                    "BABEL_TRANSLATION_DIRECTORIES": str(site / "advisor/translations")})
    assert refusal.value.file == relative and problem in refusal.value.problem


def test_an_intact_copy_starts(tmp_path, monkeypatch):
    site = copy_site(tmp_path)
    monkeypatch.setattr(advisor, "ROOT", site)
    app = create_app({"TESTING": True, "BABEL_TRANSLATION_DIRECTORIES": str(site / "advisor/translations")})
    assert app.test_client().get("/zh/").status_code == 200


def run(site: Path, *command: str, **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FLASK_APP": "wsgi", "PYTHONDONTWRITEBYTECODE": "1", **environment}
    return subprocess.run([*command], cwd=site, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("relative, breakage, problem", [BREAKAGES[2], BREAKAGES[4], BREAKAGES[7]],
                         ids=["garbage-mo", "no-error-page", "no-stylesheet"])
def test_policy_check_refuses_in_one_line(tmp_path, relative, breakage, problem):
    site = copy_site(tmp_path, with_code=True)
    breakage(site / relative)
    result = run(site, str(Path(sys.executable).with_name("flask")), "policy", "check")
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert relative in lines[0] and problem in lines[0] and "Traceback" not in lines[0]


def test_serve_refuses_in_one_line_before_starting_anything(tmp_path):
    site = copy_site(tmp_path, with_code=True)
    (site / MO).unlink()
    result = run(site, sys.executable, "-m", "advisor.serving.serve", ADVISOR_PORT="1")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"advisor serve: refusing to start: {MO}: missing"


def test_broken_content_is_one_line_too(tmp_path):
    site = copy_site(tmp_path, with_code=True)
    rate = site / "content/parameters/unemployment/rate.yaml"
    rate.write_text(rate.read_text(encoding="utf-8").replace("status: confirmed", "status: sure"), encoding="utf-8")
    result = run(site, str(Path(sys.executable).with_name("flask")), "policy", "check")
    assert result.returncode == 1
    [line] = (result.stdout + result.stderr).strip().splitlines()
    assert line.startswith("advisor: refusing to start: content/parameters/unemployment/rate.yaml: "
                           "values.2024-01-01.status: must be one of")


def test_an_error_page_that_fails_after_start_up_still_answers_with_the_headers(app, client, monkeypatch):
    import advisor.web.errors as errors

    def broken(*args, **kwargs):
        raise RuntimeError("template gone: 8765.43")
    monkeypatch.setattr(errors, "render_template", broken)
    response = client.get("/zh/nowhere")
    assert response.status_code == 404 and "404" in response.text
    assert response.headers["Content-Security-Policy"] and response.headers["X-Frame-Options"] == "DENY"
