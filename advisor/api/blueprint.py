"""The JSON API's blueprint (/api/v1/…): each question's module registers its operation on `bp`."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
