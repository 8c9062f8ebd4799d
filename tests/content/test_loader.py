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
from tests.conftest import assert_refused, edit, load_cases

CONTENT = Path(__file__).resolve().parents[2] / "content"

BROKEN = load_cases("broken_content")  # one edit each, to parameters, rules, sources, guides and schemes


@pytest.mark.parametrize("case", BROKEN, ids=[f"{case['file']}:{case['field']}" for case in BROKEN])
def test_a_broken_file_is_refused_with_its_name_and_field(broken, case):
    assert_refused(broken, case["file"], case["old"], case["new"], case["field"], case["problem"])


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


@pytest.mark.parametrize("relative", ["rules/notices.yaml", "guides/faq.yaml", "schemes/gd_mutual_aid.yaml"])
def test_a_missing_file_is_refused(broken, relative):
    (broken / relative).unlink()
    with pytest.raises(ContentError, match=rf"content/{re.escape(relative)}: \(file\): file is missing"):
        load_content(broken)


@pytest.mark.parametrize("relative, old, new, error", [
    ("parameters/medical/rate.yaml", 'value: "0.07"', "value: 0.07", "content/parameters/medical/rate.yaml"),
    ("guides/channels.yaml", "notice: stop_when_leaving_shenzhen", "notice: leaving",
     r"content/guides/channels.yaml: leaving_shenzhen\[0\].notice"),
    ("sources.yaml", "  issuer: 国务院\n", "", r"^content/sources.yaml: gov-2005-38.issuer: is required$"),
])
def test_the_app_does_not_start_with_broken_content_and_says_where(broken, relative, old, new, error):
    edit(broken, relative, old, new)
    with pytest.raises(ContentError, match=error):
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
