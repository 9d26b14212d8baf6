"""The vocabularies kept as data files in `pipeline/data/`, checked when loaded.

Every file has a declared shape (`SPECS`): its columns or keys and a check
for each entry. A line that breaks it (an unknown label target, a repeated
key, a bad regular expression, a key no code reads) stops the load with a
`VocabError` naming the file and the line, rather than being dropped
silently. An overlay folder (`use_overlay`, `extract --vocab DIR`) may hold
files of the same names: their entries are added, and an entry with a key
the package already has replaces it.

Each file is read once per process; a new label or heading is a one-line
change to the data file, not to the code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import regex

from pipeline.model import BlockKind, EventWordKind, TargetKind
from pipeline.schema import OUTCOMES, OUTPUT_TABLES, ROLES
from pipeline.text.alternation import phrase_unit
from pipeline.text.normalize import fold_key

# The films columns (or column groups) a `film:` label target may name.
FILM_TARGETS = frozenset({
    "countries", "languages", "genres", "filming_locations", "duration_min", "budget", "format", "age_rating",
})
FORMAT_KINDS = frozenset({"color", "gauge", "aspect", "later_version"})
# Former states keep their ISO 3166-3 code in countries_fr.tsv and demonyms.tsv.
FORMER_COUNTRIES = frozenset({"SU", "CS", "YU", "DD"})
ISO_639_3 = re.compile(r"[a-z]{3}")
ISO_3166 = re.compile(r"[A-Z]{2}")
ISO_4217 = re.compile(r"[A-Z]{3}")
# How wikitext_templates.tsv may render a template; those with a `:` take parameter names or a text after it.
TEMPLATE_RENDERINGS = frozenset({"empty", "name", "infobox", "arg:", "join:", "paren:", "format:"})
PAGE_KINDS = frozenset({"film", "person"})
ANY_TABLE = "*"  # columns.tsv: the description of a column several tables share


class VocabError(ValueError):
    """A data file that breaks its declared shape; the message names the file and the line."""

    def __init__(self, where: str, line: int | None, message: str) -> None:
        super().__init__(f"{where}, line {line}: {message}" if line else f"{where}: {message}")
        self.where, self.line = where, line


@dataclass(frozen=True)
class Line:
    """One entry of a data file and where it was written."""

    where: str  # the file as shown in messages
    number: int
    cells: tuple[str, ...]

    def fail(self, message: str) -> VocabError:
        return VocabError(self.where, self.number, message)


Check = Callable[[Line], str | None]  # an error message, or None when the entry is good


@dataclass(frozen=True)
class TableSpec:
    """A one-entry-a-line file (`.txt`) or a tab-separated one (`.tsv`); `#` lines are comments."""

    columns: tuple[str, ...]
    required: int = 1  # the first `required` columns must be filled
    key: Callable[[Line], str] = lambda line: line.cells[0]  # entries with one key are one entry
    check: Check | None = None
    header: bool = False  # the first non-comment line names the columns


@dataclass(frozen=True)
class JsonSpec:
    """A JSON object: `lists` map a key to a list of strings, `maps` to an object of strings
    or of lists of strings; `_doc` documents the file; no other key is allowed."""

    lists: frozenset[str] = frozenset()
    maps: frozenset[str] = frozenset()
    any_keys: Callable[[str], str | None] | None = None  # for files whose keys are data (headings, months)
    check: Callable[[dict, Callable[[tuple[str, ...]], int | None], str], None] | None = None


def _one_of(column: int, allowed: frozenset[str], what: str) -> Check:
    def check(line: Line) -> str | None:
        value = line.cells[column] if column < len(line.cells) else ""
        return None if value in allowed else f"unknown {what} {value!r} (known: {', '.join(sorted(allowed))})"
    return check


def _matches(column: int, pattern: re.Pattern[str], what: str, also: frozenset[str] = frozenset()) -> Check:
    def check(line: Line) -> str | None:
        value = line.cells[column]
        return None if pattern.fullmatch(value) or value in also else f"{what} expected, not {value!r}"
    return check


def _known_column(line: Line) -> str | None:
    """A column description names a column a run writes: `table<TAB>column`, or `*<TAB>column` for one several tables share."""
    table, column = line.cells[0], line.cells[1]
    if table == ANY_TABLE:
        known = any(column in columns for columns in OUTPUT_TABLES.values())
    else:
        known = column in OUTPUT_TABLES.get(table, ())
    return None if known else f"unknown column {table}.{column}"


def _label_target(line: Line) -> str | None:
    """`role:<credits role>`, `film:<films column>`, `title[:<iso639-3>]`, `release`, `cast` or `ignore`."""
    kind, _, name = line.cells[1].partition(":")
    note = line.cells[2] if len(line.cells) > 2 else ""
    if kind not in {k.value for k in TargetKind}:
        return f"unknown target {line.cells[1]!r} (known kinds: {', '.join(k.value for k in TargetKind)})"
    target = TargetKind(kind)
    if target is TargetKind.ROLE and name not in ROLES:
        return f"unknown credits role {name!r} in target {line.cells[1]!r}"
    if target is TargetKind.FILM and name not in FILM_TARGETS:
        return f"unknown films column {name!r} in target {line.cells[1]!r} (known: {', '.join(sorted(FILM_TARGETS))})"
    if target is TargetKind.TITLE and name and not ISO_639_3.fullmatch(name):
        return f"title language {name!r} is not an ISO 639-3 code"
    if target not in (TargetKind.ROLE, TargetKind.FILM, TargetKind.TITLE) and name:
        return f"target {kind!r} takes no name after ':'"
    if note and target is TargetKind.TITLE and note != "original":
        return f"a title label's note can only be 'original', not {note!r}"
    if note and target not in (TargetKind.ROLE, TargetKind.TITLE):
        return f"target {kind!r} takes no note"
    return None


def _regex(line: Line) -> str | None:
    try:
        regex.compile(line.cells[0], regex.IGNORECASE)
    except regex.error as err:
        return f"bad regular expression {line.cells[0]!r}: {err}"
    return None


def _css_selector(line: Line) -> str | None:
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    try:
        LexborHTMLParser("<p></p>").css(line.cells[0])
    except SelectolaxError:
        return f"bad CSS selector {line.cells[0]!r}"
    return None


def _template_rendering(line: Line) -> str | None:
    kind, colon, spec = line.cells[1].partition(":")
    if kind + colon not in TEMPLATE_RENDERINGS or (colon and not spec):
        return f"unknown rendering {line.cells[1]!r} (known: {', '.join(sorted(TEMPLATE_RENDERINGS))})"
    return None


def _fiche_label(line: Line) -> str | None:
    return None if fold_key(line.cells[1]) in labels() else f"label {line.cells[1]!r} is not a fiche label of labels.tsv"


def _lower(line: Line) -> str | None:
    return None if line.cells[0] == line.cells[0].lower() else f"{line.cells[0]!r} should be written in lower case"


def _glue_word(line: Line) -> str | None:
    word = line.cells[1]
    return None if word.isalpha() and word == word.lower() else f"one lower-case word expected, not {word!r}"


def _all(*checks: Check) -> Check:
    def check(line: Line) -> str | None:
        return next((m for m in (c(line) for c in checks) if m), None)
    return check


def _headings_key(key: str) -> str | None:
    return None if key in {k.value for k in BlockKind} else f"unknown block kind {key!r} (known: {', '.join(k.value for k in BlockKind)})"


def _month_key(key: str) -> str | None:
    return None if key.isdigit() and 1 <= int(key) <= 12 else f"month number 1-12 expected, not {key!r}"


def _award_event(line: Line) -> str | None:
    """`name, kind[, prize]`: only a ceremony names its prize (`césars  ceremony  César`)."""
    kinds = {k.value for k in EventWordKind}
    if line.cells[1] not in kinds:
        return f"unknown kind {line.cells[1]!r} (known: {', '.join(sorted(kinds))})"
    prize = line.cells[2] if len(line.cells) > 2 else ""
    if (line.cells[1] == EventWordKind.CEREMONY) != bool(prize):
        return "a ceremony, and only a ceremony, names its prize"
    return None


def _awards_check(data: dict, line_of: Callable[[tuple[str, ...]], int | None], where: str) -> None:
    for heading, outcome in data.get("heading_outcomes", {}).items():
        if outcome not in OUTCOMES:
            raise VocabError(where, line_of(("heading_outcomes", heading)), f"unknown outcome {outcome!r} (known: {', '.join(OUTCOMES)})")


def _months_check(data: dict, line_of: Callable[[tuple[str, ...]], int | None], where: str) -> None:
    """A form names one month, by the key dates are looked up with (`aout` and `août` are two forms,
    `mi-mai` and `mi mai` one)."""
    found: dict[str, str] = {}
    for number, forms in data.items():
        for index, form in enumerate(forms if number != "_doc" else ()):
            key = fold_key(form)
            if found.setdefault(key, number) != number:
                raise VocabError(where, line_of((number, str(index))), f"{form!r} names months {found[key]} and {number}")


SPECS: dict[str, TableSpec | JsonSpec] = {
    "labels.tsv": TableSpec(("label", "target", "note"), 2, key=lambda line: fold_key(line.cells[0]),
                            check=_label_target, header=True),
    "headings.json": JsonSpec(any_keys=_headings_key),
    "awards.json": JsonSpec(lists=frozenset({"prize_words", "acting_words"}),
                            maps=frozenset({"heading_outcomes"}), check=_awards_check),
    "award_verbs.tsv": TableSpec(("lemma", "outcome", "forms"), 3, check=_all(_one_of(1, frozenset(OUTCOMES), "outcome"), _lower)),
    "award_events.tsv": TableSpec(("name", "kind", "prize"), 2, key=lambda line: f"{line.cells[0].casefold()}\t{line.cells[1]}",
                                  check=_award_event),
    "months.json": JsonSpec(any_keys=_month_key, check=_months_check),
    "furniture.txt": TableSpec(("regular expression",), check=_regex),
    "html_furniture.txt": TableSpec(("CSS selector",), check=_css_selector),
    "wikitext_templates.tsv": TableSpec(("name", "rendering"), 2, check=_all(_regex, _template_rendering), header=True),
    "infobox_params.tsv": TableSpec(("param", "label"), 2, check=_fiche_label, header=True),
    "dump_pages.tsv": TableSpec(("pattern", "kind"), 2, check=_all(_regex, _one_of(1, PAGE_KINDS, "page kind")),
                                header=True),
    "film_nouns.txt": TableSpec(("noun",), check=_lower),
    "occupations.txt": TableSpec(("occupation",), check=_lower),
    "genres.txt": TableSpec(("genre",), check=_lower),
    "company_words.txt": TableSpec(("word",), check=_lower),
    "company_openers.txt": TableSpec(("word",), check=_lower),
    "source_works.txt": TableSpec(("work",), check=_lower),
    "link_glue.tsv": TableSpec(("group", "word"), 2, key=lambda line: f"{line.cells[0]}\t{line.cells[1]}",
                               check=_all(_one_of(0, frozenset({"head", "tail"}), "group"), _glue_word)),
    "cast_notes.txt": TableSpec(("note mark",)),
    "title_regions.txt": TableSpec(("region",), key=lambda line: line.cells[0].casefold()),
    "countries_fr.tsv": TableSpec(("code", "name", "flag"), 2, key=lambda line: line.cells[1],
                                  check=_all(_matches(0, ISO_3166, "an ISO 3166-1 alpha-2 code"),
                                             _one_of(2, frozenset({"", "ambiguous"}), "flag"))),
    "demonyms.tsv": TableSpec(("code", "masculine", "prefixes", "feminine"), 2, key=lambda line: line.cells[1],
                              check=_matches(0, ISO_3166, "an ISO 3166-1 alpha-2 code")),
    "languages_fr.tsv": TableSpec(("code", "name"), 2, key=lambda line: line.cells[1],
                                  check=_matches(0, ISO_639_3, "an ISO 639-3 code")),
    "currencies.tsv": TableSpec(("written", "code"), 2, check=_matches(1, ISO_4217, "an ISO 4217 code")),
    "film_formats.tsv": TableSpec(("kind", "written", "value"), 3, key=lambda line: f"{line.cells[0]}\t{line.cells[1]}",
                                  check=_one_of(0, FORMAT_KINDS, "format kind")),
    "columns.tsv": TableSpec(("table", "column", "description"), 3, key=lambda line: f"{line.cells[0]}\t{line.cells[1]}",
                             check=_known_column, header=True),
}

_overlay: Path | None = None


def use_overlay(folder: Path | None) -> None:
    """Read vocabulary files of the same names in `folder` on top of the package's.

    Set it before anything is extracted: vocabularies are read once per process.
    Every file the folder holds must be a known vocabulary, and all of them are
    checked at once, so a bad overlay fails before the first document.
    """
    global _overlay
    if folder == _overlay:
        return
    if folder is not None:
        if not folder.is_dir():
            raise VocabError(str(folder), None, "vocabulary folder not found")
        unknown = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name not in SPECS)
        if unknown:
            raise VocabError(str(folder / unknown[0]), None, f"no vocabulary of that name (known: {', '.join(sorted(SPECS))})")
    if _table.cache_info().currsize or _json_file.cache_info().currsize:
        raise RuntimeError("the vocabulary folder must be chosen before any vocabulary is read")
    _overlay = folder
    check_all()


def overlay() -> Path | None:
    return _overlay


def _sources(name: str) -> Iterator[tuple[str, str]]:
    """(shown name, text) of the package's file, then of the overlay's when there is one."""
    yield name, resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    if _overlay is not None and (_overlay / name).is_file():
        yield str(_overlay / name), (_overlay / name).read_text(encoding="utf-8")


def _lines(where: str, text: str, spec: TableSpec) -> list[Line]:
    lines: list[Line] = []
    seen: dict[str, int] = {}
    header = spec.header
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in raw.split("\t"))
        if header:
            header = False
            if cells != spec.columns[:len(cells)]:
                raise VocabError(where, number, f"header {list(cells)} expected to be {list(spec.columns)}")
            continue
        line = Line(where, number, cells)
        if len(cells) > len(spec.columns):
            raise line.fail(f"{len(cells)} columns, at most {len(spec.columns)} expected ({', '.join(spec.columns)})")
        missing = [c for c, value in zip(spec.columns[:spec.required], (*cells, *[""] * spec.required)) if not value]
        if missing:
            raise line.fail(f"no {missing[0]}")
        message = spec.check(line) if spec.check else None
        if message:
            raise line.fail(message)
        key = spec.key(line)
        if key in seen:
            raise line.fail(f"{key!r} already given on line {seen[key]}")
        seen[key] = number
        lines.append(line)
    return lines


@cache
def _table(name: str) -> tuple[Line, ...]:
    spec = SPECS[name]
    assert isinstance(spec, TableSpec), name
    merged: dict[str, Line] = {}
    for where, text in _sources(name):
        for line in _lines(where, text, spec):
            merged[spec.key(line)] = line
    return tuple(merged.values())


def rows(name: str) -> list[tuple[str, ...]]:
    """The entries of a tab-separated vocabulary, in file order (overlay entries replace theirs or come last)."""
    return [line.cells for line in _table(name)]


def entries(name: str) -> list[str]:
    """The entries of a one-entry-a-line vocabulary."""
    return [line.cells[0] for line in _table(name)]


def _positions(text: str) -> Callable[[tuple[str, ...]], int | None]:
    """The line each key path of a JSON object is written on, found by reading the strings in order."""
    found: dict[tuple[str, ...], int] = {}
    cursor = 0

    def seek(value: str) -> int:
        nonlocal cursor
        token = json.dumps(value, ensure_ascii=False)
        at = text.find(token, cursor)
        if at == -1:
            return text.count("\n", 0, cursor) + 1
        cursor = at + len(token)
        return text.count("\n", 0, at) + 1

    def walk(obj: object, path: tuple[str, ...]) -> None:
        if isinstance(obj, list):
            for index, item in enumerate(obj):
                found[(*path, str(index))] = seek(item) if isinstance(item, str) else found.get(path, 1)
        elif isinstance(obj, dict):
            for key, value in obj.items():
                found[(*path, key)] = seek(key)
                walk(value, (*path, key))

    walk(json.loads(text), ())
    return found.get


def _no_repeats(pairs: list[tuple[str, object]]) -> dict:
    keys = [k for k, _ in pairs]
    repeated = next((k for k in keys if keys.count(k) > 1), None)
    if repeated is not None:
        raise KeyError(repeated)
    return dict(pairs)


def _json_one(where: str, text: str, spec: JsonSpec) -> dict:
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as err:
        raise VocabError(where, err.lineno, f"not JSON: {err.msg}") from None
    except KeyError as err:
        key = err.args[0]
        lines = [n for n, raw in enumerate(text.splitlines(), 1) if json.dumps(key, ensure_ascii=False) + ":" in raw.replace('": ', '":')]
        raise VocabError(where, lines[1] if len(lines) > 1 else None, f"key {key!r} given twice") from None
    line_of = _positions(text)
    if not isinstance(data, dict):
        raise VocabError(where, 1, "a JSON object expected")
    for key, value in data.items():
        line = line_of((key,))
        if key == "_doc":
            continue
        if spec.any_keys is not None:
            message = spec.any_keys(key)
            if message:
                raise VocabError(where, line, message)
            kind = "list"
        elif key in spec.lists:
            kind = "list"
        elif key in spec.maps:
            kind = "map"
        else:
            raise VocabError(where, line, f"unknown key {key!r} (known: {', '.join(sorted(spec.lists | spec.maps))})")
        items = value if kind == "list" else value if isinstance(value, dict) else None
        if items is None or (kind == "list" and not isinstance(value, list)):
            raise VocabError(where, line, f"{key!r}: a {'list of strings' if kind == 'list' else 'JSON object'} expected")
        values = items if kind == "list" else [v for vs in items.values() for v in (vs if isinstance(vs, list) else [vs])]
        bad = next((i for i, v in enumerate(values) if not isinstance(v, str) or not v.strip()), None)
        if bad is not None:
            raise VocabError(where, line, f"{key!r}: entry {values[bad]!r} is not a word")
        if kind == "list":
            _no_repeated_words(where, value, lambda i: line_of((key, str(i))), key)
    if spec.check:
        spec.check(data, line_of, where)
    return data


def _no_repeated_words(where: str, words: list[str], line_of: Callable[[int], int | None], key: str) -> None:
    seen: set[str] = set()
    for index, word in enumerate(words):
        if word.casefold() in seen:
            raise VocabError(where, line_of(index), f"{word!r} given twice under {key!r}")
        seen.add(word.casefold())


@cache
def _json_file(name: str) -> dict:
    """The package's object; an overlay's lists add words, its objects add or replace keys."""
    spec = SPECS[name]
    assert isinstance(spec, JsonSpec), name
    merged: dict = {}
    sources = list(_sources(name))
    for where, text in sources:
        for key, value in _json_one(where, text, spec).items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + [v for v in value if v.casefold() not in {m.casefold() for m in merged[key]}]
            elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    if spec.check and len(sources) > 1:
        # Each file passed alone; an overlay's entries may still clash with the package's.
        spec.check(merged, lambda path: None, sources[-1][0])
    return merged


def json_data(name: str) -> dict:
    """A checked JSON vocabulary, without its `_doc`."""
    return {k: v for k, v in _json_file(name).items() if k != "_doc"}


def check_all() -> None:
    """Load and check every vocabulary file; raises VocabError at the first bad line."""
    for name, spec in SPECS.items():
        if isinstance(spec, TableSpec):
            _table(name)
        else:
            _json_file(name)
    headings()


@dataclass(frozen=True)
class LabelTarget:
    """Where a fiche label's values go: a credits role, a films column, titles, releases..."""

    kind: TargetKind
    name: str = ""  # role name, films column, or title language
    note: str = ""


@cache
def labels() -> dict[str, LabelTarget]:
    table: dict[str, LabelTarget] = {}
    for line in _table("labels.tsv"):
        kind, _, name = line.cells[1].partition(":")
        table[fold_key(line.cells[0])] = LabelTarget(TargetKind(kind), name, line.cells[2] if len(line.cells) > 2 else "")
    return table


@cache
def headings() -> dict[str, BlockKind]:
    """Heading text (normalised) -> block kind; one heading names one kind."""
    found: dict[str, BlockKind] = {}
    for kind, forms in json_data("headings.json").items():
        for form in forms:
            key = fold_key(form)
            if key in found and found[key] is not BlockKind(kind):
                raise VocabError("headings.json", None, f"heading {form!r} listed under {found[key].value!r} and {kind!r}")
            found[key] = BlockKind(kind)
    return found


@cache
def furniture() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in entries("furniture.txt")), regex.IGNORECASE)


def is_furniture(text: str) -> bool:
    """Whether text, spaces around it aside, is page furniture as a whole."""
    return bool(furniture().fullmatch(text.strip()))


@cache
def film_nouns() -> list[str]:
    return sorted(entries("film_nouns.txt"), key=len, reverse=True)


@cache
def occupations() -> list[str]:
    return sorted(entries("occupations.txt"), key=len, reverse=True)


@cache
def cast_note() -> regex.Pattern[str]:
    """A parenthesis in a cast line that notes something about the actor (dubbing voices
    `(VF : Sophie Marais ; VQ : Nadia Côté)`, `(non crédité)`), spaces before it included."""
    char = phrase_unit(r"\s+")
    marks = "|".join("".join(map(char, m)) for m in sorted(entries("cast_notes.txt"), key=len, reverse=True))
    return regex.compile(rf"\s*\((?=\s*(?:{marks})(?![\p{{L}}]))[^()]*\)", regex.IGNORECASE)


@cache
def title_regions() -> frozenset[str]:
    return frozenset(r.casefold() for r in entries("title_regions.txt"))

