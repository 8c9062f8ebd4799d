import pytest
from .test_journey import Rider, walk_to_the_plan, phone_with  # noqa
pytestmark = pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shots(phone_with, lang):
    page = phone_with(True)
    walk_to_the_plan(Rider(page, lang, True))
    page.screenshot(path=f"/tmp/plan-{lang}-first.png")
    page.screenshot(path=f"/tmp/plan-{lang}-full.png", full_page=True)
    page.set_viewport_size({"width": 718, "height": 1032})  # A4 less 12 mm margins at 96 dpi
    page.emulate_media(media="print")
    page.screenshot(path=f"/tmp/plan-{lang}-print.png", full_page=True)
    print(lang, page.evaluate("document.documentElement.scrollHeight"))
