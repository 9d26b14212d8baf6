"""spaCy NER, loaded once and run only on the short contexts that need a decision.

The French model's tagger, parser and lemmatizer are excluded: the extractors
use nothing but entity labels, and the NER component carries its own
token-to-vector layer. Contexts are batched with `nlp.pipe` and cached, so a
sentence repeated across documents is read once per process.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

DEFAULT_MODEL = "fr_core_news_sm"
PERSON_LABELS = frozenset({"PER"})
CACHE_LIMIT = 50_000


@cache
def load(model: str = DEFAULT_MODEL):  # -> spacy.Language
    import spacy

    nlp = spacy.load(model, exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter", "tagger"])
    return nlp


class PersonTagger:
    """Answers "is this span a person?" from the model's entities in its context."""

    def __init__(self, model: str | None = DEFAULT_MODEL, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size
        self._cache: dict[str, tuple[tuple[int, int], ...]] = {}
        self.contexts_tagged = 0

    @property
    def enabled(self) -> bool:
        return self.model is not None

    def tag(self, contexts: Iterable[str]) -> None:
        """Run NER on the contexts not seen before, in batches."""
        if self.model is None:
            return
        todo = list(dict.fromkeys(c for c in contexts if c not in self._cache))
        if not todo:
            return
        if len(self._cache) + len(todo) > CACHE_LIMIT:
            self._cache.clear()
        nlp = load(self.model)
        for context, doc in zip(todo, nlp.pipe(todo, batch_size=self.batch_size)):
            self._cache[context] = tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ in PERSON_LABELS)
        self.contexts_tagged += len(todo)

    def is_person(self, context: str, start: int, end: int) -> bool:
        """True when a PER entity of `context` covers [start, end) (context-relative)."""
        if self.model is None:
            return False
        if context not in self._cache:
            self.tag([context])
        return any(a <= start and end <= b for a, b in self._cache[context])
