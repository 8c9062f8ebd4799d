"""The pinned requirements: exact pins, and known vulnerabilities checked with pip-audit whenever the package index
can be reached."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==[^\s=]+$")
UNREACHABLE = ("ConnectionError", "Max retries exceeded", "Name or service not known", "Temporary failure in name")


def requirement_lines(path: Path) -> list[str]:
    lines = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("-r ")]


@pytest.mark.parametrize("path", REQUIREMENTS, ids=lambda path: path.name)
def test_every_requirement_is_pinned_to_one_version(path):
    """pip-audit's --no-deps audit (and a reproducible install) needs exact pins."""
    lines = requirement_lines(path)
    assert lines and [line for line in lines if not PIN.match(line)] == []


@pytest.mark.slow  # pip-audit asks the package index about every pin
def test_the_pinned_requirements_have_no_known_vulnerabilities(capsys):
    command = [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip", "--progress-spinner", "off",
               "--format", "json", "--timeout", "30"]
    for path in REQUIREMENTS:
        command += ["-r", str(path)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    if run.returncode != 0 and any(sign in run.stderr for sign in UNREACHABLE):
        pytest.skip(f"pip-audit skipped: the package index cannot be reached ({run.stderr.strip().splitlines()[-1]})")
    report = json.loads(run.stdout)
    dependencies = report["dependencies"]
    vulnerable = {d["name"]: [v["id"] for v in d["vulns"]] for d in dependencies if d.get("vulns")}
    assert vulnerable == {}, f"upgrade these pins: {vulnerable}"
    assert run.returncode == 0, run.stderr
    unaudited = [d["name"] for d in dependencies if d.get("skip_reason")]
    if len(unaudited) == len(dependencies):
        # An audit that could look nothing up has cleared nothing: say so instead of passing.
        pytest.skip(f"pip-audit could not audit any of the {len(dependencies)} pinned packages: the package index "
                    "served no per-release vulnerability data")
    missing = f"no vulnerability data served for: {', '.join(unaudited)}" if unaudited else "all looked up"
    with capsys.disabled():
        print(f"\npip-audit: 0 known vulnerabilities; {len(dependencies) - len(unaudited)} of {len(dependencies)} "
              f"pinned packages audited ({missing})")
