"""One HTML page per document: its text with every extracted value highlighted and labelled, as displaCy shows entities.

Marks may overlap (a fiche value holds the names its credits rows point at,
a missed gold value may straddle a predicted one): the text is cut at every
mark boundary and each piece opens and closes the marks it lies in, outermost
first, so the HTML stays well nested; a mark's label follows its last piece.
Like the report, a page is self-contained (CSS only, no script) and escapes
every text it shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from pipeline.evaluate.marks import Mark, Unplaced, error_marks, predicted_marks
from pipeline.evaluate.predictions import DocumentPredictions, Predictions
from pipeline.evaluate.scoring import ErrorRow, Evaluation
from pipeline.io.files import replace_folder
from pipeline.io.write import text_name

FOLDER = "explain"
KIND_ORDER = ("problems", "fiche", "titles", "people", "credits", "cast", "awards", "releases", "missed")
FILM_FACT_SKIP = ("film_id", "doc_id")

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}
.meta{color:#57606a;margin:0 0 12px}a{color:#0969da}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px}
.legend mark{margin-right:6px}
.text{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;white-space:pre-wrap;
line-height:2.3;font-size:15px}
mark{padding:2px 3px;border-radius:4px;color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark .tag{font-size:9px;font-weight:700;letter-spacing:.02em;text-transform:uppercase;margin-left:4px;
padding:0 3px;border-radius:3px;background:rgba(255,255,255,.7);vertical-align:middle;line-height:1}
mark.titles{background:#ddf4ff}mark.credits{background:#dafbe1}mark.cast{background:#fff1e5}
mark.awards{background:#fbefff}mark.releases{background:#fff8c5}mark.people{background:#ffebe9}
mark.fiche{background:none;border-bottom:2px dotted #8c959f;border-radius:0;padding:0}
mark.fiche>.tag{color:#57606a;background:none}
mark.problems{background:none;border-bottom:2px wavy #bf8700;border-radius:0}
mark.missed{background:none;outline:2px dashed #8250df;outline-offset:1px}
mark.missed>.tag{background:#8250df;color:#fff}
mark.wrong{outline:2px solid #cf222e;outline-offset:1px}mark.wrong>.tag{background:#cf222e;color:#fff}
.anchor:target+mark,mark:target{box-shadow:0 0 0 4px #0969da}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}
th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}th{background:#eaeef2}
tr:target{background:#ddf4ff}
.film{margin-bottom:8px}.film dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 14px;margin:6px 0 0;
font-size:13px}.film dt{color:#57606a}.film dd{margin:0}
"""

_LEGEND = (("titles", "title"), ("credits", "credit role"), ("cast", "actor"), ("awards", "prize"),
           ("releases", "release date"), ("people", "person"), ("fiche", "fiche line field"),
           ("problems", "problem"), ("missed", "missed gold value"), ("credits wrong", "wrong value"))


def html_text(value: object) -> str:
    """A value as HTML text or attribute content; None is empty."""
    return escape("" if value is None else str(value), quote=True)


def page_name(doc_id: str) -> str:
    """The page's path under the explain folder, `/`-separated; a doc_id that cannot name a file is refused."""
    return text_name(doc_id).as_posix().removesuffix(".txt") + ".html"


def _order(mark: Mark) -> tuple[int, int, int]:
    return mark.start, -mark.end, KIND_ORDER.index(mark.kind)


def _open(mark: Mark, first: bool) -> str:
    classes = f"{mark.kind}{' wrong' if mark.wrong else ''}"
    anchors = "".join(f'<span class="anchor" id="{html_text(a)}"></span>' for a in mark.anchors) if first else ""
    title = (mark.label if mark.kind == "missed" else f"{mark.kind}: {mark.label}") + \
        (f" · {mark.detail}" if mark.detail else "")
    return f'{anchors}<mark class="{classes}" title="{html_text(title)}">'


def _close(mark: Mark, at: int) -> str:
    return (f'<span class="tag">{html_text(mark.label)}</span>' if at == mark.end else "") + "</mark>"


def marked_text(text: str, marks: Iterable[Mark]) -> str:
    """The text as HTML with every mark around its span, labels after each mark's last piece."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=_order)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    for left, right in zip(cuts, cuts[1:]):
        inside = [m for m in marks if m.start <= left and right <= m.end]
        keep = 0
        while keep < min(len(stack), len(inside)) and stack[keep] is inside[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(_close(stack.pop(), left))
        for mark in inside[keep:]:
            out.append(_open(mark, mark.start == left))
            stack.append(mark)
        out.append(html_text(text[left:right]))
    while stack:
        out.append(_close(stack.pop(), len(text)))
    return "".join(out)


def _film_facts(rows: Mapping[str, list[Mapping[str, str]]]) -> str:
    """Each film's filled columns: a value read from several places or from none has no single span, so it is listed."""
    films = rows.get("films", [])
    if not films:
        return ""
    cards = []
    for film in films:
        cells = "".join(f"<dt>{html_text(column)}</dt><dd>{html_text(value)}</dd>"
                        for column, value in film.items() if value and column not in FILM_FACT_SKIP)
        cards.append(f'<div class="card film"><b>{html_text(film.get("film_id", ""))}</b><dl>{cells}</dl></div>')
    return f'<h2 id="films">Films</h2>{"".join(cards)}'


def _unplaced(items: list[Unplaced]) -> str:
    if not items:
        return ""
    body = "".join(
        f'<tr id="{html_text(u.anchor)}"><td>{html_text(u.error.kind)}</td><td>{html_text(u.error.table)}</td><td>{html_text(u.error.field)}</td>'
        f"<td>{html_text(u.error.film)}</td><td>{html_text(u.error.gold)}</td><td>{html_text(u.error.predicted)}</td></tr>"
        for u in items)
    head = "<tr><th>kind</th><th>table</th><th>field</th><th>film / person</th><th>gold</th><th>predicted</th></tr>"
    return (f'<h2 id="elsewhere">Errors with no place in the text</h2><p class="meta">A missed value whose string '
            f"does not occur in the text, or a wrong value with no span of its own.</p><table>{head}{body}</table>")


def render_page(doc_id: str, text: str, rows: DocumentPredictions, errors: list[ErrorRow] | None,
                report_href: str | None = None) -> str:
    """The explain page of one document; `errors` are its evaluation errors when gold exists."""
    marks = predicted_marks(rows.rows, len(text))
    missed, unplaced = error_marks(text, errors or [], marks)
    legend = "".join(f'<mark class="{kind}">{html_text(name)}</mark>' for kind, name in _LEGEND)
    counts = f"{len(marks)} marked value(s)"
    if errors is not None:
        counts += f" · {len(errors)} error(s): {len(missed)} missed value(s) found in the text, " \
                  f"{len(unplaced)} with no place in it"
    back = f' · <a href="{html_text(report_href)}">evaluation report</a>' if report_href else ""
    return "".join([
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{html_text(doc_id)} · explained</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{html_text(doc_id)}</h1>",
        f'<p class="meta">{counts}{back}</p>',
        f'<p class="legend card">{legend}</p>',
        _unplaced(unplaced),
        _film_facts(rows.rows),
        '<h2 id="text">Text</h2>',
        f'<div class="text" lang="fr">{marked_text(text, [*marks, *missed])}</div>',
        "</main></body></html>\n",
    ])


def report_href(doc_id: str) -> str:
    """The report's address seen from a page (pages of nested doc_ids sit in subfolders)."""
    return "../" * (page_name(doc_id).count("/") + 1) + "report.html"


def page_path(folder: Path, doc_id: str) -> Path:
    return Path(folder) / FOLDER / page_name(doc_id)


def write_pages(folder: Path, evaluation: Evaluation, predictions: Predictions,
                texts: Mapping[str, str | None]) -> set[str]:
    """Write the page of every evaluated document whose text is known into `<folder>/explain/`,
    replacing the previous pages; returns the doc_ids that have one."""
    errors: dict[str, list[ErrorRow]] = {}
    for error in evaluation.errors:
        errors.setdefault(error.doc_id, []).append(error)
    pages = {}
    for doc_id in evaluation.doc_ids:
        text = texts.get(doc_id)
        if text is not None:
            pages[page_name(doc_id)] = render_page(doc_id, text, predictions.for_document(doc_id),
                                                   errors.get(doc_id, []), report_href(doc_id))
    replace_folder(Path(folder) / FOLDER, pages)
    return {doc_id for doc_id in evaluation.doc_ids if texts.get(doc_id) is not None}
