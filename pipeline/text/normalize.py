"""Keys that text is compared by, so two spellings of one thing meet.

Each key keeps its own strength on purpose: a key that merges more than its
use needs would merge things that differ.
"""

from __future__ import annotations


def loose_key(value: object) -> str:
    """Case-folded, straight apostrophes, single spaces: two writings of one name or title."""
    return " ".join(str(value).casefold().replace("\u2019", "'").split())
