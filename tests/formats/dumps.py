"""Write small MediaWiki dumps for the tests and the benchmark: plain XML, or bz2 multistream with its index."""

from __future__ import annotations

import bz2
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="fr">
  <siteinfo>
    <sitename>Wikipédia</sitename>
    <dbname>frwiki</dbname>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="4" case="first-letter">Wikipédia</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"


@dataclass
class Page:
    title: str
    text: str
    ns: int = 0
    redirect: str = ""
    history: tuple[str, ...] = ()  # earlier revisions' texts, oldest first


def page_xml(page: Page, page_id: int) -> str:
    revisions = "".join(
        f"""    <revision>
      <id>{page_id * 10 + n}</id>
      <timestamp>2024-01-0{n + 1}T00:00:00Z</timestamp>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="{len(text.encode())}" xml:space="preserve">{escape(text)}</text>
    </revision>
""" for n, text in enumerate([*page.history, page.text]))
    redirect = f'    <redirect title="{escape(page.redirect)}" />\n' if page.redirect else ""
    return f"""  <page>
    <title>{escape(page.title)}</title>
    <ns>{page.ns}</ns>
    <id>{page_id}</id>
{redirect}{revisions}  </page>
"""


def write_plain(path: Path, pages: list[Page]) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(HEADER)
        for n, page in enumerate(pages, 1):
            handle.write(page_xml(page, n))
        handle.write(FOOTER)
    return path


def write_multistream(path: Path, pages: list[Page], per_stream: int = 100) -> Path:
    """A dump as Wikimedia publishes it: the header, then `per_stream` pages a bz2 stream, then the footer, and
    `<name>-index.txt.bz2` beside it (`offset:page_id:title` a line). Returns the index's path."""
    index = []
    with open(path, "wb") as handle:
        handle.write(bz2.compress(HEADER.encode()))
        for first in range(0, len(pages), per_stream):
            offset = handle.tell()
            chunk = pages[first:first + per_stream]
            xml = "".join(page_xml(page, first + n + 1) for n, page in enumerate(chunk))
            index += [f"{offset}:{first + n + 1}:{page.title}" for n, page in enumerate(chunk)]
            handle.write(bz2.compress(xml.encode()))
        handle.write(bz2.compress(FOOTER.encode()))
    index_path = path.with_name(path.name.replace(".xml.bz2", "-index.txt.bz2"))
    index_path.write_bytes(bz2.compress(("\n".join(index) + "\n").encode()))
    return index_path
