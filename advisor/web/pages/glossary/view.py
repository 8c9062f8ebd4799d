"""词语解释 — the words of social insurance in plain language (issue 10): one page, one entry per term,
each with an anchor (#term-base…) that other pages link to where the word first appears."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from advisor.i18n import lazy_gettext as _l
from advisor.web.blueprint import bp
from advisor.web.rendering import render_template


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


# The short explanation shown beside a term where it first appears on a page (templates/macros/terms.html):
# the question a reader would ask, and one or two sentences for someone who left school at 15.
SHORT = {
    "base": (_l("What is the contribution base (缴费基数)?"),
             _l("The monthly wage your payments are worked out from. You choose it yourself, between a lowest and a "
                "highest amount: a higher base costs more now and gives a bigger pension later.")),
    "pooled_fund": (_l("What is the pooled fund (统筹基金)?"),
                    _l("The part of your pension payment that goes into one shared pot. It pays everyone's basic "
                       "pension; it is not kept in your name.")),
    "personal_account": (_l("What is the personal account (个人账户)?"),
                         _l("The part of your pension payment kept in your own name, with interest added each year. "
                            "When you retire you get it back month by month.")),
    "local_supplementary": (_l("What is the local supplementary pension (地方补充养老保险)?"),
                            _l("A small extra pension payment that only people with Shenzhen hukou make. If your "
                               "hukou is elsewhere, it does not concern you.")),
    "payout_months": (_l("What are payout months (计发月数)?"),
                      _l("When you retire, the money in your personal account is divided by this number: that is "
                         "what you get from the account each month. The later you retire, the smaller the number.")),
}


@dataclass(frozen=True)
class TermHint:
    key: str
    question: str
    short: str


def term_hint(key: str) -> TermHint:
    question, short = SHORT[key]
    return TermHint(key, str(question), str(short))


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(term_hint=term_hint)


@bp.get("/glossary")
def glossary():
    terms = [Term(key, str(name), str(plain)) for key, name, plain in TERMS]
    return render_template("glossary/page.html", terms=terms)
