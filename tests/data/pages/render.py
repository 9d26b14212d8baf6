"""Render a saved Wikipedia page to the text a reader gets by selecting the
article body in a browser and copying it: visible text only, one line per
block (paragraph, heading, list item, table row), table cells separated by a
tab, line breaks kept, nothing hidden on screen (display:none, collapsed boxes,
scripts, styles, image files).

    python tests/data/pages/render.py PAGE.html > PAGE.txt
"""

from __future__ import annotations

import sys

import re

import lxml.html

SPACES = re.compile(r"[ \t\n\r\f]+")

BLOCKS = {"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
          "table", "tbody", "thead", "tfoot", "tr", "caption", "figure", "figcaption", "blockquote", "pre", "center"}
CELLS = {"td", "th"}
SKIP = {"script", "style", "meta", "link", "img", "noscript", "audio", "video", "math", "annotation"}


def _hidden(el: lxml.html.HtmlElement) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    classes = (el.get("class") or "").split()
    return "display:none" in style or "mw-collapsed" in classes or "hidden" in classes or el.get("hidden") is not None


def _collapsed_row(el) -> bool:
    """A row a collapsed box hides: every row but its title row (`[afficher]` shows it)."""
    if el.tag != "tr":
        return False
    table = next((a for a in el.iterancestors("table")), None)
    if table is None or "collapsed" not in (table.get("class") or "").split():
        return False
    return el is not table.xpath(".//tr")[0]


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in SKIP or _hidden(el) or _collapsed_row(el):
        if el.tail:
            out.append(SPACES.sub(" ", el.tail))
        return
    if tag in BLOCKS:
        out.append("\n")
    if tag == "br":
        out.append("\n")
    if el.text:
        out.append(SPACES.sub(" ", el.text))
    first_cell = True
    for child in el:
        if isinstance(child.tag, str) and child.tag in CELLS:
            if not first_cell:
                out.append("\t")
            first_cell = False
        _walk(child, out)
    if tag in BLOCKS:
        out.append("\n")
    if el.tail:
        out.append(SPACES.sub(" ", el.tail))


def render(html: str) -> str:
    root = lxml.html.fromstring(html)
    bodies = root.xpath('//div[contains(concat(" ", @class, " "), " mw-parser-output ")]') or root.xpath("//body")
    parts: list[str] = []
    _walk(bodies[0], parts)
    lines = []
    for line in "".join(parts).split("\n"):
        line = "\t".join(" ".join(cell.split(" ")).strip(" ") for cell in line.split("\t")).strip("\t")
        if line.strip():
            lines.append(line)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.stdout.write(render(handle.read()))
