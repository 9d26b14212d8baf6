"""Generated document shapes, and how extraction time grows with their size.

Each shape is a function of n (how many times its repeated part occurs)
that returns a document. `growth` times the whole per-document extraction
at n and 2n in this process and returns the ratio: about 2 for linear work,
4 for quadratic. A new shape is one line in SHAPES.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from pipeline.extract.checks import line_problems
from pipeline.extract.document import extract_document
from pipeline.ids import IdAllocator
from pipeline.model import Document
from pipeline.ner import PersonTagger
from pipeline.tables import document_tables

OPENING = "Le Fleuve est un film dramatique sénégalais réalisé par Awa Traoré et sorti en 1994.\n\n"
FICHE = OPENING + "Fiche technique\n"


def _word(seed: str) -> str:
    """A capitalised made-up word, unlike the others: letters drawn from a hash of `seed`."""
    digest = hashlib.blake2b(seed.encode(), digest_size=6).digest()
    return "".join(chr(97 + b % 26) for b in digest).capitalize()


def _names(n: int, start: int = 0) -> list[str]:
    """n distinct two-word names, unlike each other (no shared word, little in common)."""
    return [f"{_word(f'first{i}')} {_word(f'last{i}')}" for i in range(start, start + n)]


SHAPES: dict[str, Callable[[int], str]] = {
    "« repeated in a fiche title": lambda n: FICHE + "- Titre : " + "« " * n + "\n",
    "« repeated in an opening title": lambda n: "« " * n + "Le Fleuve » est un film sénégalais sorti en 1994.\n",
    "'en section' repeated in prose": lambda n: OPENING + "Le film est présenté " + "en section " * n + ".\n",
    "'remporte' repeated in prose": lambda n: OPENING + "Le film " + "remporte " * n + "le prix.\n",
    "a release line with many dates": lambda n: FICHE + "- Dates de sortie : " + ", ".join(
        f"{1 + i % 28} mars {1950 + i % 70}" for i in range(n)) + "\n",
    "a release line with many countries and dates": lambda n: FICHE + "- Dates de sortie : " + ", ".join(
        f"France : {1 + i % 28} mars {1950 + i % 70}" for i in range(n)) + "\n",
    "infobox rows repeating fiche names, and new ones": lambda n: "| Titre | Le Fleuve |\n"
    + "".join(f"| Musique | {m} |\n" for m in _names(2 * n)) + "\n" + FICHE + "".join(f"- Musique : {m}\n" for m in _names(n)),
    "infobox cells of 6+ capitalised words": lambda n: "| Titre | Le Fleuve |\n"
    + "".join(f"| Réalisation | {' '.join(_names(3, i))} |\n" for i in range(0, n, 3)) + "\n" + FICHE
    + "".join(f"- Musique : {m}\n" for m in _names(n)),
    "a genre list with many items": lambda n: FICHE + "- Genre : " + ", ".join(f"drame{'x' * (i % 7)}{i}" for i in range(n)) + "\n",
    "a place list with many items": lambda n: FICHE + "- Lieux de tournage : " + ", ".join(f"Ville{i}" for i in range(n)) + "\n",
    "'-1999Ab' repeated on one line": lambda n: FICHE + "-1999Ab" * n + "\n",
    "'Jean ( ' repeated in a credit": lambda n: FICHE + "- Musique : " + "Jean ( " * n + "\n",
    "a budget with many 'soit' conversions": lambda n: FICHE + "- Budget : 2 millions d'euros" + " soit 3 millions de dollars" * n + "\n",
    "many credit lines": lambda n: FICHE + "".join(f"- Musique : {m}\n" for m in _names(n)),
    "one credit line with many names": lambda n: FICHE + "- Scénario : " + ", ".join(_names(n)) + "\n",
    "names joined by 'et'": lambda n: FICHE + "- Production : " + " et ".join(_names(n)) + "\n",
    "a long distribution": lambda n: FICHE + "\nDistribution\n" + "".join(f"- {m} : Rôle {i}\n" for i, m in enumerate(_names(n))),
    "many award lines": lambda n: OPENING + "Distinctions\n" + "".join(
        f"- Festival de Cannes {1950 + i % 70} : Prix du jury pour {m}\n" for i, m in enumerate(_names(n))),
    "many glued articles": lambda n: "".join(OPENING.replace("Le Fleuve", f"Le Fleuve {i}") for i in range(n)),
    "nested parentheses in a credit": lambda n: FICHE + "- Musique : Awa Sow " + "(" * n + "AIC" + ")" * n + "\n",
    "colons repeated on a line": lambda n: FICHE + "- Musique" + " : Awa Sow" * n + "\n",
    "one long prose line": lambda n: OPENING + "Le film raconte la vie d'un pêcheur à Dakar, " * n + "fin.\n",
    "many headings": lambda n: OPENING + "".join(f"Synopsis\nLe pêcheur {i} part.\n" for i in range(n)),
    "a synopsis with many characters": lambda n: OPENING + "Synopsis\n" + " ".join(
        f"Moussa{i} ({m}) part." for i, m in enumerate(_names(n))) + "\n",
    "commas repeated in a credit": lambda n: FICHE + "- Musique : " + ", " * n + "Awa Sow\n",
}
START_N = 8
MIN_SECONDS = 0.012  # the time at n a ratio is measured from: long enough to dwarf timer noise
MAX_N = 1 << 16
REPEATS = 3

_TAGGER = PersonTagger(None)


def extraction_seconds(text: str, repeats: int = REPEATS) -> float:
    """CPU seconds (this process only, so other processes barely count) of one document's extraction, best of `repeats`."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        result = extract_document(Document("shape", text), _TAGGER)
        line_problems(text, result)
        document_tables(result, IdAllocator())
        best = min(best, time.process_time() - started)
    return best


def growth(shape: Callable[[int], str]) -> tuple[int, float]:
    """The n at which the shape takes MIN_SECONDS (doubling from START_N), and the time ratio from n to 2n."""
    n = START_N
    extraction_seconds(shape(n), repeats=1)  # loads what the shape needs once (vocabularies, patterns), outside the timing
    while extraction_seconds(shape(n), repeats=1) < MIN_SECONDS and n < MAX_N:
        n *= 2
    return n, extraction_seconds(shape(2 * n)) / extraction_seconds(shape(n))


if __name__ == "__main__":
    for name, shape in SHAPES.items():
        n, ratio = growth(shape)
        print(f"{ratio:6.2f}  n={n:<6} {len(shape(n)):>8} chars  {name}", flush=True)
