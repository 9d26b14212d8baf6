"""One-to-one matching of predicted films to gold films of the same document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FilmNames:
    """A film's normalised main title and every normalised title form it is known by."""

    key: str
    main: str
    forms: frozenset[str]


def align_films(gold: list[FilmNames], predicted: list[FilmNames]) -> dict[str, str]:
    """Map predicted film keys to gold film keys sharing a title form, best overlap first.

    Pairs are taken greedily by the number of shared forms, then by equal main
    titles, then in text order; each film is used once. Films without a shared
    form stay unmatched.
    """
    candidates = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = len(g.forms & p.forms)
            if overlap:
                candidates.append((-overlap, g.main != p.main, g_index, p_index))
    matched: dict[str, str] = {}
    used_gold: set[int] = set()
    for _, _, g_index, p_index in sorted(candidates):
        p_key = predicted[p_index].key
        if g_index in used_gold or p_key in matched:
            continue
        matched[p_key] = gold[g_index].key
        used_gold.add(g_index)
    return matched
