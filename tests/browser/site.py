"""What the browser tests need to know about the site: the words a user sees in each language,
how to bring each page into its empty, error and result state (PAGE_STATES: every page, in each state
it has), and the measurements (axe, touch targets) shared by the accessibility and layout tests."""

from __future__ import annotations

from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from advisor.web.handoff import encode

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
        "calculate": "计算", "lines": "每项保险的明细",
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
        "calculate": "Calculate", "lines": "Each insurance, line by line",
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


def calculate(page: Page, lang: str, wage: str) -> None:
    """Open the calculator, fill it in as fill_calculator does with this wage, and press Calculate."""
    page.goto(f"/{lang}/calculate")
    fill_calculator(page, lang, wage)
    submit(page, CALCULATOR[lang]["calculate"])


# Each page state: how a user gets there.
State = Callable[[Page, str], None]  # brings a page into the state, in a language


def visit(path: str) -> State:
    return lambda page, lang: page.goto(f"/{lang}{path}")


def form_states(name: str, path: str, button: dict[str, str], answer: State,
                wrong: State | None = None) -> dict[str, State]:
    """A form page's three states: just opened; sent with `wrong` answers (or none at all), which the page
    explains as errors; and sent with `answer`'s answers, which shows the result."""
    def error(page: Page, lang: str) -> None:
        page.goto(f"/{lang}{path}")
        if wrong is not None:
            wrong(page, lang)
        submit(page, button[lang])

    def result(page: Page, lang: str) -> None:
        page.goto(f"/{lang}{path}")
        answer(page, lang)
        submit(page, button[lang])

    return {f"{name}-empty": visit(path), f"{name}-error": error, f"{name}-result": result}


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


def assert_key_figures_whole(page: Page) -> None:
    """Every amount beside the answer shows whole on the 360-px screen: none cut by its box or the screen's edge
    (English "¥18,490.92" was, three boxes to a row)."""
    cut = page.evaluate("""() => [...document.querySelectorAll('.key-figures__item')].filter(item => {
        const text = document.createRange();  // the amount's own text, not its block (the text overflows that)
        text.selectNodeContents(item.querySelector('dd'));
        const box = item.getBoundingClientRect(), amount = text.getBoundingClientRect();
        return amount.right > box.right + 0.5 || box.right > innerWidth || amount.left < box.left;
    }).map(item => item.textContent.trim())""")
    assert cut == [], f"amounts cut on {page.url}: {cut}"


def unfold(page: Page, holder: str) -> None:
    """Without JavaScript an optional question few people need is folded under a line saying whom it is for
    (check/_questions.html): open it, as the person it is for would. With JavaScript it shows, open, once it
    applies, and there is nothing to open."""
    fold = page.locator(holder)
    if fold.evaluate("e => e.tagName === 'DETAILS' && !e.open"):
        fold.locator(":scope > summary").click()


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


# 将来能领多少: reached through the form's field names; its journeys are the forecast page's own tests.
FORECAST_BUTTON = {"zh": "估算我的养老金", "en": "Estimate my pension"}
FORECAST_EXAMPLE = {  # tests/web/test_forecast.py's worked example A
    "birth_date-year": "1976", "birth_date-month": "9", "birth_date-day": "15",
    "paid_years": "10", "paid_months": "0", "balance": "50000", "wage_growth": "0", "interest": "0",
}


def fill_forecast_example(page: Page, lang: str) -> None:
    page.locator(".assumptions-box > summary").click()  # the rates sit behind "change the assumptions"
    for name, value in FORECAST_EXAMPLE.items():
        page.locator(f'[name="{name}"]').fill(value)
    page.locator('[name="sex"][value="male"]').check()
    page.locator('[name="base"][value="avg100"]').check()


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


# 工会保障 (tests/browser/test_union.py)
UNION = {
    "zh": {"accident": "第{n}次意外：个人自付金额（元）", "work_out": "计算补偿", "add": "再加一次意外",
           "yes": "是", "no": "否", "unknown": "不知道", "check": "查看结果", "met": "五个条件都符合",
           "not_met": "有条件不符合", "unclear": "还不能确定", "problem": "有问题需要修改",
           "agency": "您是劳务派遣人员（由派遣公司派到用工单位工作）。", "show_route": "看看我可以在哪里入会",
           "agency_route": "可以在劳务派遣单位加入工会，也可以在用工单位加入工会。"},
    "en": {"accident": "Accident {n}: what you paid yourself (yuan)", "work_out": "Work out the payout",
           "add": "Add another accident", "yes": "Yes", "no": "No", "unknown": "I don't know", "check": "Check",
           "met": "All five conditions met", "not_met": "Not every condition is met", "unclear": "Not clear yet",
           "problem": "There is a problem",
           "agency": "You are an agency worker (placed with a user company by a labour-dispatch agency).",
           "show_route": "Show where I can join",
           "agency_route": "Join the union at the dispatch agency or at the company you are placed with."},
}
E_ROAD_CONDITIONS = ("member", "occupation", "three_months_in_work", "working_month_before", "incident_in_shenzhen")


def amount_box(page: Page, lang: str, number: int):
    return page.get_by_label(UNION[lang]["accident"].format(n=number), exact=True)


def answer_conditions(page: Page, answers: dict[str, str]) -> None:
    for condition, answer in answers.items():
        page.locator(f"input[name={condition}][value={answer}]").check()


def fill_amounts(*amounts: str) -> State:
    def fill(page: Page, lang: str) -> None:
        for number, amount in enumerate(amounts, start=1):
            amount_box(page, lang, number).fill(amount)
    return fill


# The other paths (issue 11, tests/browser/test_pathways.py): 延缴 past the statutory age, unemployment's own wage.
# A man born 1965-01-15 (statutory age reached 2025-02) with 120 months paid, pension drawn in Shenzhen.
PAST_AGE_CHECK = {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15",
                  "contributed_months": "120"}
PAST_AGE_CHOICES = {"sex": "male", "hukou": "shenzhen", "work": "platform", "platform_qualified": "yes",
                    "full_time_student": "no", "employer_insured": "no", "pension_place": "shenzhen"}


def fill_check_past_the_age(page: Page, lang: str) -> None:
    """In the page's order: the questions about paying on appear (with JavaScript) once the birth date
    and sex bring them up."""
    page.goto(f"/{lang}/check")
    for name, value in PAST_AGE_CHECK.items():
        if name != "contributed_months":
            page.locator(f'input[name="{name}"]').fill(value)
    for name, value in PAST_AGE_CHOICES.items():
        if name != "pension_place":
            page.locator(f'input[name="{name}"][value="{value}"]').check()
    unfold(page, "[data-asked-when=near-retirement]")
    page.locator('input[name="contributed_months"]').fill(PAST_AGE_CHECK["contributed_months"])
    page.locator(f'input[name="pension_place"][value="{PAST_AGE_CHOICES["pension_place"]}"]').check()


def check_past_the_age(page: Page, lang: str) -> None:
    fill_check_past_the_age(page, lang)
    submit(page, CHECK[lang]["see_result"])


def forecast_past_the_age(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/forecast")
    page.locator(".assumptions-box > summary").click()  # the rates sit behind "change the assumptions"
    for name, value in {"birth_date-year": "1965", "birth_date-month": "1", "birth_date-day": "15",
                        "paid_years": "10", "paid_months": "0", "wage_growth": "0", "interest": "0"}.items():
        page.locator(f'input[name="{name}"]').fill(value)
    page.locator('input[name="sex"][value="male"]').check()
    page.locator('input[name="base"][value="floor"]').check()
    submit(page, FORECAST_BUTTON[lang])


def calculate_unemployment(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/calculate")
    page.locator('input[name="wage"]').fill("8000")
    page.locator('input[name="unemployment_wage"]').fill("60000")
    page.locator('input[name="hukou"][value="guangdong"]').check()
    page.locator('input[name="insurances"][value="unemployment"]').check()
    page.get_by_role("button", name=CALCULATOR[lang]["calculate"], exact=True).last.click()
    page.wait_for_load_state("load")


def per_language(words: dict[str, dict[str, str]], key: str) -> dict[str, str]:
    return {lang: words[lang][key] for lang in LANGUAGES}


# A rider's answers from every page of the journey (issue 23), as a saved plan's link carries them.
PLAN_ANSWERS = [
    ("birth_date-year", "1996"), ("birth_date-month", "3"), ("birth_date-day", "15"), ("sex", "male"),
    ("hukou", "guangdong"), ("residence_permit", "yes"), ("work", "platform"), ("platform_qualified", "yes"),
    ("full_time_student", "no"), ("employer_insured", "no"), ("base", "floor"), ("wage", "4775"),
    ("insurances", "pension"), ("insurances", "medical"), ("month", "2026-11"), ("platform_subsidy", "meituan"),
    ("paid_years", "0"), ("have", "wechat"),
]


def open_saved_plan(page: Page, lang: str) -> None:
    """The plan, opened from its saved link (handoff.js sends the answers after "#" as a POST)."""
    page.goto(f"/{lang}/plan#" + encode(PLAN_ANSWERS))
    page.wait_for_selector("#plan-cost")


PAGE_STATES: dict[str, State] = {
    "home": visit("/"),
    "calculate-empty": visit("/calculate"),
    "calculate-error": lambda page, lang: calculate(page, lang, "abc"),
    "calculate-result": lambda page, lang: calculate(page, lang, "8,000"),
    **form_states("check", "/check", per_language(CHECK, "see_result"),
                  answer=lambda page, lang: answer_check_questions(page, lang, ("1996", "3", "15"))),
    **form_states("forecast", "/forecast", FORECAST_BUTTON, answer=fill_forecast_example),
    **form_states("register", "/register", per_language(REGISTER, "show"),
                  answer=lambda page, lang: page.get_by_label(REGISTER[lang]["outside_guangdong"], exact=True).check()),
    "faq": visit("/faq"),
    "union": visit("/union"),
    **form_states("e-road", "/union/e-road", per_language(UNION, "check"),
                  answer=lambda page, lang: answer_conditions(
                      page, {**{c: "yes" for c in E_ROAD_CONDITIONS}, "occupation": "unknown"}),
                  wrong=lambda page, lang: answer_conditions(page, {"member": "yes"})),
    **form_states("join", "/union/join", per_language(UNION, "show_route"),
                  answer=lambda page, lang: page.get_by_label(UNION[lang]["agency"], exact=True).check()),
    **form_states("accident-aid", "/union/accident-aid", per_language(UNION, "work_out"),
                  answer=fill_amounts("12000", "12000", "350"), wrong=fill_amounts("abc")),
    "other-regions": visit("/union/other-regions"),
    "stopping": visit("/stopping"),
    "leaving": visit("/leaving"),
    "resident": visit("/resident-schemes"),
    "sources": visit("/sources"),
    "check-extension": check_past_the_age,
    "forecast-extension": forecast_past_the_age,
    "calculate-unemployment-wage": calculate_unemployment,
    "plan-empty": visit("/plan"),
    "plan-result": lambda page, lang: open_saved_plan(page, lang),
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


# The focus frame of the element the page focused (a result the address names), and how far inside it the text
# sits: None when no frame shows. Each side's smallest distance between the frame (the element's border box) and
# the box of an element holding text.
FRAME_INSETS = """() => {
  const frame = document.activeElement;
  if (!frame || frame === document.body || !frame.matches(':focus-visible')) { return null; }
  const box = frame.getBoundingClientRect();
  const insets = {left: Infinity, right: Infinity, top: Infinity, bottom: Infinity, texts: 0};
  for (const element of frame.querySelectorAll('*')) {
    const holdsText = [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    if (!holdsText || element.getClientRects().length === 0) { continue; }
    // Inside a closed <details> (below a result's first screen) text is not drawn, whatever boxes it reports.
    const closed = element.closest('details:not([open])');
    if (closed && !element.closest('summary')) { continue; }
    const text = element.getBoundingClientRect();
    insets.texts += 1;
    insets.left = Math.min(insets.left, text.left - box.left);
    insets.right = Math.min(insets.right, box.right - text.right);
    insets.top = Math.min(insets.top, text.top - box.top);
    insets.bottom = Math.min(insets.bottom, box.bottom - text.bottom);
  }
  return {id: frame.id || frame.tagName.toLowerCase(), ...insets};
}"""
MIN_FRAME_INSET = 12  # CSS px between a focus frame and the text inside it


def frame_insets(page: Page) -> dict | None:
    return page.evaluate(FRAME_INSETS)
