"""Set comparison of gold and predicted facts: counts, P/R/F1 and the error list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pipeline.evaluate.facts import Fact, gold_facts, predicted_facts
from pipeline.evaluate.gold import GoldDocument
from pipeline.text.normalize import gold_key
from pipeline.evaluate.predictions import SCORED_TABLES, Predictions
from pipeline.schema import ROLES, TABLES

ALL = "all"
# A missed value is shown beside a wrong one when they look alike, or when each is the only one of its side.
NEAREST_MIN_RATIO = 0.5


@dataclass
class Count:
    """True/false positives and false negatives; P/R/F1 are 1.0 when there is nothing to find or claim."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ErrorRow:
    """One false positive or negative, with the closest value of the other side for context."""

    doc_id: str
    table: str
    field: str
    kind: str
    film: str
    gold: str
    predicted: str
    start: int | None
    end: int | None


@dataclass
class Evaluation:
    """Counts keyed by (table, field, doc_id); empty field/doc_id mean totals."""

    doc_ids: list[str]
    counts: dict[tuple[str, str, str], Count] = field(default_factory=dict)
    errors: list[ErrorRow] = field(default_factory=list)

    def count(self, table: str, field_name: str = "", doc_id: str = "") -> Count:
        return self.counts.get((table, field_name, doc_id), Count())

    @property
    def micro(self) -> Count:
        return self.count(ALL)

    def fields(self, table: str) -> list[str]:
        """The fields of a table that have rows, in schema order."""
        present = {f for (t, f, d) in self.counts if t == table and f and not d}
        return sorted(present, key=lambda f: (_field_rank(table, f), f))


def _field_rank(table: str, name: str) -> int:
    order = {"credits": ROLES, "films": TABLES["films"], "people": TABLES["people"], "awards": ("prize", "event")}
    fields = order.get(table, ())
    return fields.index(name) if name in fields else len(fields)


def _table_has_fields(table: str) -> bool:
    return table in ("films", "credits", "awards", "people")


def _dedupe(facts: list[Fact]) -> dict[tuple[str, str, tuple[str, ...]], Fact]:
    """One fact per tuple, keeping the earliest source span."""
    unique: dict[tuple[str, str, tuple[str, ...]], Fact] = {}
    for fact in sorted(facts, key=lambda f: (f.start is None, f.start or 0)):
        unique.setdefault((fact.table, fact.field, fact.key), fact)
    return unique


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, gold_key(a), gold_key(b)).ratio()


def _nearest(fact: Fact, others: list[Fact], alone: bool) -> Fact | None:
    """The most similar fact of the other side, if it is close enough or both sides hold one fact."""
    if not others:
        return None
    best = max(others, key=lambda other: _similarity(fact.value, other.value))
    if (alone and len(others) == 1) or _similarity(fact.value, best.value) >= NEAREST_MIN_RATIO:
        return best
    return None


def _errors(doc_id: str, missed: list[Fact], wrong: list[Fact]) -> list[ErrorRow]:
    """Error rows of one document, each set beside the closest fact of the other side."""
    groups: dict[tuple[str, str, str], tuple[list[Fact], list[Fact]]] = defaultdict(lambda: ([], []))
    for fact in missed:
        groups[(fact.table, fact.field, fact.owner)][0].append(fact)
    for fact in wrong:
        groups[(fact.table, fact.field, fact.owner)][1].append(fact)
    rows = []
    for fns, fps in groups.values():
        for fact in fns:
            near = _nearest(fact, fps, len(fns) == 1)
            rows.append(ErrorRow(doc_id, fact.table, fact.field, "fn", fact.film, fact.value,
                                 near.value if near else "", near.start if near else None,
                                 near.end if near else None))
        for fact in fps:
            near = _nearest(fact, fns, len(fps) == 1)
            rows.append(ErrorRow(doc_id, fact.table, fact.field, "fp", fact.film,
                                 near.value if near else "", fact.value, fact.start, fact.end))
    return rows


def _add(counts: dict[tuple[str, str, str], Count], table: str, field_name: str, doc_id: str, count: Count) -> None:
    for t in (table, ALL):
        for d in (doc_id, ""):
            counts.setdefault((t, "", d), Count()).add(count)
    if field_name and _table_has_fields(table):
        for d in (doc_id, ""):
            counts.setdefault((table, field_name, d), Count()).add(count)


def evaluate(gold_documents: list[GoldDocument], predictions: Predictions) -> Evaluation:
    """Score every gold document against its predicted rows; other documents are ignored."""
    documents = sorted(gold_documents, key=lambda d: d.doc_id)
    result = Evaluation(doc_ids=[d.doc_id for d in documents])
    for table in (*SCORED_TABLES, ALL):
        result.counts[(table, "", "")] = Count()
    for doc in documents:
        for table in (*SCORED_TABLES, ALL):
            result.counts[(table, "", doc.doc_id)] = Count()
        gold = _dedupe(gold_facts(doc))
        predicted = _dedupe(predicted_facts(predictions.for_document(doc.doc_id), doc))
        for key in gold.keys() | predicted.keys():
            table, field_name, _ = key
            hit = Count(tp=1) if key in gold and key in predicted else Count(fn=1) if key in gold else Count(fp=1)
            _add(result.counts, table, field_name, doc.doc_id, hit)
        missed = [f for k, f in gold.items() if k not in predicted]
        wrong = [f for k, f in predicted.items() if k not in gold]
        result.errors.extend(_errors(doc.doc_id, missed, wrong))
    table_rank = {t: i for i, t in enumerate(SCORED_TABLES)}
    result.errors.sort(key=lambda e: (table_rank[e.table], e.doc_id, _field_rank(e.table, e.field), e.field,
                                      e.film, e.gold or e.predicted, e.kind))
    return result
