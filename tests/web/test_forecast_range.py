"""Issue 16: the forecast page shows the basic pension as a range while the index denominator is open,
and the range collapses (no range line) once content/ settles it. Without and with htmx."""

import pytest

from advisor import create_app

from ..conftest import TODAY, edit
from .pages import HTMX, text_of
from .test_forecast import EXAMPLE_A, EXAMPLE_A_API, api, page, table_rows

RANGE_EN = ("In today's money the basic pension is between about ¥2,345 and about ¥2,579 a month: it depends on "
            "which average wage your contribution index is measured against, which no official text we found "
            "settles. The figures above use the Guangdong average (see the assumptions for why).")
RANGE_ZH = ("按今天的钱算，基础养老金每月在约2,345元到约2,579元之间：取决于您的缴费指数按哪个平均工资计算，"
            "我们没有找到官方文件说明。上面的数字按广东省平均工资计算（原因见估算的假设）。")


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_the_result_states_the_range_beside_the_headline_basic_pension(client, headers):
    # Worked example A: 9183 is index 1.0000 against Guangdong, 0.8191 against Shenzhen's 11,211:
    # 11293 × 1.8191 / 2 × 274/1200 = 2345.34 up to 11293 × 2 / 2 × 274/1200 = 2578.57 (the headline); no wage
    # growth, so today's money is 2039's; 13 years ahead, to the yuan (issue 23: the same money as the headline).
    text = text_of(page(client, EXAMPLE_A, headers=headers).text)
    assert "Basic pension (money of 2039) ¥2,578.57" in text
    assert RANGE_EN in text
    assert ("Divided by the Shenzhen average (¥11,211.00), your index is lower, so until this is settled your "
            "basic pension is shown as a range: ¥2,345.34 to ¥2,578.57 a month (this estimate: ¥2,578.57).") in text


def test_the_range_reads_in_chinese_with_the_same_figures_as_the_api(client):
    body = api(client, EXAMPLE_A_API, lang="zh")
    assert body["estimate"]["basic_pension_range"] == {"low": "2345.34", "high": "2578.57"}
    assert RANGE_ZH in text_of(page(client, EXAMPLE_A, lang="zh").text)


@pytest.fixture
def settled(broken):
    """content/ as it will be once a source settles the denominator on the Guangdong average."""
    edit(broken, "parameters/forecast/index_denominator.yaml", "    status: provisional\n    source: derived\n",
         "    status: confirmed\n    source: gd-hrss-2025-32\n")
    edit(broken, "parameters/forecast/index_denominator.yaml",
         "    candidates:\n      - {value: guangdong_average_wage, source: derived}\n"
         "      - {value: shenzhen_average_wage, source: calc-liubigfatty-pension}\n", "")
    return create_app({"TESTING": True, "ADVISOR_TODAY": TODAY, "CONTENT_DIR": str(broken)}).test_client()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
def test_once_settled_the_range_collapses_and_the_page_shows_no_range(settled, headers):
    body = api(settled, EXAMPLE_A_API)
    assert body["estimate"]["basic_pension"] == "2578.57"
    assert body["estimate"]["basic_pension_range"] == {"low": "2578.57", "high": "2578.57"}
    assert all(row["basic_pension_range"]["low"] == row["basic_pension_range"]["high"] == row["basic_pension"]
               for row in body["comparison"])
    assumption = {a["code"]: a for a in body["assumptions"]}["index_denominator"]
    assert assumption["status"] == "provisional"  # an estimate's method is never better than provisional
    assert assumption["message"] == ("Your contribution index is your base divided by the Guangdong average "
                                     "monthly wage (¥9,183.00 in force now).")
    html = page(settled, EXAMPLE_A, headers=headers).text
    assert "the basic pension is between" not in text_of(html)
    assert table_rows(html)[0][1:4] == ["about ¥3,161", "¥955.00", "about ¥3,161"]  # no range line
    assert "pension.shenzhen_average_wage" not in {f["id"] for f in body["figures"]}
