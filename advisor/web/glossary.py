"""词语解释 — the words of social insurance in plain language (issue 10): one page, one entry per term,
each with an anchor (#term-base…) that other pages link to where the word first appears."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_babel import lazy_gettext as _l

from . import bp


@dataclass(frozen=True)
class Term:
    key: str
    name: str
    plain: str


# No figures here: a term says what a thing is, the pages say how much.
TERMS = (
    ("base", _l("Contribution base (缴费基数)"),
     _l("The monthly wage your contributions are worked out from. Each insurance costs the base times its rate. "
        "As a flexible worker you choose your base yourself, between a lowest and a highest amount set each year. "
        "A higher base costs more now and gives a higher pension later.")),
    ("pooled_fund", _l("Pooled fund (统筹基金)"),
     _l("The part of your pension contribution that goes into the fund everyone shares. It is not kept in your "
        "name; it pays everyone's basic pension. How long you paid and your base decide your share later.")),
    ("personal_account", _l("Personal account (个人账户)"),
     _l("The part of your pension contribution that is recorded in your own name, with interest added each year. "
        "When you retire it is paid out to you month by month. If you move, it moves with you.")),
    ("local_supplementary", _l("Local supplementary pension (地方补充养老保险)"),
     _l("A small extra pension contribution that only people with Shenzhen hukou pay, on top of the basic "
        "pension. If your hukou is elsewhere, it does not concern you.")),
    ("payout_months", _l("Payout months (计发月数)"),
     _l("The number your personal account is divided by when you retire: the account divided by it is what "
        "you get from the account each month. The older you are when you retire, the smaller the number.")),
)


@bp.get("/glossary")
def glossary():
    terms = [Term(key, str(name), str(plain)) for key, name, plain in TERMS]
    return render_template("glossary/page.html", terms=terms)
