"""What every API operation shares: reading a JSON object, answering with errors, amounts as strings."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any

from flask import Response, current_app, jsonify, request

from advisor.i18n import gettext as _


def content():
    return current_app.extensions["advisor.content"]


class BadJSON(ValueError):
    pass


def _reject_constant(name: str):
    raise BadJSON(name)


def _integer(text: str) -> int | Decimal:
    """JSON integers as ints, except -0, kept as Decimal("-0") so that its sign is not lost (an amount of -0 is refused
    like "-0")."""
    number = int(text)
    return Decimal(text) if number == 0 and text.startswith("-") else number


def read_json_object() -> tuple[dict[str, Any] | None, Response | None]:
    """The body as a dict, or the 400/422 response to send instead."""
    try:
        data = json.loads(request.get_data(cache=False) or b"", parse_float=Decimal, parse_int=_integer,
                          parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None, errors_response({"body": [_("The request body is not valid JSON.")]}, 400)
    if not isinstance(data, dict):
        return None, errors_response({"body": [_("Send a JSON object.")]}, 422)
    return data, None


def takes_json_object(view: Callable[[dict[str, Any]], Response]) -> Callable[[], Response]:
    """An operation that reads a JSON object: the view gets the body as a dict; any other body is answered here
    (read_json_object)."""
    @wraps(view)
    def operation() -> Response:
        data, problem = read_json_object()
        return problem if problem else view(data)
    return operation


def errors_response(errors: dict[str, list[str]], status: int = 422) -> Response:
    response = jsonify({"errors": errors})
    response.status_code = status
    return response


def money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def rate(value: Decimal) -> str:
    return format(value, "f")
