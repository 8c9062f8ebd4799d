"""`flask policy check` and `flask policy show`."""

import re
import shutil
from pathlib import Path

import pytest

from advisor import create_app
from tests.web.pages import text_of


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


# The yearly update (issue 25): `flask policy due`, `flask policy check` on a wrong edit, the "figures updated" line.

CONTENT = Path(__file__).resolve().parents[1] / "content"
KEEP_PERIODS = ("pension/base_floor.yaml", "medical/base_floor.yaml")


def planted(tmp_path: Path) -> Path:
    """A copy of content/ whose only figures published for a period are the pension floor (2025-07-01 to
    2026-06-30, so carried forward on 2026-12-07) and the medical floor (2026, ending 2026-12-31, in 24 days)."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    for path in (copy / "parameters").rglob("*.yaml"):
        if str(path.relative_to(copy / "parameters")) not in KEEP_PERIODS:
            path.write_text(re.sub(r",?\s*until: \d{4}-\d{2}-\d{2}", "", path.read_text(encoding="utf-8")),
                            encoding="utf-8")
    return copy


def app_on(copy: Path, today: str):
    return create_app({"TESTING": True, "CONTENT_DIR": str(copy), "ADVISOR_TODAY": today})


def edit(copy: Path, relative: str, old: str, new: str) -> None:
    path = copy / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_policy_due_lists_the_carried_forward_and_the_ending_figure_with_what_to_do(tmp_path):
    result = app_on(planted(tmp_path), "2026-12-07").test_cli_runner().invoke(args=["policy", "due"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("2 figure(s) due on 2026-12-07:")
    assert out.index("pension.base_floor:") < out.index("medical.base_floor:")  # the older gap first
    assert ("pension.base_floor: CARRIED FORWARD since 2026-07-01 (its period ended 2026-06-30; the site shows it "
            "as provisional)") in out
    assert "  last value: 4775 from 2025-07-01 [confirmed], source gd-hrss-2025-32" in out
    assert "  missing:    the value from 2026-07-01" in out
    assert "  published by: 广东省人力资源和社会保障厅、广东省财政厅、国家税务总局广东省税务局" in out
    assert "  search for: 关于公布2026年职工基本养老保险缴费基数上下限和基本养老金计发基数有关问题的通知" in out
    assert ("  used by:    /calculate, /forecast, /check, /outreach/handout, POST /api/v1/contribution, "
            "POST /api/v1/forecast, POST /api/v1/eligibility") in out
    assert "  edit:       content/parameters/pension/base_floor.yaml (add a 2026-07-01 entry)" in out
    assert "medical.base_floor: ENDS 2026-12-31 (in 24 days)" in out
    assert "  published by: 深圳市医疗保障局 (Shenzhen Healthcare Security Administration)" in out
    assert "  search for: 深圳市医疗保障局 温馨提示 2027年 职工医保缴费基数上下限" in out
    assert "pension.base_ceiling" not in out and "calculation_base" not in out


def test_policy_due_on_another_day_and_when_nothing_is_due(tmp_path):
    app = app_on(planted(tmp_path), "2026-12-07")
    early = app.test_cli_runner().invoke(args=["policy", "due", "--on", "2026-05-01"]).output
    assert early == "1 figure(s) due on 2026-05-01:\n" + early.split("\n", 1)[1]  # the pension floor ends in 60 days
    assert "pension.base_floor: ENDS 2026-06-30 (in 60 days)" in early and "medical" not in early
    assert "Nothing due on 2026-02-01" in app.test_cli_runner().invoke(
        args=["policy", "due", "--on", "2026-02-01"]).output
    assert app.test_cli_runner().invoke(args=["policy", "due", "--on", "soon"]).exit_code == 2


def test_the_real_content_today_is_due_for_the_july_update(app):
    out = app.test_cli_runner().invoke(args=["policy", "due", "--on", "2026-12-07"]).output
    for parameter_id in ("pension.base_floor", "pension.base_ceiling", "pension.average_wage",
                         "unemployment.base_ceiling", "medical.base_floor", "medical.base_ceiling"):
        assert f"\n{parameter_id}: " in out
    assert "not listed in content/upkeep.yaml" not in out  # every figure due says who publishes and what uses it


NEW_PERIOD = '''      en: The notice does not list Shenzhen separately, so Shenzhen falls under "other regions".
'''


@pytest.mark.parametrize(("relative", "old", "new", "refusal"), [
    # the new period begins before the last one ends
    ("parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + '''  2026-06-01:
    value: "5000"
    status: confirmed
    source: gd-hrss-2025-32
''', "content/parameters/pension/base_floor.yaml: values.2025-07-01.until: overlaps the next value"),
    # a source not in sources.yaml
    ("parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + '''  2026-07-01:
    value: "5000"
    status: confirmed
    source: gd-hrss-2026-99
''', "content/parameters/pension/base_floor.yaml: values.2026-07-01.source: 'gd-hrss-2026-99' is not in "
     "content/sources.yaml"),
    # a status that does not exist
    ("parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + '''  2026-07-01:
    value: "5000"
    status: published
    source: gd-hrss-2025-32
''', "content/parameters/pension/base_floor.yaml: values.2026-07-01.status: must be one of"),
    # recorded before it took effect
    ("parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + '''  2026-07-01:
    value: "5000"
    status: confirmed
    source: gd-hrss-2025-32
    recorded: 2026-06-01
''', "content/parameters/pension/base_floor.yaml: values.2026-07-01.recorded: must be a date on or after"),
    # an unquoted decimal (5000.50 would be read as a float)
    ("parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + '''  2026-07-01:
    value: 5000.50
    status: confirmed
    source: gd-hrss-2025-32
''', "content/parameters/pension/base_floor.yaml"),
    # the upkeep list names something that is not a page
    ("upkeep.yaml", "used_by: [/calculate, /forecast, /check,", "used_by: [calculator, /forecast, /check,",
     "content/upkeep.yaml: pension.base_floor.used_by[0]: must be a page path"),
    ("upkeep.yaml", "pension.base_floor:", "pension.base_flor:",
     "content/upkeep.yaml: pension.base_flor: is not a parameter"),
])
def test_policy_check_refuses_an_inconsistent_edit_naming_the_file_and_field(tmp_path, relative, old, new, refusal):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    edit(copy, relative, old, new)
    app = create_app({"TESTING": True})
    app.config["CONTENT_DIR"] = str(copy)
    result = app.test_cli_runner().invoke(args=["policy", "check"])
    assert result.exit_code == 1
    assert refusal in result.output


def test_a_correct_new_period_passes_the_check_and_is_no_longer_due(tmp_path):
    copy = planted(tmp_path)
    edit(copy, "parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + NEW_FLOOR)
    app = app_on(copy, "2026-12-10")
    app.config["CONTENT_DIR"] = str(copy)
    check = app.test_cli_runner().invoke(args=["policy", "check"])
    assert check.exit_code == 0 and check.output.startswith("content OK: "), check.output
    assert "pension.base_floor" not in app.test_cli_runner().invoke(args=["policy", "due"]).output


NEW_FLOOR = '''  2026-07-01:
    value: "5000"
    until: 2027-06-30
    status: confirmed
    source: gd-hrss-2025-32
    recorded: 2026-12-01
'''
UPDATE_EN = "Figures updated on this site: "


def test_the_figures_updated_line_shows_for_30_days_after_a_new_period_is_recorded(tmp_path):
    copy = planted(tmp_path)
    edit(copy, "parameters/pension/base_floor.yaml", NEW_PERIOD, NEW_PERIOD + NEW_FLOOR)
    line = ("Figures updated on this site: from 1 July 2026, Lowest monthly pension contribution base a Shenzhen "
            "flexible worker may choose ¥4,775.00 → ¥5,000.00.")
    zh_line = "本站数字更新：2026年7月1日起，深圳灵活就业人员养老保险月缴费基数下限 ¥4,775.00 → ¥5,000.00。"
    app = app_on(copy, "2026-11-30")
    client = app.test_client()
    for today, shown in (("2026-11-30", False), ("2026-12-01", True), ("2026-12-30", True), ("2026-12-31", False)):
        app.config["ADVISOR_TODAY"] = today  # the kept pages are one day's (advisor/web/page_cache.py)
        for page in ("/en/", "/en/outreach/handout"):
            assert (line in text_of(client.get(page).text)) is shown, (today, page)
        assert (zh_line in text_of(client.get("/zh/").text)) is shown, today


def test_the_figures_updated_line_on_the_real_content(app):
    # The 2026 medical figures took effect on 1 January 2026: the line shows until 30 January.
    for today, shown in (("2025-12-31", False), ("2026-01-15", True), ("2026-01-30", True), ("2026-01-31", False)):
        app.config["ADVISOR_TODAY"] = today  # the kept pages are one day's (advisor/web/page_cache.py)
        page = text_of(app.test_client().get("/en/").text)
        assert (UPDATE_EN in page) is shown, today
        if shown:
            assert ("Figures updated on this site: from 1 January 2026, Highest monthly medical contribution base "
                    "¥33,633.00, Lowest monthly medical contribution base ¥6,727.00, Flexible workers' employee "
                    "medical insurance rate, paid entirely by the worker 7% → 8%, Contribution base of Shenzhen "
                    "resident medical insurance ¥6,760.00.") in page
    assert UPDATE_EN not in text_of(app.test_client().get("/en/outreach/handout").text)  # 31 January: gone
