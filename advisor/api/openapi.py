"""GET /api/v1/openapi.json: the API's contract, advisor/api/openapi.yaml as JSON."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flask import jsonify

from advisor.api.blueprint import bp
from advisor.policy.yaml_loader import load_yaml

OPENAPI = Path(__file__).with_name("openapi.yaml")


@cache
def _openapi_document() -> dict:
    return load_yaml(OPENAPI.read_text(encoding="utf-8"))


@bp.get("/openapi.json")
def openapi():
    return jsonify(_openapi_document())
