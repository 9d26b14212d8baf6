"""filmfiche as a spaCy pipeline component: `nlp.add_pipe("filmfiche")`.

The component runs the same extraction as the command line
(`extract_document`, then `document_tables`) on `doc.text` and puts the result
on the Doc:

- `doc.spans["filmfiche_sections"]`: one span per film or person article, labelled `film` / `person`;
- `doc.spans["filmfiche_blocks"]`: the blocks of each section, labelled by kind (`fiche`, `distribution`...);
- `doc.spans["filmfiche_fiche"]`: every fiche line's value, labelled by the field it feeds (`director`, `countries`...);
- `doc.spans["filmfiche_facts"]`: every fact a table holds with its source span, labelled
  `title`, `credit:<role>`, `cast`, `award:<outcome>`, `release`, `person`;
- `doc._.filmfiche`: the typed records (`DocResult`), `doc._.filmfiche_tables`: the nine tables' rows.

Spans are token-aligned (`alignment_mode="expand"`); the records and the
table rows keep the exact character offsets. The factory is registered with
spaCy through the `spacy_factories` entry point, so installing the package is
enough for `spacy.blank("fr").add_pipe("filmfiche")`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract.document import extract_document
from pipeline.ids import IdAllocator
from pipeline.model import Document
from pipeline.ner import PersonTagger
from pipeline.tables import document_tables, sections_in_order

SECTIONS, BLOCKS, FICHE, FACTS = "filmfiche_sections", "filmfiche_blocks", "filmfiche_fiche", "filmfiche_facts"

# The facts each table puts on the Doc: table -> how its rows are labelled.
FACT_LABELS = {
    "titles": lambda row: "title",
    "credits": lambda row: f"credit:{row['role']}",
    "cast": lambda row: "cast",
    "awards": lambda row: f"award:{row['outcome']}",
    "releases": lambda row: "release",
    "people": lambda row: "person",
}

for _name in ("filmfiche", "filmfiche_tables"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class FilmFiche:
    """Extracts film and person facts from a French film article held by a Doc."""

    def __init__(self, nlp: Language, name: str, model: str | None, doc_id: str) -> None:
        self.name = name
        self.doc_id = doc_id
        self.tagger = PersonTagger(model)

    def __call__(self, doc: Doc) -> Doc:
        doc_id = str(doc.user_data.get("doc_id", self.doc_id))
        result = extract_document(Document(doc_id, doc.text), self.tagger)
        tables = document_tables(result, IdAllocator())
        doc._.filmfiche = result
        doc._.filmfiche_tables = tables
        sections = sections_in_order(result)
        doc.spans[SECTIONS] = _spans(doc, ((s.start, s.end, s.kind.value) for s in sections))
        doc.spans[BLOCKS] = _spans(doc, ((b.start, b.end, b.kind.value) for s in sections for b in s.blocks))
        doc.spans[FICHE] = _spans(doc, ((int(r["start"]), int(r["end"]), str(r["field"]) or "unknown")
                                        for r in tables["fiche"] if r["value"]))
        doc.spans[FACTS] = _spans(doc, ((int(r["start"]), int(r["end"]), label(r))
                                        for table, label in FACT_LABELS.items() for r in tables[table]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def _spans(doc: Doc, found: Iterable[tuple[int, int, str]]) -> list[Span]:
    spans = []
    for start, end, label in found:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


@Language.factory("filmfiche", default_config={"model": None, "doc_id": "doc"})
def make_filmfiche(nlp: Language, name: str, model: str | None, doc_id: str) -> FilmFiche:
    """`model`: a spaCy model name for the person check of one-word names (None: rules only,
    like `extract --no-ner`); `doc_id`: the id rows are written with (a Doc's `user_data["doc_id"]` wins)."""
    return FilmFiche(nlp, name, model, doc_id)
