"""Parts rendered once and views worked out once (issue 15): what is kept, under which key, and what never is.

tests/web/test_goldens.py holds every page state byte for byte; these tests hold the mechanisms themselves:
`{% once %}` (advisor/web/rendered_once.py), `remembered` (advisor/memo.py), the kept `url_for`
(advisor/web/addresses.py) and FixedChoices, and that nothing a person typed is kept after the request.
"""

from __future__ import annotations

import itertools
from contextlib import contextmanager

import pytest
from flask import url_for as flask_url_for
from wtforms import SelectChoice

from advisor import memo
from advisor.i18n import language_environment
from advisor.web import addresses, rendered_once
from advisor.web.choices import HUKOU_CHOICES, FixedChoices


@contextmanager
def request_environment(app, path: str = "/zh/"):
    """The language environment of a request for `path`, inside that request."""
    with app.test_request_context(path):
        app.preprocess_request()
        yield language_environment(app)


def counter():
    numbers = itertools.count(1)
    return lambda: next(numbers)


def test_a_part_is_rendered_once_per_key(app):
    count = counter()
    template = "{% once key %}[{{ count() }}]{% endonce %}"
    with request_environment(app, "/zh/") as environment:
        compiled = environment.from_string(template)
        assert compiled.render(key="a", count=count) == "[1]"
        assert compiled.render(key="a", count=count) == "[1]"  # kept
        assert compiled.render(key="b", count=count) == "[2]"  # another key, rendered
        assert compiled.render(key="a", count=count) == "[1]"


def test_each_language_keeps_its_own_copy(app):
    count = counter()
    template = "{% once %}{{ _('Yes') }} {{ count() }}{% endonce %}"
    with request_environment(app, "/zh/") as environment:
        chinese = environment.from_string(template)
        assert chinese.render(count=count) == "是 1"
        assert chinese.render(count=count) == "是 1"
    with request_environment(app, "/en/") as environment:
        english = environment.from_string(template)
        assert english.render(count=count) == "Yes 2"


def test_lists_and_choices_are_keys_by_value(app):
    count = counter()
    template = "{% once key %}{{ count() }}{% endonce %}"
    with request_environment(app, "/zh/") as environment:
        compiled = environment.from_string(template)
        first = [SelectChoice("a", "A"), SelectChoice("b", "B")]
        same = [SelectChoice("a", "A"), SelectChoice("b", "B")]
        other = [SelectChoice("a", "A"), SelectChoice("b", "Other label")]
        assert compiled.render(key=first, count=count) == "1"
        assert compiled.render(key=same, count=count) == "1"
        assert compiled.render(key=other, count=count) == "2"
        assert compiled.render(key={"x": ["1"]}, count=count) == "3"
        assert compiled.render(key={"x": ["1"]}, count=count) == "3"


@pytest.mark.parametrize("key", [{1, 2}, "undefined"], ids=["unhashable", "undefined"])
def test_a_key_that_cannot_be_kept_renders_every_time(app, key):
    count = counter()
    template = "{% once key %}{{ count() }}{% endonce %}" if key != "undefined" else \
        "{% once guide.key %}{{ count() }}{% endonce %}"  # a view without the key the template names
    with request_environment(app, "/zh/") as environment:
        compiled = environment.from_string(template)
        assert [compiled.render(key=key, guide={}, count=count) for _ in range(3)] == ["1", "2", "3"]


def test_a_part_that_reads_page_state_is_rendered_every_time(app):
    count = counter()

    def page_state():
        rendered_once.volatile()
        return count()

    with request_environment(app, "/zh/") as environment:
        compiled = environment.from_string("{% once %}<{% once %}{{ state() }}{% endonce %}>{% endonce %}")
        assert [compiled.render(state=page_state) for _ in range(3)] == ["<1>", "<2>", "<3>"]


def test_the_base_environment_keeps_nothing(app):
    count = counter()
    with app.test_request_context("/zh/"):
        compiled = app.jinja_env.from_string("{% once %}{{ count() }}{% endonce %}")
        assert [compiled.render(count=count) for _ in range(2)] == ["1", "2"]


def test_the_store_is_emptied_past_its_bound(app, monkeypatch):
    monkeypatch.setattr(rendered_once, "LIMIT", 2)
    count = counter()
    with request_environment(app, "/zh/") as environment:
        compiled = environment.from_string("{% once key %}{{ count() }}{% endonce %}")
        assert [compiled.render(key=k, count=count) for k in ("a", "b", "a")] == ["1", "2", "1"]
        assert compiled.render(key="c", count=count) == "3"  # the store was full: emptied, then "c" kept
        assert len(environment.rendered_once) == 1
        assert compiled.render(key="a", count=count) == "4"


def test_an_edited_template_is_never_answered_from_an_older_copy(app):
    with request_environment(app, "/zh/") as environment:
        assert environment.from_string("{% once %}old{% endonce %}").render() == "old"
        assert environment.from_string("{% once %}new{% endonce %}").render() == "new"


def test_remembered_keeps_a_view_per_language_and_key(app):
    made = []

    def make():
        made.append(1)
        return len(made)

    for path, expected in (("/zh/", 1), ("/zh/", 1), ("/en/", 2)):
        with app.test_request_context(path):
            app.preprocess_request()
            assert memo.remembered("test", "key", make) == expected
    with app.test_request_context("/zh/"):
        app.preprocess_request()
        assert memo.remembered("test", ["unhashable"], make) == 3
        assert memo.remembered("test", ["unhashable"], make) == 4


def test_kept_addresses_are_flasks_addresses(app):
    calls = [("web.check", {}), ("web.home", {}), ("static", {"filename": "css/site.css"}),
             ("web.home", {"lang_code": "en"}), ("web.quiz_question_page", {"number": 2}),
             ("web.check", {"_anchor": "result"})]
    for path in ("/zh/", "/en/"):
        with app.test_request_context(path):
            app.preprocess_request()
            for _ in range(2):
                for endpoint, values in calls:
                    assert addresses.url_for(endpoint, **values) == flask_url_for(endpoint, **values)
    with app.test_request_context("/en/", base_url="http://localhost/mounted/"):
        app.preprocess_request()
        assert addresses.url_for("web.check") == "/mounted/en/check"


def test_fixed_choices_are_the_same_only_when_they_are_the_same_list():
    copy = FixedChoices(tuple(HUKOU_CHOICES))
    assert HUKOU_CHOICES == HUKOU_CHOICES and hash(HUKOU_CHOICES) == hash(HUKOU_CHOICES)
    assert HUKOU_CHOICES != copy
    assert list(HUKOU_CHOICES) == list(copy)  # the options themselves compare as before


def stored_text(app) -> str:
    """Everything kept across requests: parts rendered once, remembered views, addresses."""
    kept = [app.extensions.get("advisor.remembered", {}), app.extensions.get("advisor.addresses", {})]
    kept += [environment.rendered_once for environment in app.extensions["advisor.language_environments"].values()]
    return repr(kept)


def test_nothing_a_person_typed_is_kept_after_the_request(client, app):
    client.post("/zh/calculate", data={"wage": "8123.45", "hukou": "shenzhen", "insurances": ["pension"],
                                       "month": "2026-11", "unemployment_wage": "6789"})
    client.post("/zh/check", data={"birth_date-year": "1987", "birth_date-month": "3", "birth_date-day": "19",
                                   "sex": "male", "hukou": "shenzhen", "work": "platform",
                                   "platform_qualified": "yes", "full_time_student": "no", "employer_insured": "no"})
    client.post("/zh/forecast", data={"birth_date-year": "1987", "birth_date-month": "3", "birth_date-day": "19",
                                      "sex": "male", "paid_years": "7", "paid_months": "5", "balance": "45678",
                                      "hukou": "shenzhen", "base": "wage", "wage": "8123.45"})
    client.post("/zh/union/accident-aid", data={"amounts-0": "23456"})
    # Text posted where a choice belongs (only a hand-made request can) is not kept either.
    client.post("/zh/calculate", data={"wage": "8000", "hukou": "张三 13800138000", "insurances": ["pension", "王五"],
                                       "month": "1987-03", "platform_subsidy": "李四"})
    kept = stored_text(app)
    assert "advisor.language_environments" in app.extensions and len(kept) > 10_000  # things were kept
    for typed in ("8123", "6789", "1987", "45678", "23456", "张三", "13800138000", "王五", "李四"):
        assert typed not in kept
