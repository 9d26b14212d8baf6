"""A case-insensitive regex alternation of many literal forms, written as a tree.

`Réalisation|Scénario|Musique|...` with a few hundred forms makes the regex
engine try each form in turn wherever it is tried; written as a tree of shared
beginnings (`r(?:é(?:alisation|gie)|...)`) a position is rejected after its
first character and forms sharing a beginning are read once. The tree matches
what the alternation of the forms sorted longest first matches: the forms that
fit at one position are beginnings of one another, all on one path of the tree,
and the tree tries the longer ones first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

Tree = dict[str, "Tree"]
END = ""  # the key marking that a form ends at a node


def phrase_unit(space: str) -> Callable[[str], str]:
    """The writer of a listed phrase's characters (an `alternation` unit): a space as the
    pattern `space` (a run of spaces, or also a hyphen, as the phrases' place allows), `'`
    as either apostrophe, any other character as itself."""
    def unit(char: str) -> str:
        return space if char == " " else "['’]" if char == "'" else regex.escape(char)
    return unit


def alternation(forms: Iterable[str], unit: Callable[[str], str] = regex.escape) -> str:
    """A pattern, for IGNORECASE use, matching what `|`.join of the forms sorted
    longest first matches, each character written by `unit`. Forms two of whose
    characters could read one text character (`i` and `ı`, or `'` and `’` when
    `unit` writes `'` as `['’]`) keep the plain alternation, whose order decides."""
    ordered = sorted(forms, key=len, reverse=True)
    tree: Tree = {}
    for form in ordered:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[END] = {}
    if _ambiguous(tree, unit):
        return "|".join("".join(unit(c) for c in form) for form in ordered)
    return _written(tree, unit)


def _written(node: Tree, unit: Callable[[str], str]) -> str:
    branches = [unit(char) + _written(child, unit) for char, child in node.items() if char != END]
    if not branches:
        return ""
    if END in node:
        return f"(?:{'|'.join(branches)})?"  # greedy: the longer forms first
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _same_text(a: str, b: str, unit: Callable[[str], str]) -> bool:
    return (a.upper() == b.upper() or a.lower() == b.lower() or a.casefold() == b.casefold()
            or bool(regex.fullmatch(unit(a), b, regex.IGNORECASE)) or bool(regex.fullmatch(unit(b), a, regex.IGNORECASE)))


def _ambiguous(node: Tree, unit: Callable[[str], str]) -> bool:
    chars = [c for c in node if c != END]
    if any(_same_text(a, b, unit) for i, a in enumerate(chars) for b in chars[i + 1:]):
        return True
    return any(_ambiguous(node[c], unit) for c in chars)
