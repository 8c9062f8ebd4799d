"""The base comparison as bars: geometry for an SVG drawn by the template (no JavaScript).

Each base is a group of two horizontal bars, the monthly cost now (hatched) above the estimated
monthly pension (solid), each labelled with a word and its amount, so the chart reads in black and
white and without the legend. Units are the SVG's own; CSS scales the drawing to the page width.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.i18n import format_shown, format_yuan, gettext

WIDTH = 340
BAR_SPACE = 200  # the longest bar; the rest of the width holds its label
BAR_HEIGHT = 16
BAR_GAP = 4
NAME_HEIGHT = 18  # the group's name above its bars
GROUP_GAP = 14
LEGEND_HEIGHT = 48  # two lines: a swatch and its words each
LABEL_OFFSET = 6
LABEL_BASELINE = 12  # a label's baseline below its bar's top, for 13-unit text


@dataclass(frozen=True)
class Bar:
    kind: str  # "cost" or "pension"
    y: int
    length: int
    label: str
    label_x: int
    label_y: int


@dataclass(frozen=True)
class Group:
    name: str
    name_y: int
    bars: tuple[Bar, ...]
    chosen: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bar_height: int
    groups: tuple[Group, ...]


def bar_length(value: Decimal, largest: Decimal) -> int:
    if largest <= 0 or value <= 0:
        return 0
    return max(1, int((value / largest * BAR_SPACE).to_integral_value()))


def comparison_chart(rows) -> Chart:
    """`rows`: the comparison rows of the view model (name, cost, pension, chosen)."""
    largest = max([row.cost for row in rows] + [row.pension_today for row in rows], default=Decimal(0))
    groups = []
    y = LEGEND_HEIGHT
    for row in rows:
        name_y = y + NAME_HEIGHT - 5  # text sits on its baseline
        bars = []
        top = y + NAME_HEIGHT
        for kind, value, label in (("cost", row.cost, gettext("pay %(amount)s", amount=format_yuan(row.cost))),
                                   ("pension", row.pension_today,
                                    gettext("get %(amount)s", amount=format_shown(row.pension_today_shown)))):
            length = bar_length(value, largest)
            bars.append(Bar(kind, top, length, label, length + LABEL_OFFSET, top + LABEL_BASELINE))
            top += BAR_HEIGHT + BAR_GAP
        groups.append(Group(row.name, name_y, tuple(bars), row.chosen))
        y = top - BAR_GAP + GROUP_GAP
    return Chart(WIDTH, y, BAR_HEIGHT, tuple(groups))
