"""A self-contained HTML report: F1 bars, the error list, and each error's source span.

Everything is inline (CSS only, no script, no network) so the file can be
opened anywhere or attached to a ticket. Every text taken from gold,
predictions or raw documents is escaped.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from itertools import groupby
from pathlib import Path
from typing import Any

from pipeline.evaluate.explain import FOLDER, html_text, page_name
from pipeline.evaluate.marks import error_anchor
from pipeline.evaluate.predictions import SCORED_TABLES
from pipeline.evaluate.scoring import ALL, Count, ErrorRow, Evaluation
from pipeline.io.files import write_text_atomic

CONTEXT_CHARS = 160

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:16px;margin:18px 0 6px}
.meta{color:#57606a;margin:0 0 16px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px}
.micro{display:flex;gap:28px;flex-wrap:wrap}.micro b{display:block;font-size:26px}
.bars{display:grid;grid-template-columns:minmax(120px,max-content) 1fr minmax(250px,max-content);gap:4px 12px;
align-items:center}
.label{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.track{background:#eaeef2;border-radius:4px;height:16px;overflow:hidden}
.bar{height:100%;border-radius:4px;min-width:2px}
.bar.good{background:#2da44e}.bar.fair{background:#d4a72c}.bar.poor{background:#cf222e}
.nums{font-size:12px;color:#57606a;font-variant-numeric:tabular-nums;white-space:nowrap}
table.errors{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
table.errors th,table.errors td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
table.errors th{background:#eaeef2}
.kind{font-weight:600;font-size:11px;padding:1px 5px;border-radius:10px;color:#fff}
.kind.fn{background:#8250df}.kind.fp{background:#bc4c00}
.snippet{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:8px 0;
white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.snippet:target{outline:3px solid #0969da}
.snippet .where{display:block;font-family:system-ui,sans-serif;color:#57606a;font-size:12px;margin-bottom:4px}
mark{background:#fff8c5;outline:1px solid #d4a72c;border-radius:2px}
a{color:#0969da}
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0;font-size:13px}
dl.run dt{color:#57606a}dl.run dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace}
"""


def _grade(f1: float) -> str:
    return "good" if f1 >= 0.8 else "fair" if f1 >= 0.5 else "poor"


def _bar(label: str, count: Count) -> str:
    width = f"{count.f1 * 100:.1f}%"
    return (
        f'<div class="label">{html_text(label)}</div>'
        f'<div class="track"><div class="bar {_grade(count.f1)}" style="width:{width}" '
        f'data-f1="{count.f1:.4f}" title="F1 {count.f1:.3f}"></div></div>'
        f'<div class="nums">F1 {count.f1:.3f} · P {count.precision:.3f} · R {count.recall:.3f}'
        f" · tp {count.tp} fp {count.fp} fn {count.fn}</div>"
    )


def _bars(rows: list[tuple[str, Count]], name: str) -> str:
    bars = "".join(_bar(label, count) for label, count in rows)
    return f'<div class="bars card" data-bars="{html_text(name)}">{bars}</div>'


def _snippet_id(index: int) -> str:
    return f"src-{index}"


def _span_ok(text: str | None, error: ErrorRow) -> bool:
    return (text is not None and error.start is not None and error.end is not None
            and 0 <= error.start <= error.end <= len(text))


def _snippet(index: int, text: str, doc_id: str, start: int, end: int, errors: list[int]) -> str:
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    line = text.count("\n", 0, start) + 1
    back = ", ".join(f'<a href="#err-{i}">error {i + 1}</a>' for i in errors)
    return (
        f'<div class="snippet" id="{_snippet_id(index)}">'
        f'<span class="where">{html_text(doc_id)} · line {line} · characters {start}–{end} · {back}</span>'
        f"{'…' if left else ''}{html_text(text[left:start])}<mark>{html_text(text[start:end])}</mark>"
        f"{html_text(text[end:right])}{'…' if right < len(text) else ''}</div>"
    )


def _spans(evaluation: Evaluation, texts: dict[str, str | None]) -> dict[tuple[str, int, int], list[int]]:
    """Distinct source spans, in document and text order, each with the errors pointing at it."""
    spans: dict[tuple[str, int, int], list[int]] = {}
    for index, error in enumerate(evaluation.errors):
        if _span_ok(texts.get(error.doc_id), error):
            spans.setdefault((error.doc_id, error.start or 0, error.end or 0), []).append(index)
    return dict(sorted(spans.items()))


def _error_table(rows: list[tuple[int, ErrorRow]], linked: dict[int, int], pages: Collection[str]) -> str:
    body = []
    for index, error in rows:
        source = f'<a href="#{_snippet_id(linked[index])}">source</a>' if index in linked else ""
        if error.doc_id in pages:
            href = f"{FOLDER}/{page_name(error.doc_id)}#{error_anchor(error)}"
            source += f' <a class="in-text" href="{html_text(href)}">in text</a>'

        body.append(
            f'<tr class="error-row" id="err-{index}"><td>{index + 1}</td><td>{html_text(error.doc_id)}</td>'
            f"<td>{html_text(error.film)}</td>"
            f"<td>{html_text(error.field)}</td><td><span class=\"kind {error.kind}\">{html_text(error.kind)}</span></td>"
            f"<td>{html_text(error.gold)}</td><td>{html_text(error.predicted)}</td><td>{source}</td></tr>"
        )
    head = "<tr><th>#</th><th>document</th><th>film / person</th><th>field</th><th>kind</th><th>gold</th>" \
           "<th>predicted</th><th></th></tr>"
    return f'<table class="errors">{head}{"".join(body)}</table>'


def _run_rows(run: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What run.json says, as (label, value) lines."""
    commit = run.get("commit") or {}
    counts = run.get("counts") or {}
    timings = run.get("timings") or {}
    rows = counts.get("rows") or {}
    return [
        ("version", f"{run.get('tool', 'filmfiche')} {run.get('version', '?')}"),
        ("commit", (commit.get("id", "")[:12] + (" (modified)" if commit.get("modified") else "")) or "unknown"),
        ("date", f"{run.get('started_at', '?')} to {run.get('finished_at', '?')}"),
        ("inputs", " ".join(run.get("inputs") or [])),
        ("options", " ".join(f"{k}={v}" for k, v in (run.get("options") or {}).items())),
        ("documents", f"{counts.get('documents', '?')} ({counts.get('failed', '?')} failed), "
                      f"{counts.get('problems', '?')} problem(s)"),
        ("rows", " ".join(f"{name}={n}" for name, n in rows.items())),
        ("time", f"{timings.get('seconds', '?')} s"),
    ]


def _run_card(run: Mapping[str, Any] | None, evaluated: Mapping[str, str]) -> str:
    lines = [*(_run_rows(run) if run else [("run", "no run.json beside the tables")]), *evaluated.items()]
    cells = "".join(f"<dt>{html_text(label)}</dt><dd>{html_text(value)}</dd>" for label, value in lines)
    return f'<h2 id="run">Run</h2><dl class="run card">{cells}</dl>'


def render_report(evaluation: Evaluation, texts: Mapping[str, str | None], run: Mapping[str, Any] | None = None,
                  evaluated: Mapping[str, str] | None = None, pages: Collection[str] = ()) -> str:
    """The whole report as one HTML string; `texts` are the documents' texts (None: not found),
    `run` the run.json of the tables, `evaluated` what this evaluation read and when, `pages`
    the documents with an explain page to link to."""
    numbered = list(enumerate(evaluation.errors))
    spans = _spans(evaluation, texts)
    linked = {i: n for n, errors in enumerate(spans.values()) for i in errors}
    micro = evaluation.micro
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>Evaluation report</title><style>{_CSS}</style></head><body><main>",
        "<h1>Evaluation report</h1>",
        f'<p class="meta">{len(evaluation.doc_ids)} document(s) with gold · {len(evaluation.errors)} error(s)</p>',
        f'<div class="card micro" id="micro"><div><b>{micro.f1:.3f}</b>micro F1</div>'
        f"<div><b>{micro.precision:.3f}</b>precision</div><div><b>{micro.recall:.3f}</b>recall</div>"
        f"<div><b>{micro.tp}</b>true positives</div><div><b>{micro.fp}</b>false positives</div>"
        f"<div><b>{micro.fn}</b>false negatives</div></div>",
        _run_card(run, evaluated or {}),
        '<h2 id="tables">F1 per table</h2>',
        _bars([(t, evaluation.count(t)) for t in (*SCORED_TABLES, ALL)], "tables"),
        '<h2 id="fields">F1 per field</h2>',
    ]
    for table in SCORED_TABLES:
        fields = evaluation.fields(table)
        if fields:
            parts.append(f"<h3>{html_text(table)}</h3>")
            parts.append(_bars([(f, evaluation.count(table, f)) for f in fields], f"fields-{table}"))
    parts.append('<h2 id="documents">F1 per document</h2>')
    parts.append(_bars([(d, evaluation.count(ALL, "", d)) for d in evaluation.doc_ids], "documents"))
    if pages:
        links = " · ".join(f'<a href="{html_text(FOLDER)}/{html_text(page_name(d))}">{html_text(d)}</a>' for d in sorted(pages))
        parts.append(f'<h2 id="explained">Documents explained</h2><p class="card">Each document\'s text with every '
                     f"extracted value marked, and the missed gold values where their string occurs: {links}</p>")
    parts.append('<h2 id="errors">Errors</h2>')
    if not numbered:
        parts.append('<p class="card">No errors.</p>')
    for table, group in groupby(numbered, key=lambda item: item[1].table):
        rows = list(group)
        parts.append(f'<h3 id="errors-{html_text(table)}">{html_text(table)} · {len(rows)} error(s)</h3>')
        parts.append(_error_table(rows, linked, pages))
    parts.append('<h2 id="sources">Source spans</h2>')
    if not spans:
        parts.append('<p class="card">No error points at a source span.</p>')
    current = None
    for n, ((doc_id, start, end), errors) in enumerate(spans.items()):
        if doc_id != current:
            parts.append(f"<h3>{html_text(doc_id)}</h3>")
            current = doc_id
        parts.append(_snippet(n, texts[doc_id] or "", doc_id, start, end, errors))
    parts.append("</main></body></html>\n")
    return "".join(parts)


def write_report(evaluation: Evaluation, folder: Path, texts: Mapping[str, str | None],
                 run: Mapping[str, Any] | None = None, evaluated: Mapping[str, str] | None = None,
                 pages: Collection[str] = ()) -> Path:
    """Write report.html into `folder` (beside scores.csv)."""
    path = Path(folder) / "report.html"
    write_text_atomic(path, render_report(evaluation, texts, run, evaluated, pages))
    return path
