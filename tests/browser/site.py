"""What the browser tests need to know about the site: the words a user sees in each language,
how to bring each page into its empty, error and result state, and the measurements (axe, touch
targets) shared by the accessibility and layout tests."""

from __future__ import annotations

from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

LANGUAGES = ("zh", "en")

CALCULATOR = {
    "zh": {
        "wage": "申报的月工资（元）",
        "shenzhen": "深圳",
        "other_province": "广东省外",
        "elsewhere_guangdong": "广东省其他城市",
        "unemployment": "失业保险",
        "month": "哪个月",
        "this_month": "2026年11月",
        "calculate": "计算",
        "lowest_base": "最低缴费基数",
        "per_month": "每月",
        "per_year": "每年",
        "error_prefix": "错误：",
        "problem": "有问题需要修改",
        "not_a_number": "请用数字输入金额（元），例如 8000 或 8000.50。",
        "skip_link": "跳到主要内容",
        "other_language": "English",
    },
    "en": {
        "wage": "Monthly wage you declare (yuan)",
        "shenzhen": "Shenzhen",
        "other_province": "Outside Guangdong",
        "elsewhere_guangdong": "Elsewhere in Guangdong",
        "unemployment": "Unemployment insurance",
        "month": "Which month",
        "this_month": "November 2026",
        "calculate": "Calculate",
        "lowest_base": "The lowest base",
        "per_month": "Per month",
        "per_year": "Per year",
        "error_prefix": "Error:",
        "problem": "There is a problem",
        "not_a_number": "Enter the amount in yuan using digits only, for example 8000 or 8000.50.",
        "skip_link": "Skip to main content",
        "other_language": "中文",
    },
}


def submit(page: Page, name: str) -> None:
    """Click a submit button and wait for the new page, stylesheet included."""
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def fill_calculator(page: Page, lang: str, wage: str) -> None:
    """8,000 yuan, Shenzhen hukou, pension + medical + unemployment, this month (2026-11)."""
    words = CALCULATOR[lang]
    page.get_by_label(words["wage"]).fill(wage)
    page.get_by_label(words["shenzhen"], exact=True).check()
    page.get_by_label(words["unemployment"], exact=True).check()
    page.get_by_label(words["month"]).select_option("2026-11")


# Each page state: how a user gets there. Every page that exists is listed, in each state it has.
def calculate_empty(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/calculate")


def calculate_error(page: Page, lang: str) -> None:
    calculate_empty(page, lang)
    fill_calculator(page, lang, "abc")
    submit(page, CALCULATOR[lang]["calculate"])


def calculate_result(page: Page, lang: str) -> None:
    calculate_empty(page, lang)
    fill_calculator(page, lang, "8,000")
    submit(page, CALCULATOR[lang]["calculate"])


def home(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/")


PAGE_STATES: dict[str, Callable[[Page, str], None]] = {
    "home": home,
    "calculate-empty": calculate_empty,
    "calculate-error": calculate_error,
    "calculate-result": calculate_result,
}

AXE = Axe()


def axe_violations(page: Page) -> list[str]:
    """Each axe-core violation as "rule-id (impact): selector → what is wrong", for the failure message."""
    found = []
    for violation in AXE.run(page).response["violations"]:
        for node in violation["nodes"]:
            found.append(f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])} → "
                         f"{node.get('failureSummary', '').strip()}")
    return found


# Radios and checkboxes are measured by their labels, which take the tap for them.
TOUCH_TARGETS = ", ".join([
    "button", ".site-nav a", ".site-name", "a.language-switch", "select", "summary",
    "input:not([type=hidden], [type=radio], [type=checkbox])", ".radio__label", ".checkbox__label",
])
MEASURE = """selector => [...document.querySelectorAll(selector)]
  .filter(element => element.getClientRects().length > 0)
  .map(element => {
    const box = element.getBoundingClientRect();
    const text = (element.innerText || element.value || element.id || element.tagName).trim().replace(/\\s+/g, " ");
    return {text: text.slice(0, 40), tag: element.tagName.toLowerCase(), height: box.height, width: box.width};
  })"""
MIN_TARGET = 44  # CSS px, for fingers on a phone and a kiosk screen


def small_touch_targets(page: Page) -> list[str]:
    return [f"{t['tag']} “{t['text']}”: {t['width']:.0f}×{t['height']:.0f}"
            for t in page.evaluate(MEASURE, TOUCH_TARGETS) if t["height"] < MIN_TARGET]
