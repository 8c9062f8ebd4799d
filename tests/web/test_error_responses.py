"""Unknown paths, unknown methods and oversized bodies, on every page and every API operation."""

from __future__ import annotations

import pytest

from advisor import create_app
from tests.conftest import TODAY
from tests.site_map import api_operations, form_page_urls, page_urls

# One app for the module (these requests change nothing): a fresh app per case would cost more than the case.
_APP = create_app({"TESTING": True, "ADVISOR_TODAY": TODAY})
PAGES = page_urls(_APP)
FORM_PAGES = form_page_urls(_APP)
API_POSTS = [path for method, path, _ in api_operations(_APP) if method == "POST"]
OVERSIZED = 65 * 1024  # MAX_CONTENT_LENGTH is 64 KB
NOT_FOUND = {"zh": "找不到页面", "en": "Page not found"}
NOT_ALLOWED = {"zh": "这里不能进行这个操作", "en": "That action is not possible here"}
TOO_LARGE = {"zh": "提交的内容太大", "en": "What you sent is too large"}


@pytest.fixture
def client():
    return _APP.test_client()


def language(url: str) -> str:
    return url.split("/")[1]


@pytest.mark.parametrize("url", PAGES)
def test_an_unknown_path_under_any_page_is_a_friendly_404_in_its_language(client, url):
    response = client.get(url.rstrip("/") + "/no-such-page")
    assert response.status_code == 404
    assert NOT_FOUND[language(url)] in response.text and '<html lang="' in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize("url", PAGES)
def test_an_unknown_method_on_any_page_is_a_friendly_405(client, url):
    response = client.put(url, data={"x": "1"})
    assert response.status_code == 405 and NOT_ALLOWED[language(url)] in response.text
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize("url", [u.replace("/zh/", f"/{lang}/", 1) for u in FORM_PAGES for lang in ("zh", "en")])
def test_an_oversized_form_is_refused_with_413_in_its_language(client, url):
    response = client.post(url, data={"wage": "1" * OVERSIZED})
    assert response.status_code == 413 and TOO_LARGE[language(url)] in response.text


def test_the_language_is_kept_on_error_pages():
    assert set(NOT_FOUND) == {"zh", "en"} and all(language(url) in NOT_FOUND for url in PAGES)


@pytest.mark.parametrize("path", API_POSTS)
def test_an_oversized_api_body_is_refused_with_413_and_a_field_error(client, path):
    response = client.post(path + "?lang=en", data=b'{"x": "' + b"1" * OVERSIZED + b'"}',
                           content_type="application/json")
    assert response.status_code == 413
    assert response.get_json() == {"errors": {"request": ["What you sent is too large"]}}


@pytest.mark.parametrize("path", API_POSTS)
def test_an_unknown_method_on_the_api_is_a_json_405(client, path):
    response = client.get(path + "?lang=en")
    assert response.status_code == 405 and "POST" in response.headers["Allow"].replace(" ", "").split(",")
    assert response.get_json() == {"errors": {"request": ["That action is not possible here"]}}


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/v2/contribution", "/api/v1/"])
def test_an_unknown_api_path_is_a_json_404(client, path):
    response = client.post(path + "?lang=en", json={})
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json() == {"errors": {"request": ["Page not found"]}}
