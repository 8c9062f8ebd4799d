"""Every parameter the code names is required at start-up, and a missing one stops the app."""

import ast
import re
import shutil
from pathlib import Path

import pytest

from advisor.policy import ContentError, load_content
from advisor.policy.required import REQUIRED_PARAMETERS

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {p.name for p in (ROOT / "content" / "parameters").iterdir() if p.is_dir()}
PARAMETER_ID = re.compile(rf"^({'|'.join(sorted(FOLDERS))})\.[a-z_]+$")


def parameter_ids_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "advisor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and PARAMETER_ID.match(node.value):
                found.add(node.value)
    return found


def test_every_parameter_named_in_the_code_is_required():
    named = parameter_ids_in_code()
    assert len(named) >= 20
    assert named - set(REQUIRED_PARAMETERS) == set()


def test_every_required_parameter_has_its_file(content):
    assert set(REQUIRED_PARAMETERS) <= set(content.parameters)


@pytest.mark.parametrize("parameter_id", ["pension.base_floor", "medical.rate", "forecast.wage_growth"])
def test_a_deleted_parameter_file_stops_start_up(tmp_path, parameter_id):
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    relative = f"parameters/{parameter_id.replace('.', '/')}.yaml"
    (copy / relative).unlink()
    with pytest.raises(ContentError, match=rf"content/{relative}: \(file\): file is missing"):
        load_content(copy)
