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


CHECK = {
    "zh": {
        "birth_date": "您的出生日期", "year": "年", "month": "月", "day": "日",
        "sex": "您的性别", "man": "男",
        "hukou": "您的户籍（户口）在哪里？", "shenzhen": "深圳",
        "work": "您做的是哪类工作？", "platform": "平台从业人员",
        "platform_qualified": "您是否取得了平台认可的服务资格，并且实际在接单？",
        "student": "您是全日制在校学生吗？", "employer": "您现在是否已经通过用人单位（公司）参加社保？",
        "yes": "是", "no": "否", "see_result": "查看结果", "continue": "继续",
        "change_birth_date": "修改 出生日期",
        "schemes": ["企业职工基本养老保险", "职工基本医疗保险一档", "失业保险"],
        "can_join": "可以参加", "cannot_join": "现在不能参加",
        "all_three": "您可以参加养老保险、医疗保险和失业保险。",
        "over_18": "您已年满18周岁（截至2026年11月22日为30周岁）。",
        "under_18": "参加养老保险须年满18周岁。截至2026年11月22日，您17周岁，将于2027年3月15日年满18周岁。",
        "problem": "有问题需要修改", "no_birth_date": "请填写您的出生日期",
    },
    "en": {
        "birth_date": "What is your date of birth?", "year": "Year", "month": "Month", "day": "Day",
        "sex": "Are you a man or a woman?", "man": "Man",
        "hukou": "Where is your hukou (household registration)?", "shenzhen": "Shenzhen",
        "work": "What kind of work do you do?", "platform": "Platform worker",
        "platform_qualified": ("Does the platform recognise your service qualification, "
                               "and do you actually take orders?"),
        "student": "Are you a full-time student?", "employer": "Are you already insured through an employer?",
        "yes": "Yes", "no": "No", "see_result": "See my result", "continue": "Continue",
        "change_birth_date": "Change Date of birth",
        "schemes": ["Basic pension insurance", "Employee medical insurance (tier 1)", "Unemployment insurance"],
        "can_join": "Yes, you can join", "cannot_join": "No, you cannot join now",
        "all_three": "You can join pension, medical insurance, and unemployment insurance.",
        "over_18": "You are at least 18 (you are 30 on 22 November 2026).",
        "under_18": ("You must be at least 18 to join pension. On 22 November 2026 you are 17; "
                     "you turn 18 on 15 March 2027."),
        "problem": "There is a problem", "no_birth_date": "Enter your date of birth",
    },
}


def question(page: Page, legend: str):
    """A question's fieldset, found by its legend as a screen reader announces it."""
    return page.get_by_role("group", name=legend, exact=True)


def answer_check_questions(page: Page, lang: str, born: tuple[str, str, str]) -> None:
    """A Shenzhen-hukou platform rider who takes orders, not a student, not insured by an employer."""
    words = CHECK[lang]
    birth = question(page, words["birth_date"])
    for part, value in zip(("year", "month", "day"), born, strict=True):
        birth.get_by_label(words[part], exact=True).fill(value)
    question(page, words["sex"]).get_by_label(words["man"], exact=True).check()
    question(page, words["hukou"]).get_by_label(words["shenzhen"], exact=True).check()
    question(page, words["work"]).get_by_label(words["platform"]).check()
    question(page, words["platform_qualified"]).get_by_label(words["yes"], exact=True).check()
    question(page, words["student"]).get_by_label(words["no"], exact=True).check()
    question(page, words["employer"]).get_by_label(words["no"], exact=True).check()


def check_empty(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/check")


def check_error(page: Page, lang: str) -> None:
    check_empty(page, lang)
    submit(page, CHECK[lang]["see_result"])


def check_result(page: Page, lang: str) -> None:
    check_empty(page, lang)
    answer_check_questions(page, lang, ("1996", "3", "15"))
    submit(page, CHECK[lang]["see_result"])


# 将来能领多少: reached through the form's field names; its journeys are the forecast page's own tests.
FORECAST_BUTTON = {"zh": "估算我的养老金", "en": "Estimate my pension"}
FORECAST_EXAMPLE = {  # tests/web/test_forecast.py's worked example A
    "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15",
    "paid_years": "10", "paid_months": "0", "balance": "50000", "wage_growth": "0", "interest": "0",
}


def forecast_empty(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/forecast")


def forecast_error(page: Page, lang: str) -> None:
    forecast_empty(page, lang)
    submit(page, FORECAST_BUTTON[lang])


def forecast_result(page: Page, lang: str) -> None:
    forecast_empty(page, lang)
    page.locator(".assumptions-box > summary").click()  # the rates sit behind "change the assumptions"
    for name, value in FORECAST_EXAMPLE.items():
        page.locator(f'[name="{name}"]').fill(value)
    page.locator('[name="sex"][value="male"]').check()
    page.locator('[name="base"][value="avg100"]').check()
    submit(page, FORECAST_BUTTON[lang])


REGISTER = {
    "zh": {
        "hukou": "您的户籍", "outside_guangdong": "广东省外", "show": "显示适合我的办理方法",
        "every_hukou": "办理方法（适用于所有户籍）", "yours": "办理方法（您的户籍：广东省外）",
        "terminal_step": "在终端机上选择“非深户灵活就业人员参保登记”。",
        "problem": "有问题需要修改", "choose_hukou": "请选择您的户籍所在地。",
    },
    "en": {
        "hukou": "Your hukou (household registration)", "outside_guangdong": "Outside Guangdong",
        "show": "Show the steps for my hukou",
        "every_hukou": "How to register (every hukou)", "yours": "How to register (your hukou: Outside Guangdong)",
        "terminal_step": ("On the terminal, choose “非深户灵活就业人员参保登记” "
                          "(flexible worker enrolment without Shenzhen hukou)."),
        "problem": "There is a problem", "choose_hukou": "Choose where your hukou is.",
    },
}
SHENZHEN_TERMINAL_ENTRY = "灵活就业人员新参保（深户）"  # the terminal menu item for Shenzhen hukou only


def register_empty(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/register")


def register_error(page: Page, lang: str) -> None:
    register_empty(page, lang)
    submit(page, REGISTER[lang]["show"])


def register_result(page: Page, lang: str) -> None:
    register_empty(page, lang)
    page.get_by_label(REGISTER[lang]["outside_guangdong"], exact=True).check()
    submit(page, REGISTER[lang]["show"])


def faq(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/faq")


def home(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/")


PAGE_STATES: dict[str, Callable[[Page, str], None]] = {
    "home": home,
    "calculate-empty": calculate_empty,
    "calculate-error": calculate_error,
    "calculate-result": calculate_result,
    "check-empty": check_empty,
    "check-error": check_error,
    "check-result": check_result,
    "forecast-empty": forecast_empty,
    "forecast-error": forecast_error,
    "forecast-result": forecast_result,
    "register-empty": register_empty,
    "register-error": register_error,
    "register-result": register_result,
    "faq": faq,
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
