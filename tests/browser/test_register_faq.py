"""怎么办理 and 常见问题 in a real browser, with JavaScript on and off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .site import LANGUAGES, REGISTER, SHENZHEN_TERMINAL_ENTRY, submit

pytestmark = pytest.mark.browser

FAQ = {
    "zh": {
        "questions": ["在深灵活就业人员是否需要自行向税务部门申报缴费基数？", "灵活就业养老保险缴费标准是什么？",
                      "灵活就业人员参保与企业职工参保，将来领取待遇不一样？"],
        "myths": "常见误区",
        "hukou_myth": "误区：只有深圳户籍的人才能以灵活就业人员身份参保。",
        "hukou_fact": "不管户籍在哪里，都可以参加养老保险和职工医保一档",
    },
    "en": {
        "questions": ["Do flexible workers in Shenzhen need to declare their contribution base to the tax authority "
                      "themselves?", "What are the pension contribution rules for flexible workers?",
                      "Will flexible workers get a different pension from company employees?"],
        "myths": "Myths and facts",
        "hukou_myth": "Myth: Only people with Shenzhen hukou can insure themselves as flexible workers.",
        "hukou_fact": "can join pension insurance and employee medical insurance tier 1 whatever their hukou",
    },
}


def terminal_steps(page: Page):
    return page.locator("#channel-terminal .steps > li")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_shenzhen_hukou_the_terminal_entry_for_non_shenzhen_hukou(any_page: Page, javascript: bool,
                                                                           lang: str):
    page, words = any_page, REGISTER[lang]
    page.goto(f"/{lang}/register")
    guide_heading = page.locator("#guide-heading")
    expect(guide_heading).to_have_text(words["every_hukou"])
    expect(terminal_steps(page).first).to_contain_text(SHENZHEN_TERMINAL_ENTRY)  # every version, each labelled

    page.get_by_role("group", name=words["hukou"]).get_by_label(words["outside_guangdong"], exact=True).check()
    if javascript:
        expect(guide_heading).to_have_text(words["yours"])  # updated in place as soon as the hukou is chosen
    else:
        expect(guide_heading).to_have_text(words["every_hukou"])
    submit(page, words["show"])

    expect(guide_heading).to_have_text(words["yours"])
    expect(terminal_steps(page).first).to_have_text(words["terminal_step"])
    expect(page.locator("#channel-terminal .steps")).not_to_contain_text(SHENZHEN_TERMINAL_ENTRY)
    expect(page.get_by_label(words["outside_guangdong"], exact=True)).to_be_checked()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_hukou_chosen_is_explained_and_the_general_guide_stays(any_page: Page, lang: str):
    page, words = any_page, REGISTER[lang]
    page.goto(f"/{lang}/register")
    submit(page, words["show"])

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(words["problem"])
    expect(summary.get_by_role("link")).to_have_text(words["choose_hukou"])
    expect(page.locator("#guide-heading")).to_have_text(words["every_hukou"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_three_questions_and_the_hukou_myth(any_page: Page, lang: str):
    page, words = any_page, FAQ[lang]
    page.goto(f"/{lang}/faq")
    for question in words["questions"]:
        expect(page.get_by_role("heading", name=question, exact=True)).to_be_visible()

    expect(page.get_by_role("heading", name=words["myths"], exact=True)).to_be_visible()
    myth = page.locator("details.myth").first
    expect(myth.get_by_role("heading")).to_have_text(words["hukou_myth"])
    expect(myth.get_by_text(words["hukou_fact"])).to_be_hidden()  # closed until tapped
    myth.locator("summary").click()
    expect(myth).to_contain_text(words["hukou_fact"])
    expect(myth.get_by_text(words["hukou_fact"])).to_be_in_viewport()
