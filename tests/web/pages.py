"""What the page tests share: a page's text as a reader sees it, a part of a page, and the two answers
htmx gets (the fragment that changes, or on a history restore the whole page)."""

from __future__ import annotations

import html as html_module
import re

HTMX = {"HX-Request": "true"}
HISTORY_RESTORE = {**HTMX, "HX-History-Restore-Request": "true"}


def text_of(html: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def between(html: str, start: str, end: str) -> str:
    """From the first `start` up to the first `end` after it."""
    begin = html.index(start)
    return html[begin:html.index(end, begin)]


def assert_shows(text: str, *phrases: str) -> None:
    """Every phrase is in the text; a failure names each one that is not."""
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"not shown: {missing}\nin: {text}"


def opened(client, url: str) -> str:
    """GET a page that must open (200); its HTML."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.text


def htmx_fragment(client, url: str, data: dict | None = None) -> str:
    """What htmx gets for a form's answers (a GET without them): only the part that changes, never a whole
    page, and marked as depending on the HX-Request header so no cache mixes the two up."""
    response = client.get(url, headers=HTMX) if data is None else client.post(url, data=data, headers=HTMX)
    assert response.status_code == 200, url
    assert "<html" not in response.text, f"{url}: htmx got a whole page"
    assert "HX-Request" in response.headers["Vary"], url
    return response.text


def restored_page(client, url: str, data: dict | None = None) -> str:
    """What a history restore gets (htmx asks for the page again): the whole page."""
    response = client.get(url, headers=HISTORY_RESTORE) if data is None else \
        client.post(url, data=data, headers=HISTORY_RESTORE)
    assert response.status_code == 200, url
    assert "<html" in response.text, f"{url}: a history restore got only a fragment"
    return response.text


def assert_own_files_only(html: str) -> None:
    """Everything the page loads comes from the site's /static/, and nothing runs or is styled inline (the
    Content-Security-Policy would block it): no resource leaves the site, and no answer with it."""
    found = re.findall(r'<(?:script|link|img|iframe|image|use)[^>]+(?:src|href)="([^"]+)"', html)
    assert found and all(address.startswith("/static/") for address in found), found
    assert "<script>" not in html and " style=" not in html and "hx-on" not in html


def assert_private(response) -> None:
    """No cookie; and a page with answers (the answer to a POST) is kept by the browser alone, for Back."""
    assert "Set-Cookie" not in response.headers
    if response.request.method == "POST":
        assert response.headers["Cache-Control"] == "private, max-age=0"
