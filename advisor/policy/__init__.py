"""Policy figures and texts from content/, loaded once, validated, looked up by date."""

from advisor.policy.content import Content
from advisor.policy.errors import ContentError, FigureMissing, NotInForce
from advisor.policy.loading import load_content
from advisor.policy.parameters import STATUSES, Figure

__all__ = ["Content", "ContentError", "Figure", "FigureMissing", "NotInForce", "STATUSES", "load_content"]
