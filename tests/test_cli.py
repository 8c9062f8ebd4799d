"""`flask policy check` and `flask policy show`."""

import shutil
from pathlib import Path

from advisor import create_app


def test_policy_check_reports_the_content(app):
    result = app.test_cli_runner().invoke(args=["policy", "check"])
    assert result.exit_code == 0
    assert result.output.startswith("content OK: ")
    assert "conflicting" in result.output and "missing" in result.output


def test_policy_check_fails_with_the_file_and_field(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", copy)
    app = create_app({"TESTING": True})
    app.config["CONTENT_DIR"] = str(copy)
    rate = copy / "parameters" / "unemployment" / "rate.yaml"
    rate.write_text(rate.read_text(encoding="utf-8").replace("status: confirmed", "status: sure"), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["policy", "check"])
    assert result.exit_code == 1
    assert "content/parameters/unemployment/rate.yaml: values.2024-01-01.status: must be one of" in result.output


def test_policy_show_prints_every_figure_in_force_with_status_and_source(app):
    result = app.test_cli_runner().invoke(args=["policy", "show", "--on", "2026-03-01"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert ("medical.rate: 0.08 [confirmed] from 2026-01-01 — "
            "深圳市医疗保障局温馨提示（2026年职工医保缴费基数上下限及费率）") in lines
    assert any(line.startswith("pension.base_floor: 4775 [confirmed] from 2025-07-01 — 粤人社发〔2025〕32号")
               for line in lines)


def test_policy_show_marks_carried_forward_and_missing_figures(app):
    output = app.test_cli_runner().invoke(args=["policy", "show", "--on", "2025-03-01"]).output
    assert "medical.base_floor: NOT IN FORCE (missing)" in output
    later = app.test_cli_runner().invoke(args=["policy", "show", "--on", "2026-11-01"]).output
    assert "pension.base_ceiling: 27549 [provisional (carried forward past 2026-06-30)]" in later


def test_policy_show_rejects_a_bad_date(app):
    result = app.test_cli_runner().invoke(args=["policy", "show", "--on", "March"])
    assert result.exit_code == 2
    assert "use YYYY-MM-DD" in result.output
