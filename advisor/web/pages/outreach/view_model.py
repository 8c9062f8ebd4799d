"""What the outreach pages show, in the page's language: conditions, cost tables, channels, E路守护, quiz."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from advisor.answers.explain import not_in_force_message
from advisor.answers.outreach import HUKOU_KINDS, CostTable, cost_table
from advisor.i18n import gettext, localized
from advisor.i18n import lazy_gettext as _l
from advisor.policy.outreach import option_letter
from advisor.rules.calendar import YearMonth
from advisor.web.choices import content
from advisor.web.citations import Citation
from advisor.web.figures import FigureView, citation, figure_value, figure_view

# The enrolment conditions, in the order the social insurance agency's briefing lists them. The
# handout leaves out the second: the first already says "below the statutory retirement age".
CONDITIONS = ("minimum_age", "below_retirement_age", "not_full_time_student", "not_employer_insured", "residence")
HANDOUT_CONDITIONS = ("minimum_age", "not_full_time_student", "not_employer_insured", "residence")
WORK_KINDS = ("platform", "self_employed", "part_time", "other")
QUIZ_STATUS_LABELS = {
    "from_text": _l("Answered by the source's text"),
    "to_confirm": _l("To be confirmed"),
}


@dataclass(frozen=True)
class Quoted:
    text: str
    citation: Citation | None
    url: str | None


def rule_quote(rule_id: str) -> Quoted:
    rule = content().texts["eligibility"][rule_id]
    text = citation(rule["source"])
    url = text.url if text else None
    return Quoted(localized(rule["quote"]), text, url)


def conditions(rule_ids: tuple[str, ...] = CONDITIONS) -> list[Quoted]:
    return [rule_quote(rule_id) for rule_id in rule_ids]


def plain_conditions(rule_ids: tuple[str, ...] = HANDOUT_CONDITIONS) -> list[str]:
    """The conditions in plain words, for a worker's sheet or a slide; their official wording is rule_quote's."""
    return [localized(content().texts["eligibility"][rule_id]["plain"]) for rule_id in rule_ids]


def short_citation(source_key: str) -> str:
    """A document by its number when it has one (粤人社发〔2025〕32号), else by its title in 《》: for a sheet's
    footer (on an English sheet a Chinese title stands as a document's name)."""
    source = content().sources[source_key]
    return str(source.get("number") or f"《{source['title']}》")


def work_kinds(short: bool = False) -> list[str]:
    kinds = content().texts["work_kinds"]
    return [localized(kinds[kind]["short" if short else "label"]) for kind in WORK_KINDS]


# --- Costs --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatusNote:
    """Figures that share a status and the reason for it, so a short sheet says the reason once."""

    status: str
    status_label: str
    explanation: str
    figures: list[str]  # each figure's name, with its value when it is an amount or a rate
    short: list[str]  # the same, by shorter names for a one-page sheet (figure_short_name)


@dataclass(frozen=True)
class CostView:
    table: CostTable
    hukou_kinds: tuple
    status_notes: list[StatusNote]  # the figures not confirmed, with why
    problems: list[str]  # why part of the table is missing
    sources: list[str]  # the documents the figures come from, each once, by number or title

    @property
    def badges(self) -> list[StatusNote]:
        """One note per status that is not "confirmed", for a badge beside the figures; the notes say why."""
        return list({note.status: note for note in self.status_notes}.values())

    def sheet_notes(self, status: str) -> str:
        """For a one-page sheet, after one badge: each reason for this status once, naming its figures by their
        short names ("The lowest base, the highest base: the figures for … have not been published yet.")."""
        sentences = []
        for note in self.status_notes:
            if note.status == status:
                names = gettext(", ").join(note.short)
                sentences.append(gettext("%(figures)s: %(why)s", figures=names[:1].upper() + names[1:],
                                         why=note.explanation))
        text = sentences[0] if sentences else ""
        for sentence in sentences[1:]:  # a space between English sentences, none between Chinese ones
            text = gettext("%(sentence)s %(next)s", sentence=text, next=sentence)
        return text


def status_notes(figures: list[FigureView]) -> list[StatusNote]:
    notes: dict[tuple[str, str], StatusNote] = {}
    for figure in figures:
        if figure.status == "confirmed":
            continue
        key = (figure.status, figure.explanation)
        if key not in notes:
            notes[key] = StatusNote(figure.status, figure.status_label, figure.explanation, [], [])
        notes[key].figures.append(figure_with_value(figure))
        notes[key].short.append(figure_short_name(figure))
    return list(notes.values())


def figure_with_value(figure: FigureView) -> str:
    """"Lowest pension base ¥4,775.00"; a rule without an amount (the rounding rule) by its name alone."""
    if content().parameters[figure.parameter_id].unit in ("CNY/month", "ratio"):
        return f"{figure.description} {figure_value(figure.value, figure.parameter_id)}"
    return figure.description


# What a one-page sheet calls the figures it shows in its table, so a note names them instead of repeating amounts.
SHEET_NAMES = {
    "pension.average_wage": _l("the average wage"),
    "pension.base_floor": _l("the lowest base"),
    "pension.base_ceiling": _l("the highest base"),
}


def figure_short_name(figure: FigureView) -> str:
    """For a one-page sheet: a figure its table shows by the name the sheet uses ("the lowest base"), a rate
    with its name and value, and a rule by the name its description opens with ("Rounding: each line …" →
    "Rounding")."""
    if figure.parameter_id in SHEET_NAMES:
        return str(SHEET_NAMES[figure.parameter_id])
    unit = content().parameters[figure.parameter_id].unit
    if unit in ("CNY/month", "ratio"):
        return figure_with_value(figure)
    return figure.description.replace("：", ":").split(":")[0]


def cost_view(month: YearMonth, preset_keys: tuple[str, ...], medical: bool = True,
              lowest: bool = False) -> CostView:
    table = cost_table(content(), month, preset_keys, medical, lowest)
    # A "derived" source is this site's own working (the rounding rule), not a document to cite.
    documents = [f.source for f in table.figures if f.source and content().sources[f.source]["kind"] != "derived"]
    return CostView(
        table=table,
        hukou_kinds=HUKOU_KINDS,
        status_notes=status_notes([figure_view(figure) for figure in table.figures]),
        problems=[not_in_force_message(content(), error) for error in table.not_in_force],
        sources=list(dict.fromkeys(map(short_citation, documents))),
    )


# --- Registration channels and E路守护 -------------------------------------------------------------

# What a slide says of each way to register, in a few words; the full "suits" sentence is in the
# speaker notes and on the register page.
CHANNEL_HINTS = {
    "website": _l("Log in by scanning a code with 粤省事"),
    "wechat": _l("Everything inside WeChat"),
    "terminal": _l("Take your ID card"),
    "counter": _l("Staff help you in person"),
}


@dataclass(frozen=True)
class ChannelSummary:
    id: str
    name: str
    address: str | None
    suits: str

    @property
    def hint(self) -> str:
        return str(CHANNEL_HINTS.get(self.id, ""))


def channels() -> list[ChannelSummary]:
    return [ChannelSummary(c["id"], localized(c["name"]), c.get("address"), localized(c["suits"]))
            for c in content().texts["channels"]["channels"]]


# Sources a worker's sheet names: documents, not research material (a calculator's data file, this site's own
# working), which the sources page lists with the rest.
SHEET_SOURCE_KINDS = ("official", "official-unseen", "seed")


def handout_sources(costs: CostView) -> list[str]:
    """Every document the handout draws on, once: the figures', the conditions', the channels' and E路守护's."""
    texts = content().texts
    keys = [*(f.source for f in costs.table.figures if f.source), texts["eligibility"][HANDOUT_CONDITIONS[0]]["source"],
            texts["channels"]["channels"][0]["source"], content().schemes["e_road"]["source"]]
    documents = [key for key in keys if content().sources[key]["kind"] in SHEET_SOURCE_KINDS]
    return list(dict.fromkeys(map(short_citation, documents)))


def channels_source() -> Quoted:
    first = content().texts["channels"]["channels"][0]
    text = citation(first["source"])
    url = text.url if text else None
    return Quoted("", text, url)


def official_addresses() -> list[ChannelSummary]:
    """Channels with a web address, which a handout can turn into a QR code."""
    return [channel for channel in channels() if channel.address and channel.address.startswith(("http://", "https://"))]


@dataclass(frozen=True)
class Hotline:
    number: str
    hours: str


@dataclass(frozen=True)
class ERoad:
    name: str
    conditions_intro: str
    conditions: list[str]
    short_conditions: list[str]  # the same, in a few words each, for a slide
    hotline: Hotline
    other_phones: list[Hotline]
    channels: list[str]
    citation: Citation | None
    part_of: str  # the briefing's title says 深工守护: E路守护 is part of that programme


def programme_note() -> str:
    return localized(content().schemes["e_road"]["part_of"]["text"])


def e_road() -> ERoad:
    scheme: Mapping[str, Any] = content().schemes["e_road"]
    phones = [Hotline(phone["number"], localized(phone["hours"])) for phone in scheme["claim_channels"]["phones"]]
    text = citation(scheme["source"])
    return ERoad(
        name=localized(scheme["name"]),
        conditions_intro=localized(scheme["conditions_quote"]),
        conditions=[localized(condition["text"]) for condition in scheme["conditions"]],
        short_conditions=[localized(condition["short"]) for condition in scheme["conditions"]],
        hotline=phones[0],
        other_phones=phones[1:],
        channels=[localized(channel["text"]) for channel in scheme["claim_channels"]["channels"]],
        citation=text,
        part_of=programme_note(),
    )


# --- Quiz ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuizOption:
    letter: str
    text: str
    correct: bool


@dataclass(frozen=True)
class QuizQuestion:
    number: int
    id: str
    question: str
    options: list[QuizOption]
    status: str  # from_text | to_confirm
    status_label: str
    correct: str | None  # the letter, when the source's text gives the answer
    say: str  # an open question: what the presenter can tell the room meanwhile ("" otherwise)
    explanation: str
    rule: Quoted | None  # the verbatim rule the answer rests on
    citation: Citation | None
    url: str | None
    locator: str
    source_note: str  # why the source's title differs from the name the site uses ("" when it does not)


def _rule_for(reference: str | None) -> Quoted | None:
    if not reference:
        return None
    place, _, key = reference.partition(".")
    if place == "eligibility":
        return rule_quote(key)
    scheme = content().schemes["e_road"]
    condition = next(c for c in scheme["conditions"] if c["id"] == key)
    text = citation(scheme["source"])
    url = text.url if text else None
    return Quoted(localized(condition["quote"]), text, url)


def quiz_question(number: int, entry: Mapping[str, Any]) -> QuizQuestion:
    """One entry of content/outreach/quiz.yaml; a scheme_quiz entry takes its words from e_road.yaml."""
    if "scheme_quiz" in entry:
        scheme = content().schemes["e_road"]
        recorded = next(q for q in scheme["quiz"] if q["id"] == entry["scheme_quiz"])
        question, options = recorded["question"]["quote"], [o["quote"] for o in recorded["options"]]
        status, explanation, source = recorded["status"], recorded["answer"], scheme["source"]
        say = recorded.get("say")
    else:
        question, options = entry["question"], entry["options"]
        status, explanation, source = entry["status"], entry["explanation"], entry["source"]
        say = entry.get("say")
    correct = entry.get("correct") if status != "to_confirm" else None
    text = citation(source)
    url = text.url if text else None
    return QuizQuestion(
        number=number,
        id=entry["id"],
        question=localized(question),
        options=[QuizOption(option_letter(i), localized(option), option_letter(i) == correct)
                 for i, option in enumerate(options)],
        status=status,
        status_label=str(QUIZ_STATUS_LABELS[status]),
        correct=correct,
        say=localized(say) if say and status == "to_confirm" else "",
        explanation=localized(explanation),
        rule=_rule_for(entry.get("quote_from")),
        citation=text,
        url=url,
        locator=localized(entry.get("locator")),
        source_note=programme_note() if source == content().schemes["e_road"]["source"] else "",
    )


def quiz_entries() -> list[Mapping[str, Any]]:
    return list(content().texts["quiz"]["questions"])
