"""What the pension-at-retirement page shows: the PensionAnswer (the one the API returns) in the
page's words. No arithmetic here beyond picking and formatting."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.answers.pension_at_retirement import PensionAnswer
from advisor.answers.retirement_explain import kind_name, line_name, lines, notice_message, number
from advisor.i18n import format_age, format_yuan, gettext
from advisor.policy import Figure
from advisor.web.choices import content
from advisor.web.figures import STATUS_LABELS, FigureView, figure_view
from advisor.web.person import CATEGORY_NAMES


@dataclass(frozen=True)
class LineView:
    code: str
    name: str
    amount: Decimal | None
    formula: str
    status: str | None
    status_label: str
    notes: tuple[str, ...]
    figures: tuple[tuple[FigureView, str], ...]  # each figure and the value this answer used


@dataclass(frozen=True)
class PensionView:
    month: object
    age: str
    kind: str
    kind_name: str
    statutory_month: object
    earliest: object
    latest: object
    category: str
    total: Decimal
    status: str
    status_label: str
    lines: tuple[LineView, ...]
    notices: tuple[tuple[str, str], ...]


def shown_value(parameter_id: str, figure: Figure, answer: PensionAnswer) -> str:
    """Money in yuan; of the payout table, the months this age uses; a rule's description says it all."""
    if parameter_id == "pension.calculation_base":
        return format_yuan(figure.value)
    if parameter_id == "pension.payout_months":
        return gettext("%(months)s months at %(age)s", months=number(answer.lines.payout_months),
                       age=format_age(answer.retirement.age_years, answer.retirement.age_months))
    return ""


def pension_view(answer: PensionAnswer) -> PensionView:
    window = answer.window.window
    found = []
    for line in lines(answer):
        found.append(LineView(
            code=line.code, name=line_name(line.code), amount=line.amount, formula=line.formula,
            status=line.status, status_label=str(STATUS_LABELS[line.status]) if line.status else "",
            notes=tuple(n for n in line.notes if n),
            figures=tuple((figure_view(f), shown_value(pid, f, answer)) for pid, f in line.figures)))
    return PensionView(
        month=answer.retirement.month,
        age=format_age(answer.retirement.age_years, answer.retirement.age_months),
        kind=answer.retirement.kind.value,
        kind_name=kind_name(answer.retirement.kind.value),
        statutory_month=window.statutory.month,
        earliest=window.earliest,
        latest=window.latest,
        category=str(CATEGORY_NAMES[window.statutory.category]),
        total=answer.total,
        status=answer.status,
        status_label=str(STATUS_LABELS[answer.status]),
        lines=tuple(found),
        notices=tuple((n.code, notice_message(content(), n)) for n in answer.notices),
    )
