"""Split a document into film and person sections, and each section into blocks.

Sections start at opening sentences (see `intros`). Inside a section every
logical line is classified (heading, field, row, prose, furniture...) and
consecutive lines of one kind form blocks: intro, infobox, synopsis, fiche,
distribution, awards, biography, other. A film whose section starts with its
synopsis and names its title only in its fiche shows up as a second fiche
after prose inside one section; the section is split there.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.model import Block, Document, Section, Span, Unit
from pipeline.text.clean import EDIT_LINK, clean_span
from pipeline.text.fields import label_targets, parse_colon, parse_flat, parse_row
from pipeline.text.intros import Intro, find_intros
from pipeline.vocab import furniture, headings, norm_label

PROSE_MIN_WORDS = 8
# A fiche value glued to the next article's prose: `13 avril 2005Amine Bertale est un flic`.
YEAR_GLUE = regex.compile(r"(?<=\b(?:1[89]|20)\d\d)(?=\p{Lu}\p{Ll})")
STRUCTURED = frozenset({"fiche", "infobox", "distribution", "awards"})


@cache
def _heading_glue() -> regex.Pattern[str]:
    """A heading glued to what follows: `BiographieFils de...`, `Synopsis[modifier]Durant...`."""
    forms = sorted((h for h in headings()), key=len, reverse=True)
    alternatives = "|".join(regex.escape(h) for h in forms)
    return regex.compile(
        rf"(?:^[ \t]*|(?<=[.!?][ \t]?))(?:{alternatives})(?:[ \t]*\[\s*modifier[^\]\n]*\](?=\S)|(?=\p{{Lu}}\p{{Ll}}))",
        regex.IGNORECASE | regex.MULTILINE,
    )


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of text[start:end], cut further where a heading or a year is glued to text."""
    pieces: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        a = pos
        for m in _heading_glue().finditer(text, a, line_end):
            if not text[m.start()].isupper() and m.start() > pos and text[m.start()] not in " \t":
                continue
            if m.start() > a:
                pieces.append((a, m.start()))
            pieces.append((m.start(), m.end()))
            a = m.end()
        for g in YEAR_GLUE.finditer(text, a, line_end):
            if len(text[g.start():line_end].split()) >= PROSE_MIN_WORDS:
                pieces.append((a, g.start()))
                a = g.start()
                break
        pieces.append((a, line_end))
        pos = line_end + 1
    return pieces


HEADING_TRIM = " \t:;,.|-–—"


def heading_kind(value: str) -> str:
    """The block kind a heading line (already cleaned) opens, or ''."""
    return headings().get(norm_label(value.strip(HEADING_TRIM)), "")


def is_furniture(value: str) -> bool:
    return bool(furniture().fullmatch(value.strip()))


LOWER_WORD = regex.compile(r"(?<![\p{L}'’])\p{Ll}{3,}")


def is_prose(value: str) -> bool:
    """Running text: enough words, several of them lower-case (a list of names is not prose)."""
    words = value.split()
    lower = len(LOWER_WORD.findall(value))
    return (len(words) >= PROSE_MIN_WORDS and lower >= 3) or (len(words) >= 5 and lower >= 2 and value.rstrip().endswith("."))


def classify(text: str, start: int, end: int) -> Unit:
    """What one logical line is, out of context."""
    raw = text[start:end]
    if not raw.strip():
        return Unit(start, end, "blank")
    cleaned = clean_span(text, start, end, trim=frozenset(" \t\u00a0\u202f"))
    if cleaned is None or is_furniture(cleaned.value) or is_furniture(raw):
        return Unit(start, end, "furniture")
    kind = heading_kind(cleaned.value)
    if kind:
        return Unit(start, end, "heading", kind)
    row = parse_row(text, start, end)
    if row:
        return Unit(start, end, "row", field=row)
    if raw.rstrip().endswith("|") and not EDIT_LINK.search(raw):
        return Unit(start, end, "item")
    colon = parse_colon(text, start, end)
    if colon:
        return Unit(start, end, "field" if label_targets(colon.label.value) else "pair", field=colon)
    flat = parse_flat(text, start, end)
    if flat and not is_prose(cleaned.value):
        return Unit(start, end, "flat", field=flat)
    if is_prose(cleaned.value):
        return Unit(start, end, "prose")
    return Unit(start, end, "item")


def _blocks(text: str, units: list[Unit], first_kind: str) -> list[Block]:
    """Group classified units into blocks, following headings."""

    def text_of(unit: Unit) -> str:
        return text[unit.start:unit.end]

    blocks: list[Block] = []
    mode = first_kind

    def add(kind: str, unit: Unit) -> None:
        if blocks and blocks[-1].kind == kind:
            blocks[-1].units.append(unit)
        else:
            blocks.append(Block(kind, [unit]))

    for unit in units:
        if unit.kind in ("blank", "furniture"):
            continue
        if unit.kind == "heading":
            mode = unit.heading
            blocks.append(Block(mode, [unit]))
            continue
        if mode in ("distribution", "awards"):
            if mode == "distribution" and unit.kind == "prose" and len(text_of(unit).split()) > 20 and " : " not in text_of(unit):
                mode = "other"
            add(mode, unit)
            continue
        if unit.kind == "pair":
            if mode in ("fiche", "infobox"):
                add("fiche", unit)
                continue
            unit.kind = "prose"
        if unit.kind in ("row", "flat"):
            add("infobox", unit)
            continue
        if unit.kind == "field":
            add("fiche", unit)
            if mode in ("intro", "synopsis", "biography", "other", "infobox"):
                mode = "fiche"
            continue
        if unit.kind == "item":
            if blocks and blocks[-1].kind in ("fiche", "infobox"):
                blocks[-1].units.append(unit)
                continue
            add(mode if mode not in ("fiche", "infobox") else "other", unit)
            continue
        # prose: a note right under a fiche heading stays in the fiche
        if mode == "fiche" and blocks and blocks[-1].kind == "fiche" and all(u.kind in ("heading", "prose") for u in blocks[-1].units):
            blocks[-1].units.append(unit)
            continue
        if mode in ("fiche", "infobox"):
            mode = "synopsis"
        add(mode, unit)
    return blocks


def _opens_with_title(block: Block) -> bool:
    field = block.units[0].field
    return field is not None and any(t.kind == "title" for _, t in label_targets(field.label.value))


def _split_on_second_fiche(text: str, section: Section) -> list[Section]:
    """A second fiche after prose inside one film section starts a new, untitled film."""
    if section.kind != "film":
        return [section]
    seen_fiche = False
    for i, block in enumerate(section.blocks):
        if block.kind != "fiche" or not any(u.kind in ("field", "pair") for u in block.units):
            continue
        if not seen_fiche:
            seen_fiche = True
            continue
        if not (block.units[0].kind == "heading" or _opens_with_title(block)):
            continue
        j = i
        while j > 0 and section.blocks[j - 1].kind not in STRUCTURED:
            j -= 1
        cut = section.blocks[j].start
        head = Section(section.kind, section.start, cut, section.title, section.intro_end, section.title_paren, section.blocks[:j])
        tail = Section("film", cut, section.end, blocks=section.blocks[j:])
        return [head, *_split_on_second_fiche(text, tail)]
    return [section]


def segment(doc: Document) -> list[Section]:
    """Sections of a document, in text order, each with its blocks."""
    text = doc.text
    intros = find_intros(text)
    bounds: list[tuple[int, int, Intro | None]] = []
    starts = [i.title.start for i in intros]
    if not intros:
        bounds.append((0, len(text), None))
    for k, intro in enumerate(intros):
        a = 0 if k == 0 else starts[k]
        b = starts[k + 1] if k + 1 < len(intros) else len(text)
        bounds.append((a, b, intro))
    sections: list[Section] = []
    for a, b, intro in bounds:
        units = [classify(text, s, e) for s, e in _line_pieces(text, a, b)]
        if intro is None:
            blocks = _blocks(text, units, "other")
            kind = "film"
            title: Span | None = None
            intro_end = None
        else:
            pre = [u for u in units if u.end <= intro.title.start]
            body = [u for u in units if u.end > intro.title.start]
            blocks = _blocks(text, pre, "other")
            intro_unit = [u for u in body if u.start < intro.sentence_end]
            rest = [u for u in body if u.start >= intro.sentence_end]
            for u in intro_unit:
                u.kind = "prose"
            blocks.append(Block("intro", intro_unit))
            blocks.extend(_blocks(text, rest, "biography" if intro.kind == "person" else "synopsis"))
            kind, title, intro_end = intro.kind, intro.title, intro.sentence_end
        paren = intro.paren if intro else None
        section = Section(kind, a, b, title, intro_end, paren, [blk for blk in blocks if blk.units])
        if intro is None and not any(blk.kind in ("fiche", "infobox") for blk in section.blocks):
            continue
        sections.extend(_split_on_second_fiche(text, section))
    return sections
