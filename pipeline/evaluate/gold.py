"""Load and validate gold files (gold/<doc_id>.yaml, format in gold/README.md).

Validation collects every problem of a file and reports each with the file,
the line and the YAML path (`films[1].credits.director[0]`), so an annotator
can fix a file in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.text.normalize import gold_key
from pipeline.evaluate.yaml_lines import item_line, load_yaml
from pipeline.schema import INT_COLUMNS, LIST_COLUMNS, OUTCOMES, ROLES, SECTION_KINDS, TABLES

GOLD_SUFFIXES = (".yaml", ".yml")
COLORS = ("couleur", "noir et blanc")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_INVALID = object()


class GoldError(ValueError):
    """A gold file that cannot be scored; `problems` holds one message per fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class GoldDocument:
    """One validated gold file: plain dicts with text, int, bool and list values only."""

    doc_id: str
    path: Path
    sections: list[dict[str, Any]] = field(default_factory=list)
    films: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)


class _Checker:
    """Collects problems for one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def fail(self, where: str, line: int | None, message: str) -> object:
        location = f"{self.path}:{line}" if line else str(self.path)
        self.problems.append(f"{location}: {where or '<top>'}: {message}")
        return _INVALID


Validator = Callable[[_Checker, Any, str, "int | None"], Any]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _text(check: _Checker, value: Any, where: str, line: int | None) -> Any:
    """Text as written; numbers and dates that YAML may have typed are taken back as text."""
    if value is None:
        return None
    if isinstance(value, (bool, dict, list)):
        return check.fail(where, line, f"expected text, got {_describe(value)}")
    if isinstance(value, (dt.date, int, float)):
        value = value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value).strip()
    return text or None


def _integer(check: _Checker, value: Any, where: str, line: int | None) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INTEGER.match(value.strip()):
        return int(value)
    return check.fail(where, line, f"expected an integer, got {_describe(value)}")


def _date(check: _Checker, value: Any, where: str, line: int | None) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(check, value, where, line)
    if text is None or text is _INVALID:
        return text
    match = _DATE.match(text)
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            dt.date(year, month, day)
            return text
        except ValueError:
            pass
    return check.fail(where, line, f"bad date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")


def _coded(pattern: str, what: str, shape_hint: str) -> Validator:
    shape = re.compile(pattern)

    def validate(check: _Checker, value: Any, where: str, line: int | None) -> Any:
        text = _text(check, value, where, line)
        if text is None or text is _INVALID or shape.match(text):
            return text
        return check.fail(where, line, f"bad {what} {text!r}: expected {shape_hint}")

    return validate


def _choice(allowed: tuple[str, ...], what: str) -> Validator:
    def validate(check: _Checker, value: Any, where: str, line: int | None) -> Any:
        text = _text(check, value, where, line)
        if text is None or text is _INVALID or text in allowed:
            return text
        return check.fail(where, line, f"unknown {what} {text!r} (allowed: {', '.join(allowed)})")

    return validate


def _boolean(check: _Checker, value: Any, where: str, line: int | None) -> Any:
    if value is None or isinstance(value, bool):
        return value
    return check.fail(where, line, f"expected true or false, got {_describe(value)}")


_country = _coded(r"^[A-Z]{2}$", "country code", "ISO 3166-1 alpha-2, two capital letters")
_language = _coded(r"^[a-z]{3}$", "language code", "ISO 639-3, three lower-case letters")
_currency = _coded(r"^[A-Z]{3}$", "currency code", "ISO 4217, three capital letters")
_outcome = _choice(OUTCOMES, "outcome")
_kind = _choice(SECTION_KINDS, "section kind")
_color = _choice(COLORS, "color")


def _list_of(item: Validator) -> Validator:
    def validate(check: _Checker, value: Any, where: str, line: int | None) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            return check.fail(where, line, f"expected a list, got {_describe(value)}")
        items = []
        for index, element in enumerate(value):
            result = item(check, element, f"{where}[{index}]", item_line(value, index, line))
            if result is not None and result is not _INVALID:
                items.append(result)
        return items

    return validate


Record = dict[str, tuple[Validator, bool]]


def _record(spec: Record) -> Validator:
    """A mapping with known keys; `spec` maps key -> (validator, required)."""

    def validate(check: _Checker, value: Any, where: str, line: int | None) -> Any:
        if not isinstance(value, dict):
            return check.fail(where, line, f"expected a mapping, got {_describe(value)}")
        for key, key_line in getattr(value, "duplicates", []):
            check.fail(_join(where, key), key_line, f"key {key!r} given twice")
        result: dict[str, Any] = {}
        for key, element in value.items():
            path = _join(where, key)
            if key not in spec:
                check.fail(path, item_line(value, key, line), f"unknown key {key!r} (allowed: {', '.join(spec)})")
                continue
            converted = spec[key][0](check, element, path, item_line(value, key, line))
            if converted is not _INVALID:
                result[key] = converted
        for key, (_, required) in spec.items():
            if required and key in result and result[key] in (None, []):
                check.fail(_join(where, key), item_line(value, key, line), f"{key} is empty")
            elif required and key not in value:
                check.fail(where, line, f"missing {key}")
        return result

    return validate


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def _credits(check: _Checker, value: Any, where: str, line: int | None) -> Any:
    if value is None:
        return {}
    if not isinstance(value, dict):
        return check.fail(where, line, f"expected a mapping of role -> names, got {_describe(value)}")
    for key, key_line in getattr(value, "duplicates", []):
        check.fail(_join(where, key), key_line, f"role {key!r} given twice")
    names = _list_of(_text)
    result: dict[str, list[str]] = {}
    for role, element in value.items():
        path = _join(where, role)
        role_line = item_line(value, role, line)
        if role not in ROLES:
            check.fail(path, role_line, f"unknown role {role!r} (roles are listed in pipeline/schema.py ROLES)")
            continue
        converted = names(check, element, path, role_line)
        if converted is not _INVALID:
            result[role] = converted
    return result


def _column_validator(column: str) -> Validator:
    """Validator for a films/people column, from its name and the schema's column kinds."""
    special: dict[str, Validator] = {
        "countries": _country, "nationalities": _country, "birth_country": _country,
        "languages": _language, "budget_currency": _currency, "color": _color,
        "birth_date": _date, "death_date": _date,
    }
    base = special.get(column, _integer if column in INT_COLUMNS else _text)
    return _list_of(base) if column in LIST_COLUMNS else base


_NOT_GOLD = {"film_id", "person_id", "doc_id", "start", "end"}

_PRIZE = _record({
    "category": (_text, True), "outcome": (_outcome, True),
    "recipients": (_list_of(_text), False), "ex_aequo": (_boolean, False),
})
_AWARD = _record({
    "event": (_text, True), "edition": (_integer, False), "year": (_integer, False),
    "prizes": (_list_of(_PRIZE), True),
})
_FILM = _record({
    **{column: (_column_validator(column), column == "title")
       for column in TABLES["films"] if column not in _NOT_GOLD},
    "titles": (_list_of(_record({"title": (_text, True), "lang": (_language, False)})), False),
    "credits": (_credits, False),
    "cast": (_list_of(_record({"actor": (_text, True), "character": (_text, False)})), False),
    "awards": (_list_of(_AWARD), False),
    "releases": (_list_of(_record({"country_code": (_country, False), "date": (_date, True)})), False),
})
_PERSON = _record({
    column: (_column_validator(column), column == "name")
    for column in TABLES["people"] if column not in _NOT_GOLD
})
_SECTION = _record({"kind": (_kind, True), "title": (_text, True)})
_DOCUMENT = _record({
    "doc_id": (_text, True), "sections": (_list_of(_SECTION), False),
    "films": (_list_of(_FILM), False), "people": (_list_of(_PERSON), False),
})


def _find_line(raw: Any, path: list[Any]) -> int | None:
    """Line of the element at `path` (keys and indices) in the loaded YAML, when known."""
    line = getattr(raw, "line", None)
    node = raw
    for step in path:
        line = item_line(node, step, line)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line


class _Duplicates:
    """Reports the second occurrence of a tuple within one scope."""

    def __init__(self, check: _Checker, raw: Any) -> None:
        self.check, self.raw = check, raw
        self.seen: dict[tuple[Any, ...], str] = {}

    def add(self, key: tuple[Any, ...], path: list[Any], what: str) -> None:
        where = _path_text(path)
        if key in self.seen:
            self.check.fail(where, _find_line(self.raw, path), f"duplicate {what} (same as {self.seen[key]})")
        else:
            self.seen[key] = where


def _path_text(path: list[Any]) -> str:
    text = ""
    for step in path:
        text = f"{text}[{step}]" if isinstance(step, int) else _join(text, step)
    return text


def _check_duplicates(check: _Checker, raw: Any, doc: dict[str, Any]) -> None:
    sections = _Duplicates(check, raw)
    for i, section in enumerate(doc.get("sections", [])):
        sections.add((section.get("kind"), gold_key(section.get("title"))), ["sections", i], "section")
    films = _Duplicates(check, raw)
    for i, film in enumerate(doc.get("films", [])):
        films.add((gold_key(film.get("title")),), ["films", i, "title"], "film title")
        _check_film_duplicates(check, raw, film, ["films", i])
    people = _Duplicates(check, raw)
    for i, person in enumerate(doc.get("people", [])):
        people.add((gold_key(person.get("name")),), ["people", i, "name"], "person")
        _check_list_duplicates(check, raw, person, ["people", i])


def _check_list_duplicates(check: _Checker, raw: Any, row: dict[str, Any], path: list[Any]) -> None:
    for column in LIST_COLUMNS & row.keys():
        items = _Duplicates(check, raw)
        for j, item in enumerate(row[column]):
            items.add((gold_key(item),), [*path, column, j], f"{column} item")


def _check_film_duplicates(check: _Checker, raw: Any, film: dict[str, Any], path: list[Any]) -> None:
    _check_list_duplicates(check, raw, film, path)
    titles = _Duplicates(check, raw)
    for j, title in enumerate(film.get("titles", [])):
        titles.add((gold_key(title.get("title")),), [*path, "titles", j], "title")
    for role, names in film.get("credits", {}).items():
        credits = _Duplicates(check, raw)
        for j, name in enumerate(names):
            credits.add((gold_key(name),), [*path, "credits", role, j], f"{role} credit")
    cast = _Duplicates(check, raw)
    for j, row in enumerate(film.get("cast", [])):
        cast.add((gold_key(row.get("actor")), gold_key(row.get("character"))), [*path, "cast", j], "cast row")
    prizes = _Duplicates(check, raw)
    for j, award in enumerate(film.get("awards", [])):
        for k, prize in enumerate(award.get("prizes", [])):
            for n, recipient in enumerate(prize.get("recipients") or [None]):
                key = (award.get("year"), gold_key(prize.get("category")), gold_key(recipient), prize.get("outcome"))
                where = [*path, "awards", j, "prizes", k] + (["recipients", n] if recipient else [])
                prizes.add(key, where, "award row")
    releases = _Duplicates(check, raw)
    for j, release in enumerate(film.get("releases", [])):
        releases.add((release.get("country_code"), release.get("date")), [*path, "releases", j], "release")


def _check_sections(check: _Checker, raw: Any, doc: dict[str, Any]) -> None:
    """Sections and the films/people they describe must name each other, or the tables disagree."""
    entities = {("film", gold_key(f.get("title"))) for f in doc.get("films", [])}
    entities |= {("person", gold_key(p.get("name"))) for p in doc.get("people", [])}
    sections = {(s.get("kind"), gold_key(s.get("title"))) for s in doc.get("sections", [])}
    for i, section in enumerate(doc.get("sections", [])):
        if section.get("title") and (section.get("kind"), gold_key(section.get("title"))) not in entities:
            what = "films[].title" if section.get("kind") == "film" else "people[].name"
            check.fail(f"sections[{i}]", _find_line(raw, ["sections", i]),
                       f"{section.get('kind')} section {section.get('title')!r} has no entry with that {what}")
    for table, kind, key in (("films", "film", "title"), ("people", "person", "name")):
        for i, entry in enumerate(doc.get(table, [])):
            if entry.get(key) and (kind, gold_key(entry.get(key))) not in sections:
                check.fail(f"{table}[{i}].{key}", _find_line(raw, [table, i, key]),
                           f"{entry.get(key)!r} has no {kind} section with that title")


def expected_doc_id(path: Path, root: Path | None = None) -> str:
    """The doc_id a gold file must declare: its path under the gold folder, without suffix."""
    relative = path.relative_to(root) if root is not None else Path(path.name)
    return relative.with_suffix("").as_posix()


def load_gold(path: Path, root: Path | None = None) -> GoldDocument:
    """Read and validate one gold file; raise GoldError listing every problem found."""
    path = Path(path)
    check = _Checker(path)
    try:
        raw = load_yaml(path)
    except OSError as error:
        raise GoldError([f"{path}: cannot read: {error.strerror or error}"]) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise GoldError([f"{path}{line}: not valid YAML: {getattr(error, 'problem', None) or error}"]) from error
    doc = _DOCUMENT(check, raw, "", getattr(raw, "line", 1))
    if doc is _INVALID:
        raise GoldError(check.problems)
    expected = expected_doc_id(path, root)
    if doc.get("doc_id") and doc["doc_id"] != expected:
        check.fail("doc_id", _find_line(raw, ["doc_id"]),
                   f"doc_id {doc['doc_id']!r} does not match the file name (expected {expected!r})")
    _check_duplicates(check, raw, doc)
    _check_sections(check, raw, doc)
    if check.problems:
        raise GoldError(check.problems)
    return GoldDocument(
        doc_id=doc["doc_id"], path=path, sections=doc.get("sections", []),
        films=doc.get("films", []), people=doc.get("people", []),
    )


def gold_paths(folder: Path) -> list[Path]:
    """Every gold file under `folder`, searched recursively, in a stable order."""
    return sorted(p for p in Path(folder).rglob("*") if p.suffix in GOLD_SUFFIXES and p.is_file())


def load_gold_folder(folder: Path) -> list[GoldDocument]:
    """Load every gold file of a folder; raise one GoldError naming all faulty files."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError([f"{folder}: gold folder not found"])
    documents, problems = [], []
    for path in gold_paths(folder):
        try:
            documents.append(load_gold(path, folder))
        except GoldError as error:
            problems.extend(error.problems)
    if problems:
        raise GoldError(problems)
    if not documents:
        raise GoldError([f"{folder}: no gold file (*.yaml) found"])
    return documents
