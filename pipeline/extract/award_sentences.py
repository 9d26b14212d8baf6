"""Awards stated in sentences (`Le film remporte le Prix X et le Prix Y au
Festival de Z 2011`, `Il obtient quatre Césars, dont ceux du meilleur film
et du meilleur acteur`, `Son rôle vaut à Awa Sy le prix d'interprétation`).

A sentence is read only when it holds an outcome verb and a prize, event or
festival-section word. Its verbs (lemma, negation, subject) come from the
French model through the `award_verbs` component, or from the listed verb
forms in rules-only runs; what follows each verb is read on characters, as a
run of prizes, events, sections and years. A row is written only when its
category and event are whole names; a sentence that states an award but
cannot be read completely is reported, never guessed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import regex

from pipeline.extract.award_vocab import VerbReading, ceremony_prize_pattern, ceremony_prizes, names_of, event_start_pattern, form_outcomes, prize_start_pattern, section_pattern, verb_form_pattern
from pipeline.extract.awards import EDITION, Event, _award, _category, parse_event
from pipeline.extract.people_names import PERSON
from pipeline.extract.records import Award
from pipeline.extract.sentences import sentences
from pipeline.model import EventWordKind, Span
from pipeline.ner import CACHE_LIMIT, PipeCache, load_syntax
from pipeline.text.clean import clean_span

NOT_UNDERSTOOD = "award sentence not understood"
# Verbs that state an award only with a festival section or `pour représenter` after them.
SECTION_ONLY = frozenset({"présenter", "projeter", "retenir", "choisir", "proposer"})
MAX_CATEGORY_WORDS = 12
MAX_EVENT_WORDS = 10
YEAR = r"(?:1[89]\d\d|20\d\d)"
APOS = r"['’]"
ARTICLE = rf"(?:(?:le|la|les|l{APOS}|un|une)\s*)"
POSSESSIVE = regex.compile(r"\b(?:son|sa|ses|leur|leurs)\s+$", regex.IGNORECASE)
QUANTITY = r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|plusieurs|de\s+nombreux|de\s+nombreuses|nombreux|nombreuses|divers|diverses|différents|quelques)"
NOT_TRIGGERS = frozenset({"meilleur", "meilleure", "sélection", "nomination"})

SKIP = regex.compile(
    r"(?:\s|,|:|\bet\b|\bainsi\s+que\b|\bensuite\b|\bégalement\b|\baussi\b|\bnotamment\b|\bfinalement\b|\balors\b|\benfin\b|"
    r"\bmême\b|\bà\s+nouveau\b|\bde\s+nouveau\b|\bsuccessivement\b|\brespectivement\b|\bentre\s+autres\b|\bofficiellement\b|"
    r"\bpar\s+la\s+suite\b|\by\b|\bd[ée]jà\b|\bd{APOS}abord\b|\bbien\b)+".replace("{APOS}", APOS),
    regex.IGNORECASE,
)
YEAR_ITEM = regex.compile(
    rf"(?:en|au\s+cours\s+de\s+l{APOS}année|dès)\s+(?P<year>{YEAR})(?!\d)|\(\s*(?P<year>{YEAR})\s*\)|"
    rf"(?P<same>(?:la|cette)\s+même\s+année|cette\s+année[- ]là|la\s+même\s+saison)|(?P<next>l{APOS}année\s+suivante)|"
    rf"(?P<prev>l{APOS}année\s+précédente)",
    regex.IGNORECASE,
)
SUBMISSION = regex.compile(
    rf"pour\s+représenter\s+(?:le\s+|la\s+|les\s+|l{APOS})?\p{{Lu}}[^,;.]*?(?=\s+(?:à|aux|au|pour|lors)\b)", regex.IGNORECASE
)
SECTION_INTRO = regex.compile(
    rf"(?:(?:en|dans|pour|à|au)\s+)?(?:(?:la|le|l{APOS})\s*)?(?:section\s+(?=\p{{Lu}}))?", regex.IGNORECASE
)
NAMED_SECTION = regex.compile(rf"(?:dans|pour)\s+la\s+section\s+(?P<name>\p{{Lu}}[^,;.()]*?)(?=\s+(?:au|à|aux|lors|du|de)\b|\s*[,;.(]|$)")
EVENT_INTRO = regex.compile(
    rf"(?:aux|au|à\s+la|à\s+l{APOS}|à|lors\s+(?:du|de\s+la|de\s+l{APOS}|des)|pendant\s+(?:le|la|les|l{APOS})|"
    rf"durant\s+(?:le|la|les|l{APOS})|du|de\s+la|des|de\s+l{APOS})(?:(?<=['’])|(?=\s)|(?=\p{{Lu}}))\s*",
    regex.IGNORECASE,
)
CITY = regex.compile(rf"(?P<city>\p{{Lu}}\p{{Ll}}+(?:[- ]\p{{Lu}}\p{{Ll}}+)?)(?=\s+(?:en\s+{YEAR}|{YEAR})|\s*[,;.(]|\s*$)")
EVENT_END = regex.compile(
    rf"\s*[,;()\[]|\s*[.:](?:\s|$)|\s+(?:où|en\s+{YEAR}|pour|dans|avec|lors|qui|dont|puis|grâce|devant|lui|leur|y|"
    rf"la\s+même|l{APOS}année|cette\s+année|en\s+(?:compétition|sélection)|hors\s+compétition|"
    rf"et\s+(?=(?:le|la|l{APOS}|les|un|une|au|à|aux|en|il|elle|celui|celle|ceux|celles|devient|est|a|obtient|remporte|reçoit)\b))\b|\s*$",
    regex.IGNORECASE,
)
PRIZE_END = regex.compile(
    rf"\s*[,;(]|\s*[.:](?:\s|$)|\s+(?:au|aux|à\s+la|à\s+l{APOS}|à\s+(?=\p{{Lu}})|lors|pendant|durant|en\s+{YEAR}|"
    rf"en\s+(?:compétition|sélection)|hors\s+compétition|la\s+même|l{APOS}année|cette\s+année|dans|décerné|décernée|attribué|attribuée|"
    rf"remis|remise|qui|dont|ainsi|où|avec|grâce|devant|pour\s+(?:son|sa|ses|leur|leurs|le\s+film|ce\s+film|l{APOS}ensemble|représenter)|"
    rf"et\s+(?={ARTICLE}?(?:{QUANTITY}\s|devient|est|a|il|elle)))\b|\s*$",
    regex.IGNORECASE,
)
PARTICIPLE = regex.compile(r"(?:décerné|attribué|remis|offert|doté|accordé)e?s?\s+(?:par|à)\s+[^,;]*?(?=\s*[,;]|\s+et\s|$)", regex.IGNORECASE)
ROLE = regex.compile(
    rf"pour\s+(?:son|sa|leur)\s+(?:rôle|interprétation|prestation|performance|travail|composition)\b[^,;]*?"
    rf"(?=\s*[,;]|\s+(?:au|aux|à\s+la|à\s+l{APOS}|lors|en\s+{YEAR})\b|$)",
    regex.IGNORECASE,
)
PARENTHESIS = regex.compile(r"\s*\([^()]*\)")
NOMINATION_NOUN = regex.compile(rf"(?:une|sa|{QUANTITY})\s+nominations?\b", regex.IGNORECASE)
GIVEN_TO = regex.compile(rf"(?:décerné|attribué|remis|accordé)e?s?\s+à\s+(?P<who>{PERSON})\s*$")
QUANT_ITEM = regex.compile(
    rf"{QUANTITY}\s+(?P<noun>prix|récompenses|distinctions|trophées|nominations|sélections|\p{{Lu}}\p{{L}}+s)\b", regex.IGNORECASE
)
ANAPHOR = regex.compile(r"dont\s+(?:celui|celle|ceux|celles)\s+", regex.IGNORECASE)
ANAPHOR_ALONE = regex.compile(rf"(?:celui|celle)\s+(?=(?:du|de\s+la|de\s+l{APOS}|des|d{APOS}))", regex.IGNORECASE)
# `, la plus haute distinction du FESPACO,`: an apposition that only names the event of the prize before it.
APPOSITION = regex.compile(
    rf"(?:la|le|l{APOS})\s*(?:plus\s+\p{{L}}+|seule?|première|premier|principale?|haute|grande|suprême)\s+"
    rf"(?:récompense|distinction|prix|trophée|honneur)\s+(?=(?:du|de\s+la|de\s+l{APOS}|des|d{APOS}))",
    regex.IGNORECASE,
)
EX_AEQUO_WITH = regex.compile(r"(?:en\s+)?ex[- ]?(?:a|æ)equo(?:\s+avec\s+[^,;.]+)?", regex.IGNORECASE)
# Verbs that say an award was won even when the prize is not named (`primé au FESPACO`).
AWARDED_ALONE = frozenset({"primer", "récompenser", "couronner"})
ANAPHOR_PIECE = regex.compile(rf"(?:du|de\s+la|de\s+l{APOS}|des|d{APOS})\s*[^,;.]+?(?=\s*,\s*(?:du|de\s+la|de\s+l{APOS}|des|d{APOS})|\s+et\s+(?:du|de\s+la|de\s+l{APOS}|des|d{APOS})|\s*[,;.(]|\s+(?:en\s+{YEAR}|au|aux|à|lors)\b|\s*$)", regex.IGNORECASE)
DONT = regex.compile(r"dont\s+", regex.IGNORECASE)
CLAUSE_STOP = regex.compile(
    r",\s+(?:et\s+|mais\s+)?(?:qui|puis|avant|alors\s+que|il|elle|ils|elles|le\s+film|ce\s+film|devient|ce\s+qui|tandis|mais|bien\s+que)\b|;|"
    r"\s+(?:et|mais)\s+(?:devient|est\s+(?!\w+é)|a\s+(?!\w+é)|fut|sera|il|elle|le\s+film)\b|\s+mais\b|\s*«",
    regex.IGNORECASE,
)
FRONTED = regex.compile(  # `En 1995,` `Au FESPACO 2001,` `Lors de la 5e édition du festival,`: a setting that opens the sentence
    rf"(?:en|au|aux|à|lors|pendant|durant|la\s+même|l{APOS}année)\b[^,]*(?=,)", regex.IGNORECASE)
FILM_WORD = regex.compile(r"\b(?:film|long[- ]métrage|court[- ]métrage|documentaire|téléfilm)\b", regex.IGNORECASE)
PERSON_SUBJECT = regex.compile(rf"(?P<who>{PERSON})")
DATIVE = regex.compile(rf"\s*à\s+(?P<who>{PERSON})(?=\s+(?:le|la|l{APOS}|les|un|une|son|sa)\b)")
CAST_FOR = regex.compile(r"\s+pour\s+(?:le|un|son|sa|ce)\s+(?:rôle|personnage)\b", regex.IGNORECASE)
AUXILIARY_OR_PRONOUN = regex.compile(r"\b(?:est|sont|fut|furent|a|ont|été|lui|leur|se)\s+$", regex.IGNORECASE)
PRONOUNS = frozenset({"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ce", "cette", "on"})
NEGATION_BEFORE = regex.compile(rf"(?:\bn{APOS}|\bne\s|\bsans\s)(?:\s*[\p{{L}}’']+){{0,3}}\s*$", regex.IGNORECASE)
NEGATION_AFTER = regex.compile(r"\s+(?:pas|jamais|aucun|aucune)\b", regex.IGNORECASE)
AUXILIARY_REACH = 120
YEAR_ALONE = regex.compile(rf"(?<!\d){YEAR}(?!\d)")
SPACES = regex.compile(r"\s+")
NEXT_WORD = regex.compile(r"\s*\S+")
PIECE_JOINT = regex.compile(r"\s*(?:,|et)\s*")
YEAR_AFTER_EVENT = regex.compile(rf"\s+en\s+({YEAR})(?!\d)")
CEREMONY_HEAD = regex.compile(r"^(?:cérémonie|soirée)\s+(?:des|du|de\s+la)\s+", regex.IGNORECASE)
AND = regex.compile(r"\s+et\s+")
CLAUSE_MARK = regex.compile(r"[;:!?]|\b(?:qui|que|est|sont|a|ont|était|il|elle)\b", regex.IGNORECASE)
AUXILIARY_BEFORE = regex.compile(r"(?:\s+(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent|a\s+été|ont\s+été|avait\s+été|sera|aura|également|aussi|alors|notamment|ensuite|officiellement|déjà))*\s*$", regex.IGNORECASE)


@dataclass
class Item:
    kind: str  # prize, section, event, year
    start: int
    end: int
    category: str = ""
    event: Event | None = None
    year: int | None = None
    recipients: list[tuple[str, int, int]] = field(default_factory=list)
    ex_aequo: bool = False
    whole: bool = True
    source: tuple[int, int] | None = None  # the category's own span, when it differs from the item's
    outcome: str = ""  # set when the noun, not the verb, says the outcome (`deux nominations, dont ...`)


@dataclass
class Reading:
    rows: list[Award] = field(default_factory=list)
    unread: list[tuple[int, int]] = field(default_factory=list)  # sentences that state an award but could not be read
    last_year: int | None = None


@cache
def _prize_start() -> regex.Pattern[str]:
    return regex.compile(rf"{ARTICLE}?(?={prize_start_pattern().pattern})", regex.IGNORECASE)


@cache
def _trigger_words() -> regex.Pattern[str]:
    """Prize words that say a sentence may state an award; `meilleur` or `sélection` alone do not."""
    return regex.compile(rf"(?<!\p{{L}}){prize_start_pattern(NOT_TRIGGERS).pattern}", regex.IGNORECASE)


def is_candidate(sentence: str) -> bool:
    """Whether a sentence may state an award: an outcome verb and a prize, event or section word."""
    return bool(verb_form_pattern().search(sentence)) and bool(
        _trigger_words().search(sentence) or event_start_pattern().search(sentence) or section_pattern().search(sentence)
    )


class SentenceReader:
    """Finds the outcome verbs of candidate sentences: through the model when one is
    given (batched with nlp.pipe, answered from a bounded cache), else from the
    listed verb forms."""

    def __init__(self, model: str | None, batch_size: int = 64, cache_limit: int = CACHE_LIMIT) -> None:
        self.model = model
        self._pipe: PipeCache[tuple] = PipeCache(self._nlp, lambda doc: doc._.award_verbs, batch_size, cache_limit)
        self.chars_seen = 0

    @property
    def sentences_parsed(self) -> int:
        return self._pipe.texts_read

    @property
    def chars_parsed(self) -> int:
        return self._pipe.chars_read

    def _nlp(self):  # -> spacy.Language
        from pipeline.extract.award_syntax import COMPONENT

        return load_syntax(self.model, COMPONENT)

    def verbs(self, text: str, spans: Sequence[tuple[int, int]]) -> list[list[VerbReading]]:
        """The outcome verbs of each sentence span, in text order."""
        if self.model is None:
            return [_rule_verbs(text, a, b) for a, b in spans]
        readings = self._pipe.answers([text[a:b] for a, b in spans])
        return [[r.shifted(a) for r in found] for (a, _), found in zip(spans, readings)]


@cache
def sentence_reader(model: str | None) -> SentenceReader:
    """One reader per model and process, so its cache serves every document."""
    return SentenceReader(model)


def _rule_verbs(text: str, start: int, end: int) -> list[VerbReading]:
    verbs = []
    for m in verb_form_pattern().finditer(text, start, end):
        lemma, outcome = form_outcomes()[SPACES.sub(" ", m.group().lower())]
        before = text[max(start, m.start() - 40):m.start()]
        negated = bool(NEGATION_BEFORE.search(before)) or bool(NEGATION_AFTER.match(text, m.end(), end))
        verbs.append(VerbReading(m.start(), m.end(), lemma, outcome, negated, _rule_subject(text, start, m.start())))
    return verbs


def _rule_subject(text: str, start: int, verb_start: int) -> tuple[int, int] | None:
    # Auxiliaries sit just before the verb: looked for within AUXILIARY_REACH characters, not
    # from the sentence start, so a sentence of many verbs is read in linear time.
    aux = AUXILIARY_BEFORE.search(text, max(start, verb_start - AUXILIARY_REACH), verb_start)
    head_end = aux.start() if aux else verb_start
    m = PERSON_SUBJECT.fullmatch(text, start, head_end)
    return (m.start(), m.end()) if m else None


def read_sentences(text: str, spans: Sequence[tuple[int, int]], reader: SentenceReader, titles: Iterable[str] = (),
                   plot: Sequence[tuple[int, int]] = ()) -> Reading:
    """Award rows from the sentences of prose spans, in text order; `titles` are
    the film's own names, which are never a recipient. A sentence of a `plot`
    span (a synopsis, whose tail may speak of the film) is read only when it
    names an event or the film (`Elle reçoit le prix Nobel` is the story)."""
    reading = Reading()
    own = {t.casefold() for t in titles if t}
    units = [(a, b, sentences(text, a, b)) for a, b in spans]
    in_plot = {(a, b) for a, b in plot}
    candidates = [(a, b) for ua, ub, sents in units for a, b in sents
                  if is_candidate(text[a:b]) and ((ua, ub) not in in_plot or _about_the_film(text[a:b], own))]
    reader.chars_seen += sum(b - a for a, b in spans)
    verbs = dict(zip(candidates, reader.verbs(text, candidates)))
    for _, _, sents in units:
        for a, b in sents:
            if (a, b) in verbs:
                _read_sentence(text, a, b, verbs[(a, b)], own, reading)
            year = _last_year(text[a:b])
            if year:
                reading.last_year = year
    return reading


def _about_the_film(sentence: str, own: set[str]) -> bool:
    folded = sentence.casefold()
    return bool(event_start_pattern().search(sentence) or section_pattern().search(sentence)
                or FILM_WORD.search(sentence) or any(t in folded for t in own))


def _last_year(sentence: str) -> int | None:
    years = YEAR_ALONE.findall(sentence)
    return int(years[-1]) if years else None


def _read_sentence(text: str, a: int, b: int, verbs: list[VerbReading], own: set[str], reading: Reading) -> None:
    verbs = [v for v in verbs if not _attached_participle(text, a, b, v)]
    live = [v for v in verbs if not v.negated]
    if not live:
        return
    # Before the first verb: an event anywhere (`Le jury du Festival de Berlin lui décerne`),
    # a year only in a setting that opens the sentence (`En 1995,`), not in `sorti en 1968, ...`.
    fronted = FRONTED.match(text, a, live[0].start)
    lead, _ = _scan(text, a, live[0].start, reading.last_year)
    earlier = [i for i in lead if i.kind == "event" or (i.kind == "year" and fronted and i.end <= fronted.end())]
    understood = True
    stated = False
    joined: list[VerbReading] = []  # verbs coordinated with the next one (`sélectionné et présenté`)
    found: list[Award] = []
    for i, verb in enumerate(verbs):
        if verb.negated:
            continue
        nxt = verbs[i + 1].start if i + 1 < len(verbs) else b
        stop = CLAUSE_STOP.search(text, verb.end, nxt)
        while stop and stop.group().rstrip().endswith("puis") and _prize_start().match(text, stop.end() + 1, nxt):
            stop = CLAUSE_STOP.search(text, stop.end(), nxt)  # `le prix X, puis le prix Y`: the same verb goes on
        end = stop.start() if stop else nxt
        pos, recipient = verb.end, _person(text, *verb.subject) if verb.subject else None
        if dative := DATIVE.match(text, pos, end):
            recipient = (dative.group("who"), dative.start("who"), dative.end("who"))
            pos = dative.end()
        if verb.outcome == "selected" and CAST_FOR.match(text, verb.end, end):
            continue  # `sélectionnée pour le rôle de`: a casting, not a festival
        items, submitted = _scan(text, pos, end, reading.last_year)
        if not items and not text[verb.end:end].strip(" ,et"):
            joined.append(verb)  # `sélectionné et présenté en compétition`: the next verb's complement serves both
            continue
        outcome = next(filter(None, (_outcome(v, items, submitted, verb.start) for v in [verb, *joined])), None)
        joined = []
        named = any(it.kind in ("prize", "section") for it in items)
        says_award = named or any(it.kind == "count" for it in items) or (
            verb.lemma in AWARDED_ALONE and any(it.kind == "event" for it in items)) or any(
            not POSSESSIVE.search(text, verb.end, m.start()) for m in _trigger_words().finditer(text, verb.end, end))
        stated = stated or says_award
        if outcome is None:
            earlier.extend(i for i in items if i.kind in ("event", "year"))
            continue
        if says_award and (not named or any(not it.whole for it in items)):
            understood = False
        for item in items:
            if item.kind in ("prize", "section") and item.whole and recipient and not item.recipients:
                item.recipients = [recipient]
        if named:
            rows = _rows(items, outcome, own, earlier)
            understood = understood and bool(rows)
            found.extend(rows)
        earlier.extend(i for i in items if i.kind in ("event", "year"))
    whole = _with_events(found)
    understood = understood and len(whole) == len(found)
    reading.rows.extend(whole)
    if stated and not understood:
        reading.unread.append((a, b))


def _with_events(rows: list[Award]) -> list[Award]:
    """A row with no event, edition or year takes the one event the sentence's other
    rows name (`Il obtient le prix X, puis il remporte le prix Y au Festival Z 2004`);
    with none or several, it is no whole row."""
    events = {(r.event, r.edition, r.year) for r in rows if r.event or r.edition or r.year}
    kept = []
    for row in rows:
        if not (row.event or row.edition or row.year):
            if len(events) != 1:
                continue
            event, edition, year = next(iter(events))
            row = dataclasses.replace(row, event=event, edition=edition, year=year)
        kept.append(row)
    return kept


def _attached_participle(text: str, a: int, b: int, verb: VerbReading) -> bool:
    """`le prix X, décerné à Y`: a participle that describes the prize before it, no verb of its own."""
    return bool(PARTICIPLE.match(text, verb.start, b)) and not AUXILIARY_OR_PRONOUN.search(text, a, verb.start)


def _outcome(verb: VerbReading, items: list[Item], submitted: bool, at: int) -> str | None:
    """The verb's outcome, unless what follows shows it states no award (`présenté au festival`, `nommé directeur`).
    `sélectionné au Festival X` with no section named is a selection with category `sélection`, read at the verb."""
    if submitted:
        return "submitted"
    if verb.lemma in SECTION_ONLY and not any(i.kind == "section" for i in items):
        return None  # shown or chosen, but not said to be in competition or submitted
    if verb.outcome == "selected" and not any(i.kind in ("section", "prize") for i in items) and any(i.kind == "event" for i in items):
        items.insert(0, Item("section", at, at, category="sélection", source=(verb.start, verb.end)))
    if verb.outcome == "nominated" and not any(i.kind in ("prize", "section") for i in items):
        return None
    return verb.outcome


def _scan(text: str, pos: int, end: int, context_year: int | None) -> tuple[list[Item], bool]:
    """The prizes, sections, events and years of text[pos:end], and whether it says `pour représenter`."""
    items: list[Item] = []
    submitted = False
    anaphor_head = ""
    noun_outcome = ""  # `deux nominations aux Magritte, dont ...`: the prizes that follow are nominations
    while pos < end:
        skip = SKIP.match(text, pos, end)
        if skip and skip.end() > pos:
            pos = skip.end()
            continue
        if m := SUBMISSION.match(text, pos, end):
            submitted = True
            pos = m.end()
            continue
        if m := YEAR_ITEM.match(text, pos, end):
            year = int(m.group("year")) if m.group("year") else None
            if context_year and (m.group("same") or m.group("next") or m.group("prev")):
                year = context_year + (1 if m.group("next") else -1 if m.group("prev") else 0)
            if year:
                items.append(Item("year", m.start(), m.end(), year=year))
            pos = m.end()
            continue
        if m := (NAMED_SECTION.match(text, pos, end) or _section(text, pos, end)):
            span = m.span("name") if "name" in m.groupdict() else m.span()
            cat = clean_span(text, *span)
            if cat:
                items.append(Item("section", m.start(), m.end(), category=cat.value, source=(cat.start, cat.end)))
            pos = m.end()
            continue
        if m := (ROLE.match(text, pos, end) or PARTICIPLE.match(text, pos, end) or PARENTHESIS.match(text, pos, end)):
            given = GIVEN_TO.match(text, m.start(), m.end())
            if given and (last := next((i for i in reversed(items) if i.kind == "prize" and i.whole), None)) and not last.recipients:
                who = clean_span(text, *given.span("who"))  # `le prix X, attribué à Y`
                last.recipients = [(who.value, who.start, who.end)] if who else []
            pos = m.end()
            continue
        if (event := _event(text, pos, end)) is not None:
            items.append(event)
            pos = event.end
            continue
        if m := NOMINATION_NOUN.match(text, pos, end):
            noun_outcome = "nominated"
            items.append(Item("count", m.start(), m.end(), whole=False))
            pos = m.end()
            continue
        if m := QUANT_ITEM.match(text, pos, end):
            noun = m.group("noun").lower()
            anaphor_head = ceremony_prizes().get(noun, "") or ("Prix" if noun == "prix" else "")
            items.append(Item("count", m.start(), m.end(), whole=False))
            pos = m.end()
            continue
        m = ANAPHOR.match(text, pos, end)
        if m and not anaphor_head:
            anaphor_head = next((ceremony_prizes().get(i.event.name.casefold(), "") for i in reversed(items) if i.kind == "event"), "")
        if m and anaphor_head:
            items = [i for i in items if i.kind != "count"]
            items.extend(_anaphora(text, m.end(), end, anaphor_head))
            pos = items[-1].end if items and items[-1].start >= m.end() else m.end()
            continue
        if m := DONT.match(text, pos, end):
            items = [i for i in items if i.kind != "count"]
            pos = m.end()
            continue
        if (m := ANAPHOR_ALONE.match(text, pos, end)) and (last := next((i for i in reversed(items) if i.kind == "prize" and i.category), None)):
            items.extend(_anaphora(text, m.end(), end, last.category.split()[0])[:1])
            pos = items[-1].end if items[-1].start >= m.end() else m.end()
            continue
        if m := APPOSITION.match(text, pos, end):
            pos = m.end()
            continue
        if (m := EX_AEQUO_WITH.match(text, pos, end)) and (last := next((i for i in reversed(items) if i.kind == "prize"), None)):
            last.ex_aequo = True  # `le prix du jury, ex aequo avec Yeelen`: the other winner is no recipient of this film's prize
            pos = m.end()
            continue
        if _prize_start().match(text, pos, end) and not POSSESSIVE.search(text, max(0, pos - 8), pos):
            items.append(_prize(text, pos, end))
            pos = items[-1].end
            continue
        word = NEXT_WORD.match(text, pos, end)
        pos = word.end() if word else end
    if noun_outcome:
        for item in items:
            if item.kind == "prize":
                item.outcome = noun_outcome
    counts = [i for i in items if i.kind == "count"]
    if counts and any(i.kind == "prize" and i.start > counts[-1].start for i in items):
        items = [i for i in items if i.kind != "count"]  # `deux prix : le prix du public et le prix du jury`
    return items, submitted


def _anaphora(text: str, pos: int, end: int, head: str) -> list[Item]:
    """`dont ceux du meilleur film et du meilleur acteur` after `quatre Césars` -> `César du meilleur film`, `César du meilleur acteur`;
    `pour X` after a piece names that piece's recipient."""
    items = []
    while (p := ANAPHOR_PIECE.match(text, pos, end)) is not None:
        piece, persons, _ = _category(text, p.start(), p.end())
        if piece:
            items.append(Item("prize", piece.start, piece.end, category=f"{head} {piece.value}",
                              recipients=[(w.value, w.start, w.end) for w in persons],
                              whole=_is_name(piece.value), source=(piece.start, piece.end)))
        pos = p.end()
        sep = PIECE_JOINT.match(text[pos:end])
        if not sep:
            break
        pos += sep.end()
    return items


def _section(text: str, pos: int, end: int) -> regex.Match | None:
    intro = SECTION_INTRO.match(text, pos, end)
    at = intro.end() if intro else pos
    m = section_pattern().match(text, at, end)
    if m is None or (intro is None or intro.end() == pos) and not m.group().lower().startswith("hors"):
        return None
    return m


def _event(text: str, pos: int, end: int) -> Item | None:
    intro = EVENT_INTRO.match(text, pos, end)
    if intro is None:
        return None
    at = intro.end()
    edition = EDITION.match(text, at, end)
    # `5e édition du`: the event's name follows; `5e festival de Namur` is no whole name once its edition is cut.
    counted = edition is not None and edition.group("of") is not None and edition.group("noun").casefold() != "festival"
    name_at = edition.end() if counted else at
    by_prize = text[intro.start():intro.end()].strip().lower() == "aux" and ceremony_prize_pattern().match(text, name_at, end)
    if event_start_pattern().match(text, name_at, end) is None and not counted and not by_prize:
        if text[intro.start():intro.end()].strip().lower() == "à" and (city := CITY.match(text, at, end)):
            return Item("event", pos, city.end(), event=Event(city.group("city")))
        return None
    stop = EVENT_END.search(text, name_at, end)
    b = stop.start() if stop else end
    year_after = YEAR_AFTER_EVENT.match(text[b:end])
    event = parse_event(text, at, b)
    event.name = CEREMONY_HEAD.sub("", event.name)
    whole = bool(event.name) and _is_name(event.name, MAX_EVENT_WORDS) and not _bare_head(event.name)
    if year_after and event.year is None:
        event.year = int(year_after.group(1))
        b += year_after.end()
    return Item("event", pos, b, event=event, year=event.year, whole=whole)


def _bare_head(name: str) -> bool:
    """`au festival` alone names no event."""
    return name.casefold() in _heads()


@cache
def _heads() -> frozenset[str]:
    return frozenset(n.name for n in names_of(EventWordKind.HEAD))


def _prize(text: str, pos: int, end: int) -> Item:
    stop = PRIZE_END.search(text, pos + 1, end)
    b = stop.start() if stop else end
    for et in AND.finditer(text[pos:b]):
        if _prize_start().match(text, pos + et.end(), b):
            b = pos + et.start()
            break
    span, persons, ex_aequo = _category(text, pos, b)
    if span is None:
        return Item("prize", pos, b, whole=False)
    return Item("prize", pos, b, category=span.value, recipients=[(p.value, p.start, p.end) for p in persons],
                ex_aequo=ex_aequo, whole=_is_name(span.value) and bool(_prize_start().match(span.value)), source=(span.start, span.end))


def _is_name(value: str, limit: int = MAX_CATEGORY_WORDS) -> bool:
    """A prize or event name, not a clause: short, no verb, no sentence punctuation."""
    return 0 < len(value.split()) <= limit and not verb_form_pattern().search(value) and not CLAUSE_MARK.search(value)


def _person(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    span = clean_span(text, a, b)
    if span is None or span.value.casefold() in PRONOUNS:
        return None
    if PERSON_SUBJECT.fullmatch(span.value) and len(span.value.split()) >= 2:
        return span.value, span.start, span.end
    return None


def _rows(items: list[Item], outcome: str, own: set[str], earlier: list[Item]) -> list[Award]:
    """One row per whole prize and recipient, with the event and year that go with it."""
    prizes = [i for i in items if i.kind in ("prize", "section")]
    rows: list[Award] = []
    for n, prize in enumerate(prizes):
        if not prize.whole or not prize.category:
            continue
        limit = prizes[n + 1].start if n + 1 < len(prizes) else len(prize.category) + prize.end + 10**9
        ceremony = ceremony_prizes().get(prize.category.split()[0].casefold())
        event = _event_of(prize, limit, ceremony, items, earlier)
        if (event is not None and not event.whole) or (prize.kind == "section" and event is None):
            continue
        year = event.year if event else None
        if year is None:
            years = [i for i in items if i.kind == "year"]
            ordered = ([y for y in years if prize.start < y.start < limit] + [y for y in years if y.start > prize.start]
                       + [y for y in years if y.start < prize.start][::-1] + [i for i in earlier if i.kind == "year"][::-1])
            year = ordered[0].year if ordered else None
        source = prize.source or (prize.start, prize.end)
        category = Span(source[0], source[1], prize.category)
        said = Event(event.event.name, event.event.edition, year) if event else Event(ceremony or "", None, year)
        for who in prize.recipients or [None]:
            person = Span(who[1], who[2], who[0]) if who and who[0].casefold() not in own else None
            rows.append(_award(said, category, prize.outcome or outcome, person, prize.ex_aequo))
    return rows


def _event_of(prize: Item, limit: int, ceremony: str | None, items: list[Item], earlier: list[Item]) -> Item | None:
    """The event after the prize and before the next one; for a ceremony's prize, that
    ceremony named earlier or none; else the clause's next event (`le Prix X et le
    Prix Y au Festival Z`), else the nearest earlier one (`Au Festival Z, il remporte`)."""
    events = [i for i in items if i.kind == "event"]
    own = [e for e in events if prize.start < e.start < limit]
    if own:
        return own[0]
    prior = [e for e in events if e.start < prize.start][::-1] + [e for e in earlier if e.kind == "event"][::-1]
    if ceremony:
        return next((e for e in prior if ceremony.casefold() in e.event.name.casefold()), None)
    later = [e for e in events if e.start > prize.start]
    return later[0] if later else prior[0] if prior else None
