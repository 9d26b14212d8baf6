"""Keys that text is compared by, so two spellings of one thing meet.

Each key keeps its own strength on purpose: a key that merges more than its
use needs would merge things that differ.
"""

from __future__ import annotations


def loose_key(value: object) -> str:
    """Case-folded, straight apostrophes, single spaces: two writings of one name or title."""
    return " ".join(str(value).casefold().replace("\u2019", "'").split())


def label_key(label: str) -> str:
    """Lower-case, straight apostrophes, single spaces, hyphens as spaces: the key a fiche
    label or a heading is looked up by (`Sous-titres` and `sous titres` are one label)."""
    label = label.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ").replace("-", " ")
    return " ".join(label.lower().split())
