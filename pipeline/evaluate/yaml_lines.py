"""A YAML loader that keeps line numbers and does not guess types.

Gold files are hand-written: PyYAML's default typing turns `NO` (Norway) into
`False`, `2008-12-24` into a date and `1,85` or `010` into numbers. Here every
plain scalar stays text except `null`/`~`/empty and `true`/`false`, so the
validator decides what a value means from the key it sits under, and can point
at the line it came from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


class LineMap(dict):
    """A mapping that remembers the line of each key and the keys given twice."""

    line: int
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]


class LineList(list):
    """A sequence that remembers the line of each item."""

    line: int
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    """SafeLoader with line-aware containers and only null/bool implicit typing."""

    yaml_implicit_resolvers: dict = {}


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = _line(node)
    result.key_lines = {}
    result.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, type(None))):
            key = str(key)
        if key in result:
            result.duplicates.append((key, _line(key_node)))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = _line(key_node)
    return result


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = _line(node)
    result.item_lines = [_line(child) for child in node.value]
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file into LineMap/LineList/str/bool/None values."""
    with path.open(encoding="utf-8-sig") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader


def item_line(container: object, index: Any, default: int | None) -> int | None:
    """Line of a key or list index inside a loaded container, when known."""
    if isinstance(container, LineMap):
        return container.key_lines.get(index, default)
    if isinstance(container, LineList) and isinstance(index, int) and index < len(container.item_lines):
        return container.item_lines[index]
    return default
