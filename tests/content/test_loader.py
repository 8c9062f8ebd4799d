"""The loader refuses broken content with the file and field named; lookups never fall back silently."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from advisor import create_app
from advisor.policy import ContentError, FigureMissing, NotInForce, load_content
from advisor.policy.yaml_loader import StrictLoader
from tests.conftest import assert_refused, edit

CONTENT = Path(__file__).resolve().parents[2] / "content"




@pytest.mark.parametrize("relative, old, new, field, problem", [
    ("parameters/pension/total_rate.yaml", 'value: "0.20"', "value: 0.20", "(yaml)", "unquoted decimal"),
    ("parameters/pension/base_ceiling.yaml", "  2023-07-01:", "  2022-07-01:", "(yaml)", "duplicate key"),
    ("parameters/pension/base_floor.yaml", "source: gd-hrss-2025-32", "source: nowhere", "values.2025-07-01.source",
     "not in content/sources.yaml"),
    ("parameters/medical/rate.yaml", "status: confirmed", "status: probably", "values.2023-10-01.status",
     "must be one of"),
    ("parameters/medical/rate.yaml", "  2024-01-01:", "  2023-01-01:", "values.2023-01-01", "dates must increase"),
    ("parameters/pension/base_floor.yaml", 'value: "4775"', "value: null", "values.2025-07-01.value", "needs a value"),
    ("parameters/pension/base_floor.yaml", "  2025-07-01:", "  July 2025:", "values.July 2025", "must be dates"),
    ("rules/eligibility.yaml", "en: Not studying full-time at a school.", "fr: Pas étudiant.",
     "not_full_time_student.quote", "needs both"),
    ("rules/eligibility.yaml", "将于{reach_date}年满", "将于{reached}年满", "minimum_age.not_met", "placeholders"),
    ("sources.yaml", "  issuer: 国务院\n", "", "gov-2005-38.issuer", "is required"),
])
def test_a_broken_file_is_refused_with_its_name_and_field(broken, relative, old, new, field, problem):
    assert_refused(broken, relative, old, new, field, problem)


@pytest.mark.parametrize("text, problem", [
    ("a: 1\nb:\n  c: 0.20\n", r"unquoted decimal '0.20'.*line 3, column 6"),
    ("a: 1\nb: 2\na: 3\n", r"duplicate key 'a'.*line 3, column 1"),
])
def test_the_strict_loader_names_the_line_with_libyaml_or_without(text, problem):
    for loader in {StrictLoader, strict_python_loader()}:
        with pytest.raises(yaml.YAMLError, match=re.compile(problem, re.S)):
            yaml.load(text, Loader=loader)  # noqa: S506 - both derive from a safe loader


def strict_python_loader():
    """StrictLoader's refusals on PyYAML's pure-Python parser (what StrictLoader is without libyaml)."""
    class Python(yaml.SafeLoader):
        pass
    for tag, constructor in StrictLoader.yaml_constructors.items():
        if tag in (yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, "tag:yaml.org,2002:float"):
            Python.add_constructor(tag, constructor)
    return Python


def test_content_is_parsed_by_libyaml_when_pyyaml_has_it():
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML is built without libyaml here: content is parsed by the pure-Python SafeLoader")
    assert issubclass(StrictLoader, yaml.CSafeLoader)


def test_a_missing_file_is_refused(broken):
    (broken / "rules" / "notices.yaml").unlink()
    with pytest.raises(ContentError, match=r"content/rules/notices.yaml: \(file\): file is missing"):
        load_content(broken)


def test_the_app_does_not_start_with_broken_content(broken):
    edit(broken, "parameters/medical/rate.yaml", 'value: "0.07"', "value: 0.07")
    with pytest.raises(ContentError, match="content/parameters/medical/rate.yaml"):
        create_app({"CONTENT_DIR": str(broken)})


def test_figures_are_decimals_from_their_effective_date(content):
    assert content.figure("pension.base_floor", date(2025, 7, 1)).value == Decimal("4775")
    assert content.figure("pension.base_floor", date(2025, 6, 30)).value == Decimal("4492")
    assert content.figure("medical.rate", date(2025, 6, 1)).value == Decimal("0.07")
    assert content.figure("medical.rate", date(2026, 1, 1)).value == Decimal("0.08")


def test_a_date_before_the_first_figure_is_not_in_force(content):
    with pytest.raises(NotInForce) as error:
        content.figure("pension.base_floor", date(2022, 6, 30))
    assert error.value.reason == "before_first"


def test_a_period_whose_figure_was_not_found_says_so(content):
    with pytest.raises(FigureMissing) as error:
        content.figure("medical.base_floor", date(2025, 3, 1))
    assert "2025" in error.value.note["en"]
    assert error.value.candidates == (Decimal("6733"),)


def test_after_the_last_published_period_the_figure_stays_in_force_as_provisional(content):
    figure = content.figure("pension.base_ceiling", date(2026, 7, 1))
    assert figure.value == Decimal("27549")
    assert figure.status == "provisional" and figure.carried_forward
    in_period = content.figure("pension.base_ceiling", date(2026, 6, 30))
    assert in_period.status == "confirmed" and not in_period.carried_forward


def test_the_conflicting_shenzhen_floor_keeps_its_candidates(content):
    figure = content.figure("pension.base_floor", date(2024, 9, 1))
    assert figure.status == "conflicting"
    # 4,492 now has three sources (the platform announcement first), 3,523 still one: both are shown.
    assert [(c.value, c.source) for c in figure.candidates] == [
        (Decimal("4492"), "meituan-2025-sz"), (Decimal("4492"), "calc-sz-bendibao"),
        (Decimal("4492"), "calc-jiabin-xu"), (Decimal("3523"), "calc-data-gd-wages")]
    assert content.figure("pension.base_floor", date(2023, 9, 1)).status == "conflicting"


def test_the_unemployment_floor_is_the_minimum_wage(content):
    for day, wage in ((date(2025, 3, 1), "2520"), (date(2026, 8, 31), "2520"), (date(2026, 9, 1), "2700")):
        assert content.figure("unemployment.base_floor", day).value == Decimal(wage)


@pytest.mark.parametrize("relative", ["sources.yaml", "meta.yaml", "rules/eligibility.yaml"])
def test_the_app_does_not_start_without_a_required_file(broken, relative):
    (broken / relative).unlink()
    with pytest.raises(ContentError) as error:
        create_app({"CONTENT_DIR": str(broken)})
    assert str(error.value) == f"content/{relative}: (file): file is missing"


def test_the_app_does_not_start_with_a_broken_source_and_names_the_field(broken):
    edit(broken, "sources.yaml", "  issuer: 国务院\n", "")
    with pytest.raises(ContentError, match=r"^content/sources.yaml: gov-2005-38.issuer: is required$"):
        create_app({"CONTENT_DIR": str(broken)})
