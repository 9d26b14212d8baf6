"""Run the extraction of one snippet and return its tables, for extractor tests."""

from __future__ import annotations

from pipeline.extract.document import extract_document
from pipeline.ids import IdAllocator
from pipeline.model import Document
from pipeline.ner import PersonTagger
from pipeline.tables import Tables, document_tables

NO_NER = PersonTagger(None)


def extract(text: str, tagger: PersonTagger = NO_NER) -> Tables:
    return document_tables(extract_document(Document("snippet", text), tagger), IdAllocator())


def column(tables: Tables, table: str, *names: str) -> list[tuple]:
    return [tuple(row[n] for n in names) for row in tables[table]]
