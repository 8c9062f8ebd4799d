"""Every id on a page is used once (issue 23): a duplicate id breaks the links and labels that point to it
(a skip link, a "#sources" link, a label's `for`, `aria-labelledby`), and a screen reader meets the wrong element.
Every page of the app's URL map, in both languages, with each form page's error state and its results, as the
words test reads them (tests/web/test_words.py), and on the kiosk too, whose results add the hand-off code."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import pytest
from werkzeug.datastructures import MultiDict

from advisor import create_app
from tests.web.kiosk_support import KIOSK

from .test_words import STATES, marks, state_id


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def duplicate_ids(html: str) -> list[str]:
    reader = _Ids()
    reader.feed(html)
    return sorted(found for found, count in Counter(reader.ids).items() if count > 1)


def test_the_check_finds_a_duplicate_id():
    assert duplicate_ids('<p id="sources"></p><div><h2 id="sources">x</h2><a id="a"></a></div>') == ["sources"]
    assert duplicate_ids('<p id="a"></p><p id="b"></p>') == []


@pytest.fixture(scope="module")
def kiosk_client():
    return create_app(dict(KIOSK)).test_client()


def page(client, url: str, data: dict | None) -> str:
    response = client.get(url, follow_redirects=True) if data is None else client.post(url, data=MultiDict(data))
    assert response.status_code == 200, url
    return response.text


@pytest.mark.parametrize("url, data", [pytest.param(url, data, id=state_id(url, data), marks=marks(url, data))
                                       for url, data in STATES])
def test_no_id_is_used_twice_on_a_page(client, url, data):
    assert duplicate_ids(page(client, url, data)) == []


@pytest.mark.parametrize("url, data", [pytest.param(url, data, id=state_id(url, data))
                                       for url, data in STATES if data])
def test_no_id_is_used_twice_on_a_kiosk_result(kiosk_client, url, data):
    assert duplicate_ids(page(kiosk_client, url, data)) == []
