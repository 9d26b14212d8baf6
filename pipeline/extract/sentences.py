"""Where a sentence of prose ends: at `.`, `!`, `?` or `…` (footnote marks after it
kept) before a capital, never after an initial (`S. Pierre`) or an abbreviation
(`M. Ba`), so every reader of sentences cuts them alike.
"""

from __future__ import annotations

import regex

ABBREVIATIONS = frozenset({"m", "mme", "mlle", "dr", "st", "ste", "vol", "etc", "cf", "env", "no", "p"})
SENTENCE_END = regex.compile(r"[.!?…](?:\[\d+\]|\d{1,2}(?=\s))*(?:\s+|(?=\p{Lu}\p{Ll}))(?=[«\"(\[]?\p{Lu})")
WORD_BEFORE_STOP = regex.compile(r"(\p{L}+)\.?$")


def sentence_ends(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The sentence ends of text[start:end]: each match runs from the stop to the next sentence."""
    found = []
    for m in SENTENCE_END.finditer(text, start, end):
        word = WORD_BEFORE_STOP.search(text[max(start, m.start() - 12):m.start() + 1])
        if word and (len(word.group(1)) == 1 and word.group(1).isupper() or word.group(1).lower() in ABBREVIATIONS):
            continue
        found.append(m)
    return found


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], not cut after an initial (`S. Pierre`) or an abbreviation."""
    spans, pos = [], start
    for m in sentence_ends(text, start, end):
        spans.append((pos, m.start() + 1))
        pos = m.end()
    if text[pos:end].strip():
        spans.append((pos, end))
    return [(a, b) for a, b in spans if b > a]


def sentence_end(text: str, start: int, end: int) -> int:
    """Where the sentence running at `start` ends: its stop, or `end`."""
    ends = sentence_ends(text, start, end)
    return ends[0].start() if ends else end
