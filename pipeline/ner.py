"""spaCy NER, loaded once and run only on the short contexts that need a decision.

The extractors use nothing but entity labels, so every component that does
not feed the entity recogniser is excluded before its weights are read (for
fr_core_news_sm: tagger, parser, lemmatizer and the shared tok2vec, since the
NER carries its own token-to-vector layer). Contexts are batched with
`nlp.pipe` and kept in a bounded cache, so a sentence repeated across
documents is read once per process. spaCy is imported only when a document
needs a decision: a run whose documents need none never loads it.

`load` (and `load_syntax`) are the one way any component gets the model:
once per process, on first use, thread-safe.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Generic, TypeVar

DEFAULT_MODEL = "fr_core_news_sm"
PERSON_LABELS = frozenset({"PER"})
ENTITY_FACTORIES = frozenset({"ner", "beam_ner", "entity_ruler"})
SHARED_ENCODERS = frozenset({"tok2vec", "transformer"})
CACHE_LIMIT = 20_000
T = TypeVar("T")


def _config(model: str) -> Mapping[str, Any]:
    """The model's config, read without loading any weights."""
    from spacy import util

    path = Path(model)
    if not (path / "config.cfg").exists():
        package = util.get_package_path(model)
        meta = util.load_meta(package / "meta.json")
        path = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    return util.load_config(path / "config.cfg")


def unused_components(config: Mapping[str, Any]) -> list[str]:
    """Components that neither set entities nor feed a component that does.

    An entity recogniser whose `tok2vec` is a listener reads a shared
    encoder (its `upstream`, or any tok2vec/transformer for `*`); that
    encoder stays.
    """
    components = config["components"]
    entity = {name for name, c in components.items() if c.get("factory") in ENTITY_FACTORIES}
    if not entity:
        raise ValueError("the model has no entity recogniser (ner, beam_ner or entity_ruler)")
    keep = set(entity)
    for name in entity:
        encoder = components[name].get("model", {}).get("tok2vec", {})
        if "Listener" in str(encoder.get("@architectures", "")):
            upstream = encoder.get("upstream", "*")
            keep |= {n for n, c in components.items()
                     if n == upstream or (upstream == "*" and c.get("factory") in SHARED_ENCODERS)}
    return [name for name in components if name not in keep]


_LOADS: dict[tuple[str, str], Future] = {}
_LOADS_LOCK = threading.Lock()


def _load_into(future: Future, model: str, component: str) -> None:
    try:
        import spacy

        if component:
            components = _config(model)["components"]
            nlp = spacy.load(model, exclude=[n for n, c in components.items() if c.get("factory") in ENTITY_FACTORIES])
            nlp.add_pipe(component)
        else:
            nlp = spacy.load(model, exclude=unused_components(_config(model)))
        future.set_result(nlp)
    except BaseException as err:  # noqa: BLE001 - handed to whoever waits for the model
        future.set_exception(err)


def _loading(model: str, component: str = "") -> Future:
    """The model's one load in this process, done here if nobody started it yet (other threads wait for it)."""
    with _LOADS_LOCK:
        future = _LOADS.get((model, component))
        first = future is None
        if first:
            future = _LOADS[(model, component)] = Future()
    if first:
        _load_into(future, model, component)
    return future


def load(model: str = DEFAULT_MODEL):  # -> spacy.Language
    """The model with only its entity recogniser, loaded once per process."""
    return _loading(model).result()


def load_syntax(model: str, component: str):  # -> spacy.Language
    """The model without its entity recogniser (tagger, lemmatizer, parser) and with
    `component` added last, loaded once per process; the caller registers the
    component's factory by importing its module first."""
    return _loading(model, component=component).result()


def _person_spans(doc: Any) -> tuple[tuple[int, int], ...]:
    return tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ in PERSON_LABELS)


class PipeCache(Generic[T]):
    """What a spaCy pipeline says of each text: unseen texts are run through `nlp.pipe` in
    batches, and the answers kept in a bounded cache (least recently used first out), so
    a text repeated across documents is read once per process."""

    def __init__(self, nlp: Callable[[], Any], read: Callable[[Any], T], batch_size: int = 64,
                 limit: int = CACHE_LIMIT) -> None:
        if limit < 1:
            raise ValueError("cache_limit must be at least 1")
        self._nlp, self._read, self.batch_size, self.limit = nlp, read, batch_size, limit
        self._cache: OrderedDict[str, T] = OrderedDict()
        self.texts_read = 0
        self.chars_read = 0

    def fill(self, texts: Iterable[str]) -> dict[str, T]:
        """Run the pipeline on the texts not in the cache; their answers, also cached."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not todo:
            return {}
        fresh = {}
        for text, doc in zip(todo, self._nlp().pipe(todo, batch_size=self.batch_size)):
            fresh[text] = self._cache[text] = self._read(doc)
            if len(self._cache) > self.limit:
                self._cache.popitem(last=False)
        self.texts_read += len(todo)
        self.chars_read += sum(map(len, todo))
        return fresh

    def answers(self, texts: Sequence[str]) -> list[T]:
        """The answer for each text, in order; those read now are returned even when
        the batch was larger than the cache."""
        known = {}
        for text in texts:
            if text in self._cache:
                self._cache.move_to_end(text)
                known[text] = self._cache[text]
        fresh = self.fill(t for t in texts if t not in known)
        return [known[t] if t in known else fresh[t] for t in texts]


class PersonTagger:
    """Answers "is this span a person?" from the model's entities in its context."""

    def __init__(self, model: str | None = DEFAULT_MODEL, batch_size: int = 64, cache_limit: int = CACHE_LIMIT) -> None:
        self.model = model
        self._pipe: PipeCache[tuple[tuple[int, int], ...]] = PipeCache(
            lambda: load(model), _person_spans, batch_size, cache_limit)

    @property
    def enabled(self) -> bool:
        return self.model is not None

    @property
    def contexts_tagged(self) -> int:
        return self._pipe.texts_read

    @property
    def chars_tagged(self) -> int:
        return self._pipe.chars_read

    def tag(self, contexts: Iterable[str]) -> None:
        """Run NER on the contexts not seen before, in batches."""
        if self.model is not None:
            self._pipe.fill(contexts)

    def person_spans(self, context: str) -> tuple[tuple[int, int], ...]:
        """The PER entities of `context`, as (start, end) offsets inside it."""
        if self.model is None:
            return ()
        return self._pipe.answers([context])[0]

    def is_person(self, context: str, start: int, end: int) -> bool:
        """True when a PER entity of `context` covers [start, end) (context-relative)."""
        return any(a <= start and end <= b for a, b in self.person_spans(context))
