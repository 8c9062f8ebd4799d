"""Calling an API operation as a client does, and reading the field errors of a refusal."""

from __future__ import annotations


def operation(path: str):
    """post(client, body, lang="en") and errors(client, body, lang="en") for POST /api/v1/<path>;
    errors() expects a refusal (422) and returns its errors by field."""

    def post(client, body, lang: str = "en"):
        return client.post(f"/api/v1/{path}?lang={lang}", json=body)

    def errors(client, body, lang: str = "en") -> dict[str, list[str]]:
        response = post(client, body, lang)
        assert response.status_code == 422, response.get_json()
        return response.get_json()["errors"]

    return post, errors
