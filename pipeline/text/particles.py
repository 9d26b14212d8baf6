"""The lower-case words a person's name may hold, shared by the readers of intros and of names."""

from __future__ import annotations

# Lower-case words that may stand between the capitalised words of a name
# (`Hassan el Fassi`, `Boubacar Zongo dos Santos`, `Gabriel García y Márquez`).
NAME_PARTICLES: tuple[str, ...] = (
    "de", "du", "des", "d'", "d’", "el", "al", "ben", "ibn", "bin", "ould", "van", "von", "da", "di", "del", "dos",
    "le", "la", "y", "e",
)
# For membership: a word of a name, lower-cased, is a particle.
PARTICLE_WORDS = frozenset(NAME_PARTICLES)
