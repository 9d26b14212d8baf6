"""Split a document into film and person sections, and each section into blocks.

Sections start at opening sentences (see `intros`). Inside a section every
logical line is classified (heading, field, row, prose, furniture...) and
consecutive lines of one kind form blocks: intro, infobox, synopsis, fiche,
distribution, awards, biography, production, other, notes (a whole article's
sections after its opening each open a block of the kind their heading names). A film whose section starts with its
synopsis and names its title only in its fiche shows up as a second fiche
after prose inside one section; the section is split there.
"""

from __future__ import annotations

import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from itertools import islice

import regex

from pipeline.model import Block, BlockKind, Document, Section, SectionKind, Span, TargetKind, Unit, UnitKind
from pipeline.text.alternation import alternation
from pipeline.text.clean import EDIT_BRACKET, EDIT_LINK, clean_span
from pipeline.text.fields import label_targets, parse_colon, parse_flat, parse_row
from pipeline.text.flat_infobox import MIN_LABELS, flat_fields, furniture_tail, label_starts
from pipeline.text.intros import Intro, find_intros
from pipeline.text.normalize import fold_key
from pipeline.vocab import headings, is_furniture

PROSE_MIN_WORDS = 8
# A fiche value glued to the next article's prose: `2 mars 2011Samir Haddad est un docker`.
WORD_START = regex.compile(r"(?<!\S)\S")
YEAR_GLUE = regex.compile(r"(?<=\b(?:1[89]|20)\d\d)(?=\p{Lu}\p{Ll})")
STRUCTURED = frozenset({BlockKind.FICHE, BlockKind.INFOBOX, BlockKind.DISTRIBUTION, BlockKind.AWARDS})


# What follows a glued heading: its edit link then text, or a capitalised word.
GLUED_TO = rf"(?:[ \t]*{EDIT_BRACKET}(?=\S)|(?=\p{{Lu}}\p{{Ll}}))"


@cache
def _heading_forms() -> str:
    return alternation(headings())


@cache
def _heading_glue() -> regex.Pattern[str]:
    """A heading glued to what follows: `BiographieFils de...`, `Synopsis[modifier]Durant...`."""
    return regex.compile(rf"(?:^[ \t]*|(?<=[.!?][ \t]?))(?:{_heading_forms()}){GLUED_TO}",
                         regex.IGNORECASE | regex.MULTILINE)


@cache
def _heading_after_break() -> regex.Pattern[str]:
    """A glued heading with the line break or sentence stop before it: searched for over a
    section, it skips from break to break where `_heading_glue` tries every position of a line."""
    return regex.compile(rf"(?:\n[ \t]*|[.!?][ \t]?)(?:{_heading_forms()}){GLUED_TO}", regex.IGNORECASE)


def _lines_run_over(text: str, start: int, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The starts of the lines of text[start:] that the spans touch."""
    lines: set[int] = set()
    for a, b in spans:
        line = max(text.rfind("\n", 0, a) + 1, start)
        lines.add(line)
        nl = text.find("\n", line, b)
        while nl != -1:
            lines.add(nl + 1)
            nl = text.find("\n", nl + 1, b)
    return lines


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of text[start:end], cut further where a heading or a year is glued to text.
    Only the lines a search over the whole range finds one on are read line by line
    (and the first, whose glued heading may follow a stop before the range)."""
    headed = _lines_run_over(text, start, (m.span() for m in _heading_after_break().finditer(text, start, end)))
    headed.add(start)
    dated = _lines_run_over(text, start, (m.span() for m in YEAR_GLUE.finditer(text, start, end)))
    pieces: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        a = pos
        for m in _heading_glue().finditer(text, a, line_end) if pos in headed else ():
            if not text[m.start()].isupper() and m.start() > pos and text[m.start()] not in " \t":
                continue
            if m.start() > a:
                pieces.append((a, m.start()))
            pieces.append((m.start(), m.end()))
            a = m.end()
        word_starts: list[int] | None = None  # counted once per line, not once per glued year
        for g in YEAR_GLUE.finditer(text, a, line_end) if pos in dated else ():
            if word_starts is None:
                word_starts = [w.start() for w in WORD_START.finditer(text, a, line_end)]
            if 1 + len(word_starts) - bisect_right(word_starts, g.start()) >= PROSE_MIN_WORDS:  # words of text[g:line_end]
                pieces.append((a, g.start()))
                a = g.start()
                break
        pieces.append((a, line_end))
        pos = line_end + 1
    return pieces


def _cut_flat_runs(text: str, pieces: list[tuple[int, int]], title_starts: list[int]) -> tuple[list[tuple[int, int]], set[int]]:
    """Cut a line holding a flattened infobox before each label, and before the
    furniture or opening sentence glued after its last value. Returns the pieces
    and the starts of those that are fields."""
    out: list[tuple[int, int]] = []
    fields_at: set[int] = set()
    labels = label_starts(text, pieces[0][0], pieces[-1][1]) if pieces else []
    for a, b in pieces:
        if bisect_left(labels, b) - bisect_left(labels, a) < MIN_LABELS:
            out.append((a, b))
            continue
        stop = next((t for t in title_starts if a < t < b), b)
        fields = flat_fields(text, a, stop)
        if not fields:
            out.append((a, b))
            continue
        if text[a:fields[0]].strip():
            out.append((a, fields[0]))
        for k, field_start in enumerate(fields):
            field_end = fields[k + 1] if k + 1 < len(fields) else stop
            tail = furniture_tail(text, field_start, field_end) if k + 1 == len(fields) else None
            out.append((field_start, tail or field_end))
            if tail:
                out.append((tail, field_end))
        fields_at.update(fields)
        if stop < b:
            out.append((stop, b))
    return out, fields_at


def _unit(text: str, start: int, end: int, fields_at: set[int]) -> Unit:
    flat = parse_flat(text, start, end) if start in fields_at else None
    return Unit(start, end, UnitKind.FLAT, field=flat) if flat else classify(text, start, end)


HEADING_TRIM = " \t:;,.|-–—"


# fold_key keeps each visible ASCII character but the hyphen as one character: itself
# (lower-cased, ` as '), or a composed one for a letter or < = > before a combining mark.
NOT_KEPT_BY_FOLD = bytes(range(0x21)) + b"-\x7f"


@cache
def _heading_ascii() -> tuple[int, bytes]:
    """The length of the longest heading, and the visible ASCII characters a line may hold and fold to one."""
    keys = headings()
    used = "".join(sorted({c for key in keys for c in key if c.isascii()}))
    return max(map(len, keys), default=0), (string.ascii_letters + "<=>'`" + used).encode()


def heading_kind(value: str) -> BlockKind | None:
    """The block kind a heading line (already cleaned) opens, if it is a heading.
    Most lines are not folded: they hold more kept characters than the longest
    heading, or one no heading has (a digit, a colon)."""
    trimmed = value.strip(HEADING_TRIM)
    longest, possible = _heading_ascii()
    visible = trimmed.encode("ascii", "ignore").translate(None, NOT_KEPT_BY_FOLD)
    if len(visible) > longest or visible.translate(None, possible):
        return None
    return headings().get(fold_key(trimmed))


LOWER_WORD = regex.compile(r"(?<![\p{L}'’])\p{Ll}{3,}")


def is_prose(value: str) -> bool:
    """Running text: enough words, several of them lower-case (a list of names is not prose)."""
    words = len(value.split())
    if words < 5:
        return False
    lower = sum(1 for _ in islice(LOWER_WORD.finditer(value), 3))  # neither test asks for more than three
    return (words >= PROSE_MIN_WORDS and lower >= 3) or (lower >= 2 and value.rstrip().endswith("."))


def _blank(text: str, start: int, end: int, cleaned: Span | None) -> Unit | None:
    return Unit(start, end, UnitKind.BLANK) if not text[start:end].strip() else None


def _furniture(text: str, start: int, end: int, cleaned: Span | None) -> Unit | None:
    """Furniture read as cleaned, or as written when cleaning changed the line."""
    if cleaned is None:
        return Unit(start, end, UnitKind.FURNITURE)
    value, raw = cleaned.value.strip(), text[start:end].strip()
    if is_furniture(value) or (raw != value and is_furniture(raw)):
        return Unit(start, end, UnitKind.FURNITURE)
    return None


def _heading(text: str, start: int, end: int, cleaned: Span) -> Unit | None:
    """A heading line; a Production sub-heading that is also a fiche label
    (`Production`, `Musique`) keeps that label, which it is inside a fiche."""
    kind = heading_kind(cleaned.value)
    if not kind:
        return None
    label = parse_flat(text, start, end) if kind is BlockKind.PRODUCTION else None
    if label is not None and parse_row(text, start, end):
        return None
    return Unit(start, end, UnitKind.HEADING, kind, field=label)


def _row(text: str, start: int, end: int, cleaned: Span) -> Unit | None:
    row = parse_row(text, start, end)
    return Unit(start, end, UnitKind.ROW, field=row) if row else None


def _bar_item(text: str, start: int, end: int, cleaned: Span) -> Unit | None:
    """A line ending in a cell bar that is no known row: a stray table cell."""
    raw = text[start:end]
    return Unit(start, end, UnitKind.ITEM) if raw.rstrip().endswith("|") and not EDIT_LINK.search(raw) else None


def _colon(text: str, start: int, end: int, cleaned: Span) -> Unit | None:
    colon = parse_colon(text, start, end)
    if colon is None:
        return None
    return Unit(start, end, UnitKind.FIELD if label_targets(colon.label.value) else UnitKind.PAIR, field=colon)


def _flat(text: str, start: int, end: int, cleaned: Span) -> Unit | None:
    flat = parse_flat(text, start, end)
    return Unit(start, end, UnitKind.FLAT, field=flat) if flat and not is_prose(cleaned.value) else None


def _prose(text: str, start: int, end: int, cleaned: Span) -> Unit | None:
    return Unit(start, end, UnitKind.PROSE) if is_prose(cleaned.value) else None


SPACES = frozenset(" \t\u00a0\u202f")
# The order lines are tested in; the first test that answers classifies the line,
# and a line no test takes is an item.
CLASSIFIERS = (_blank, _furniture, _heading, _row, _bar_item, _colon, _flat, _prose)


def classify(text: str, start: int, end: int) -> Unit:
    """What one logical line is, out of context."""
    cleaned = clean_span(text, start, end, trim=SPACES) if text[start:end].strip() else None
    for test in CLASSIFIERS:
        unit = test(text, start, end, cleaned)
        if unit is not None:
            return unit
    return Unit(start, end, UnitKind.ITEM)


class Act(Enum):
    """What the block builder does with a line."""

    SKIP = "skip"
    OPEN = "open"  # a heading: a new block of the kind it names, which becomes the mode
    ADD = "add"  # into a block of the rule's kind (the mode when None), joining the last block if the same kind
    JOIN_LAST = "join last"  # into the last block, whatever its kind


@dataclass(frozen=True)
class Rule:
    """One row of the block table: for lines of `kinds` met in one of `modes`
    (any mode when empty), and when `test` holds, do `act`."""

    why: str
    kinds: frozenset[UnitKind]
    act: Act
    modes: frozenset[BlockKind] = frozenset()
    block: BlockKind | None = None  # the block ADD puts the line in; None: the mode's
    mode: BlockKind | None = None  # the mode after the line; None: unchanged
    read_as: UnitKind | None = None  # the line is read as this kind inside its block
    test: Callable[[Context], bool] | None = None


@dataclass(frozen=True)
class Context:
    text: str
    unit: Unit
    last: tuple[BlockKind, list[Unit]] | None  # the block being built


def _long_prose(c: Context) -> bool:
    """A paragraph of over 20 words with no ` : ` in it is no longer a cast line."""
    line = c.text[c.unit.start:c.unit.end]
    return len(line.split()) > 20 and " : " not in line


def _after_structured(c: Context) -> bool:
    return c.last is not None and c.last[0] in (BlockKind.FICHE, BlockKind.INFOBOX)


def _label_heading(c: Context) -> bool:
    return c.unit.field is not None and c.last is not None and c.last[0] in FICHE_MODES


def _note_under_fiche_heading(c: Context) -> bool:
    return c.last is not None and c.last[0] is BlockKind.FICHE and all(
        u.kind in (UnitKind.HEADING, UnitKind.PROSE) for u in c.last[1])


K = UnitKind
B = BlockKind
FICHE_MODES = frozenset({B.FICHE, B.INFOBOX})
TEXT = frozenset({K.PROSE, K.PAIR})

# The block table, read top to bottom: the first rule that fits a line decides.
BLOCK_RULES: tuple[Rule, ...] = (
    Rule("blank lines and page furniture belong to no block", frozenset({K.BLANK, K.FURNITURE}), Act.SKIP),
    Rule("a heading that is also a fiche label (`Production`, `Musique`) is that label inside a fiche or infobox",
         frozenset({K.HEADING}), Act.JOIN_LAST, read_as=K.FLAT, test=_label_heading),
    Rule("a heading opens a block of its kind", frozenset({K.HEADING}), Act.OPEN),
    Rule("a long paragraph ends a cast list", frozenset({K.PROSE}), Act.ADD, frozenset({B.DISTRIBUTION}),
         block=B.OTHER, mode=B.OTHER, test=_long_prose),
    Rule("every other line under a cast or awards heading is one of its lines", frozenset(K), Act.ADD,
         frozenset({B.DISTRIBUTION, B.AWARDS})),
    Rule("an unknown label inside a fiche or infobox is a fiche line", frozenset({K.PAIR}), Act.ADD, FICHE_MODES,
         block=B.FICHE),
    Rule("a table row or a flat `Label value` line is an infobox line", frozenset({K.ROW, K.FLAT}), Act.ADD,
         block=B.INFOBOX),
    Rule("a known label is a fiche line, and what follows is read as fiche", frozenset({K.FIELD}), Act.ADD,
         block=B.FICHE, mode=B.FICHE),
    Rule("an item right after a fiche or infobox line continues it", frozenset({K.ITEM}), Act.JOIN_LAST,
         test=_after_structured),
    Rule("an item under a fiche heading after other blocks is set apart", frozenset({K.ITEM}), Act.ADD, FICHE_MODES,
         block=B.OTHER),
    Rule("an item elsewhere belongs to the mode's block", frozenset({K.ITEM}), Act.ADD),
    Rule("a note right under a fiche heading stays in the fiche", TEXT, Act.JOIN_LAST, frozenset({B.FICHE}),
         read_as=K.PROSE, test=_note_under_fiche_heading),
    Rule("prose after a fiche or infobox starts the synopsis", TEXT, Act.ADD, FICHE_MODES,
         block=B.SYNOPSIS, mode=B.SYNOPSIS, read_as=K.PROSE),
    Rule("prose, and an unknown label outside a fiche, belong to the mode's block", TEXT, Act.ADD, read_as=K.PROSE),
)


# The rows of BLOCK_RULES for each line kind, in table order.
RULES_BY_KIND = {kind: tuple(rule for rule in BLOCK_RULES if kind in rule.kinds) for kind in UnitKind}


def _rule(context: Context, mode: BlockKind) -> Rule:
    for rule in RULES_BY_KIND[context.unit.kind]:
        if (not rule.modes or mode in rule.modes) and (rule.test is None or rule.test(context)):
            return rule
    raise AssertionError(f"no block rule for a {context.unit.kind} line in mode {mode}")


def _blocks(text: str, units: list[Unit], first_kind: BlockKind) -> list[Block]:
    """Group classified units into blocks following BLOCK_RULES; the units are left as they are."""
    built: list[tuple[BlockKind, list[Unit]]] = []
    mode = first_kind
    for unit in units:
        rule = _rule(Context(text, unit, built[-1] if built else None), mode)
        line = replace(unit, kind=rule.read_as) if rule.read_as and unit.kind != rule.read_as else unit
        if rule.act is Act.OPEN:
            assert unit.heading is not None
            mode = unit.heading
            built.append((mode, [unit]))
            continue
        if rule.act is Act.JOIN_LAST:
            built[-1][1].append(line)
        elif rule.act is Act.ADD:
            kind = rule.block or mode
            if built and built[-1][0] is kind:
                built[-1][1].append(line)
            else:
                built.append((kind, [line]))
        mode = rule.mode or mode
    return [Block(kind, tuple(lines)) for kind, lines in built]


def _after_opening(kind: SectionKind, rest: list[Unit]) -> BlockKind:
    """What unheaded paragraphs after the opening sentence are: a biography's text; a film's
    synopsis when no `Synopsis` heading follows (pasted openings run on into the plot), else the
    rest of the lead section (distinctions, release, reception told before the headings)."""
    if kind is SectionKind.PERSON:
        return BlockKind.BIOGRAPHY
    headed = any(u.kind is UnitKind.HEADING and u.heading is BlockKind.SYNOPSIS for u in rest)
    return BlockKind.OTHER if headed else BlockKind.SYNOPSIS


def _opens_with_title(block: Block) -> bool:
    field = block.units[0].field
    return field is not None and any(t.kind is TargetKind.TITLE for _, t in label_targets(field.label.value))


def _split_on_second_fiche(text: str, section: Section) -> list[Section]:
    """A second fiche after prose inside one film section starts a new, untitled film."""
    if section.kind is not SectionKind.FILM:
        return [section]
    seen_fiche = False
    for i, block in enumerate(section.blocks):
        if block.kind is not BlockKind.FICHE or not any(u.kind in (UnitKind.FIELD, UnitKind.PAIR) for u in block.units):
            continue
        if not seen_fiche:
            seen_fiche = True
            continue
        if not (block.units[0].kind is UnitKind.HEADING or _opens_with_title(block)):
            continue
        j = i
        while j > 0 and section.blocks[j - 1].kind not in STRUCTURED:
            j -= 1
        cut = section.blocks[j].start
        head = Section(section.kind, section.start, cut, section.title, section.intro_end, section.title_paren, section.blocks[:j])
        tail = Section(SectionKind.FILM, cut, section.end, blocks=section.blocks[j:])
        return [head, *_split_on_second_fiche(text, tail)]
    return [section]


# `[modifier | modifier le code]`, `modifier`: the edit link every heading of a copied page carries.
EDIT_LINK_LINE = regex.compile(rf"[ \t]*(?:{EDIT_BRACKET}|modifier(?:[ \t]+le[ \t]+code)?)[ \t]*")
EDIT_LINK_END = regex.compile(rf"{EDIT_BRACKET}[ \t]*$")
MAX_HEADING_WORDS = 8


def _edit_linked_headings(text: str, units: list[Unit]) -> list[Unit]:
    """A short line carrying an edit link (on it or alone on the next line) is a heading,
    of the kind headings.json gives it, else an `other` section: a section the
    vocabulary does not know (`Contexte historique`) then never reads as cast lines."""
    marked = list(units)
    following: Unit | None = None  # the next non-blank line, walking backwards
    for k in range(len(units) - 1, -1, -1):
        unit, after = units[k], following
        if unit.kind is not UnitKind.BLANK:
            following = unit
        if unit.kind not in (UnitKind.ITEM, UnitKind.FLAT, UnitKind.FIELD, UnitKind.PAIR, UnitKind.HEADING):
            continue
        if unit.field is not None and unit.field.value is not None and unit.kind is not UnitKind.HEADING:
            continue
        if text.find("modifier", unit.start, unit.end) == -1 and (
                after is None or text.find("modifier", after.start, after.end) == -1):
            continue  # both edit-link patterns spell it out
        linked = EDIT_LINK_END.search(text, unit.start, unit.end) or (
            after is not None and EDIT_LINK_LINE.fullmatch(text, after.start, after.end))
        if not linked:
            continue
        cleaned = clean_span(text, unit.start, unit.end)
        if cleaned is None or len(cleaned.value.split()) > MAX_HEADING_WORDS:
            continue
        marked[k] = Unit(unit.start, unit.end, UnitKind.HEADING, heading_kind(cleaned.value) or BlockKind.OTHER)
    return marked


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
        pieces, fields_at = _cut_flat_runs(text, _line_pieces(text, a, b), starts)
        units = _edit_linked_headings(text, [_unit(text, s, e, fields_at) for s, e in pieces])
        if intro is None:
            blocks = _blocks(text, units, BlockKind.OTHER)
            kind = SectionKind.FILM
            title: Span | None = None
            intro_end = None
        else:
            pre = [u for u in units if u.end <= intro.title.start]
            body = [u for u in units if u.end > intro.title.start]
            blocks = _blocks(text, pre, BlockKind.OTHER)
            opening = tuple(replace(u, kind=UnitKind.PROSE) for u in body if u.start < intro.sentence_end)
            rest = [u for u in body if u.start >= intro.sentence_end]
            blocks.append(Block(BlockKind.INTRO, opening))
            blocks.extend(_blocks(text, rest, _after_opening(intro.kind, rest)))
            kind, title, intro_end = intro.kind, intro.title, intro.sentence_end
        paren = intro.paren if intro else None
        section = Section(kind, a, b, title, intro_end, paren, tuple(blk for blk in blocks if blk.units))
        if intro is None and not section.blocks_of(BlockKind.FICHE, BlockKind.INFOBOX):
            continue
        sections.extend(_split_on_second_fiche(text, section))
    return sections
