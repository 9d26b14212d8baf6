"""Render a saved HTML page of an article as the plain text the extractors read.

The article body is found (Wikipedia desktop `#mw-content-text`, Parsoid's
`<body>` of `<section>`s, a mirror's main content), page furniture is dropped
by the CSS selectors of `pipeline/data/html_furniture.txt`, and the rest is
written with the structure the extractors read: headings on their own lines,
list items as `- ` lines indented by nesting depth, table and infobox rows as
`Label | value |` lines. selectolax (lexbor) is used because it parses like a
browser (HTML5) and was faster than lxml on saved Wikipedia pages, with CSS
selectors built in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.io.rendered import BULLET, INDENT, MarkupError, Rendered, cell_text, row_line
from pipeline.vocab import entries

BODY_SELECTORS = ("#mw-content-text", ".mw-parser-output", "main", "[role=main]", "article", "#content", "body")
TITLE_SUFFIX = re.compile(r"\s+[—–-]\s+Wikip[ée]dia\s*$")
TAG = re.compile(r"<[^>]*>")  # Parsoid's <title> holds the display title's markup as text: `<i>Titre</i>`
SPACES = re.compile(r"[ \t\n\r\f]+")
BLOCKS = frozenset(
    "address article aside blockquote body center dd details div dl dt fieldset figcaption footer form header hr "
    "main ol p pre section summary table tbody tfoot thead ul".split()
)
HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
LISTS = frozenset({"ul", "ol"})
CELLS = frozenset({"td", "th"})
SKIP = "data-filmfiche-skip"  # marks furniture: the walk passes over it (removing nodes would free memory still referenced)
CELL_BREAK = "\n"


@cache
def furniture_selectors() -> tuple[str, ...]:
    """The furniture selectors; the vocabulary's spec has checked each parses when the file was loaded."""
    return tuple(entries("html_furniture.txt"))


@dataclass
class _Writer:
    """Collects rendered lines; list and cell state says how the next text is laid out."""

    lines: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    depth: int = 0  # open lists
    bullet: str = ""  # prefix of the next line of a list item
    cell_depth: int = 0  # open table cells
    cells: list[str] = field(default_factory=list)
    preformatted: bool = False

    def text(self, value: str) -> None:
        """Whitespace collapses across elements too: `: <img> <a>Mali</a>` reads `: Mali`."""
        if not self.preformatted:
            value = SPACES.sub(" ", value)
            if value.startswith(" ") and (not self.words or self.words[-1].endswith((" ", CELL_BREAK))):
                value = value[1:]
        if value:
            self.words.append(value)

    def end_line(self) -> None:
        if self.cell_depth:
            self.words.append(CELL_BREAK)
            return
        line = "".join(self.words).strip()
        self.words.clear()
        if line:
            self.lines.append(self.bullet + line)
            if self.bullet:
                self.bullet = INDENT * self.depth

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def open_cell(self) -> None:
        if not self.cell_depth:
            self.end_line()
        self.cell_depth += 1

    def close_cell(self) -> None:
        self.cell_depth -= 1
        if self.cell_depth:
            self.words.append(CELL_BREAK)
            return
        parts = (SPACES.sub(" ", part).strip() for part in "".join(self.words).split(CELL_BREAK))
        self.cells.append(cell_text(parts))
        self.words.clear()

    def end_row(self) -> None:
        if any(self.cells):
            self.lines.append(row_line(self.cells))
        self.cells.clear()

    def rendered(self) -> str:
        self.end_line()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _enter(node: LexborNode, out: _Writer) -> None:
    tag = node.tag
    if tag == "-text":
        out.text(node.text_content or "")
    elif tag in HEADINGS and not out.cell_depth:
        out.blank()
    elif tag in LISTS and not out.cell_depth:
        out.end_line()
        out.depth += 1
    elif tag == "li" and not out.cell_depth:
        out.end_line()
        out.bullet = INDENT * (out.depth - 1) + BULLET
    elif tag in CELLS:
        out.open_cell()
    elif tag == "tr" and not out.cell_depth:
        out.end_line()
        out.cells.clear()
    elif tag == "pre":
        out.end_line()
        out.preformatted = True
    elif tag in BLOCKS or tag == "br":
        out.end_line()


def _leave(node: LexborNode, out: _Writer) -> None:
    tag = node.tag
    if tag in CELLS:
        out.close_cell()
    elif out.cell_depth:
        if tag in BLOCKS or tag in HEADINGS or tag in LISTS or tag == "li":
            out.end_line()
    elif tag == "tr":
        out.end_row()
    elif tag in LISTS:
        out.end_line()
        out.depth -= 1
        out.bullet = INDENT * out.depth if out.depth else ""
    elif tag == "li":
        out.end_line()
        out.bullet = INDENT * out.depth if out.depth > 1 else ""
    elif tag == "pre":
        out.end_line()
        out.preformatted = False
    elif tag in BLOCKS or tag in HEADINGS:
        out.end_line()


def _walk(root: LexborNode, out: _Writer) -> None:
    """Depth-first over `root`, without recursion (a page can nest thousands of elements)."""
    node: LexborNode | None = root
    while node is not None:
        skipped = node.tag != "-text" and SKIP in node.attributes
        if not skipped:
            _enter(node, out)
            if node.child is not None:
                node = node.child
                continue
        while node is not None:
            if not skipped:
                _leave(node, out)
            skipped = False
            if node.mem_id == root.mem_id:
                return
            if node.next is not None:
                node = node.next
                break
            node = node.parent


def _title(tree: LexborHTMLParser) -> str:
    heading = tree.css_first("h1#firstHeading") or tree.css_first("h1")
    if heading is not None:
        return SPACES.sub(" ", heading.text()).strip()
    title = tree.css_first("title")
    return TITLE_SUFFIX.sub("", SPACES.sub(" ", TAG.sub("", title.text())).strip()) if title is not None else ""


def _body(tree: LexborHTMLParser) -> LexborNode:
    for selector in BODY_SELECTORS:
        node = tree.css_first(selector)
        if node is not None:
            return node
    raise MarkupError("HTML page with no body")


def render_html(page: str) -> Rendered:
    """The article's text: its title on the first line (when the body does not hold it), then the body."""
    tree = LexborHTMLParser(page)
    title = _title(tree)
    body = _body(tree)
    for selector in furniture_selectors():
        for node in body.css(selector):
            node.attrs[SKIP] = ""
    out = _Writer()
    if title and body.css_first("h1") is None:
        out.lines.append(title)
    _walk(body, out)
    text = out.rendered()
    if not text.strip() or text.strip() == title:
        raise MarkupError("HTML page with no article text (no body, or only page furniture)")
    return Rendered(text)
