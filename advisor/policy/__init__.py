"""Policy figures and texts from content/, loaded once, validated, looked up by date."""

from .content import Content, load_content
from .errors import ContentError, FigureMissing, NotInForce
from .parameters import Figure, STATUSES

__all__ = ["Content", "ContentError", "Figure", "FigureMissing", "NotInForce", "STATUSES", "load_content"]
