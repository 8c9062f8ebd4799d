"""常见问题: seed 000's three questions with the official answer quoted, and myths set right."""

import re

import pytest

from .pages import assert_own_files_only, assert_private, assert_shows, opened

# A provisional figure's badge says what it means.
MEANING = "Not yet read in an official text; ask 12333 or the platform before you rely on it."


def text_of(html: str) -> str:
    """The text with inline markup joined without a space, as the seed's wording is quoted."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#39;", "'")


def section(html: str, section_id: str) -> str:
    begin = html.index(f'id="{section_id}"')
    return text_of(html[begin:html.index("</section>", begin)])


def test_the_three_questions_in_chinese_with_the_seed_wording(client):
    html = opened(client, "/zh/faq")
    assert_shows(html,
                 "<title>常见问题 – 深圳灵活就业参保助手</title>",
                 '<h3 id="declare_base_to_tax-heading">在深灵活就业人员是否需要自行向税务部门申报缴费基数？</h3>',
                 '<h3 id="pension_contribution_standard-heading">灵活就业养老保险缴费标准是什么？</h3>',
                 '<h3 id="same_pension_as_employees-heading">灵活就业人员参保与企业职工参保，将来领取待遇不一样？</h3>')
    assert_shows(section(html, "declare_base_to_tax"),
                 "不需要。登记参保时，社保机构会把您的缴费基数和银行账号推送给税务部门。",
                 "原文： “灵活就业人员办理参保登记，缴费基数和银行账号由社会保险经办机构代为采集并推送税务部门",
                 "依据：《在深灵活就业人员参保讲解》常见问题1")


def test_faq_2_shows_the_figures_as_the_seed_states_them(client):
    zh = section(client.get("/zh/faq").text, "pension_contribution_standard")
    assert "②缴费比例：缴费比例为20%，其中12%记入统筹基金，8%记入个人账户。深户还需缴纳1%的地方补充养老保险。" in zh
    assert "上年度广东省全口径城镇单位就业人员月平均工资300%范围内自行选择" in zh
    en = section(client.get("/en/faq").text, "pension_contribution_standard")
    assert ("Each month you pay 20% of the base: 12% goes to the pooled fund and 8% to your personal account. "
            "People with Shenzhen hukou also pay 1% for the local supplementary pension.") in en
    assert "the rate is 20%, of which 12% is credited to the pooled fund and 8% to the personal account" in en


def test_faq_2_shows_todays_rates_with_their_status_and_links_to_the_calculator(client):
    html = client.get("/en/faq").text
    answer = section(html, "pension_contribution_standard")
    assert "The rates in force on 22 November 2026:" in answer
    assert "Flexible workers' basic pension contribution rate: 20% Confirmed" in answer
    assert "Share of the pension contribution paid into the pooled fund: 12% Confirmed" in answer
    assert ("Local supplementary pension rate for people with Shenzhen hukou: 1% Unverified "
            + MEANING + " Whether this continues "
            "under 粤人社规〔2026〕14号 (in force from 1 May 2026) has not been checked.") in answer
    assert '<a href="/en/calculate">Work out what you would pay now</a>' in html
    # Current amounts come from the calculator, never from this page.
    assert "¥" not in html and "4,775" not in html and "27,549" not in html


def test_faq_3_says_the_pension_is_calculated_the_same_way(client):
    assert_shows(section(client.get("/en/faq").text, "same_pension_as_employees"),
                 "No, it is the same. The pension is worked out the same way", "the benefit level is not reduced.")


@pytest.mark.parametrize("lang, myth, fact", [
    ("zh", "误区： 只有深圳户籍的人才能以灵活就业人员身份参保。", "事实： 不对。在深圳灵活就业的人，不管户籍在哪里"),
    ("en", "Myth: Only people with Shenzhen hukou can insure as flexible workers.",
     "Fact: Wrong. Flexible workers in Shenzhen can join pension insurance"),
])
def test_myths_are_set_right_with_the_official_words(client, lang, myth, fact):
    html = client.get(f"/{lang}/faq").text
    hukou = section(html, "shenzhen_hukou_only")
    assert myth in hukou and fact in hukou
    assert "不限户籍" in hukou or "whatever their hukou" in hukou
    for myth_id in ("lower_pension", "declare_base_myself", "unemployment_for_everyone", "insurance_is_compulsory"):
        assert f'id="{myth_id}"' in html


def test_unemployment_myth_names_the_two_groups(client):
    zh = section(client.get("/zh/faq").text, "unemployment_for_everyone")
    assert "所有灵活就业人员都能参加失业保险。" in zh
    assert "包括以下两类人群：无雇工的个体工商户；依托电子商务、网络约车、网络送餐、快递物流等新业态平台实现就业" in zh


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_structure_is_accessible(client, lang):
    html = client.get(f"/{lang}/faq").text
    main = html[html.index('<main id="main"'):html.index("</main>")]
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", main)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert '<nav class="contents no-print" aria-labelledby="contents-heading">' in main
    assert '<a href="#pension_contribution_standard">' in main and '<a href="#myths">' in main


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_cookie_and_nothing_from_another_host(client, lang):
    response = client.get(f"/{lang}/faq")
    assert_private(response)
    assert_own_files_only(response.text)


def test_the_menu_links_both_new_pages(client):
    html = client.get("/en/faq").text
    assert '<a href="/en/faq" aria-current="page">Questions</a>' in html
    assert '<a href="/en/register">Where do I register?</a>' in html
