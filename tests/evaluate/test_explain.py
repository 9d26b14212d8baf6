"""Explain pages: every extracted value marked on the text, missed gold values found by their string, report links."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_report_render import chromium

from pipeline.cli import main
from pipeline.evaluate.explain import marked_text, page_name
from pipeline.evaluate.marks import Mark, locate

TEXT = """\
La Route du sel est un film dramatique sénégalais réalisé par Awa Ndiaye et sorti en 2004.

Synopsis
Moussa quitte Kaolack avec son oncle, le vieux Lamine Faye, pour vendre du sel à Dakar.

Fiche technique
- Réalisation : Awa Ndiaye
- Scénario : Awa Ndiaye et Jean Martin
- Montage : Claire <Dubois> & fils
- Musique : Salif Keïta
- Durée : 95 minutes

Distribution
- Issa Koné : Moussa
- Fatou Diallo : Aminata
"""
GOLD = """\
doc_id: route
sections:
  - {kind: film, title: La Route du sel}
films:
  - title: La Route du sel
    year: 2004
    countries: [SN]
    genres: [drame]
    duration_min: 95
    credits:
      director: [Awa Ndiaye]
      screenwriter: [Awa Ndiaye]
      editor: [Claire <Dubois> & fils, Paul Renaud]
      composer: [Salif Keïta]
    cast:
      - {actor: Issa Koné, character: Moussa}
      - {actor: Fatou Diallo, character: Aminata}
      - {actor: Lamine Faye}
"""


class _Page(HTMLParser):
    """Element ids, mark nesting (checked) and the text with labels left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)
        if tag in ("meta", "br"):
            return
        self.stack.append(f"{tag}.{dict(attrs).get('class', '')}")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1].split(".")[0] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1] == "span.tag"):
            self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("explain")
    (base / "in" / "sud").mkdir(parents=True)
    (base / "in" / "sud" / "route.txt").write_text(TEXT, encoding="utf-8")
    (base / "gold" / "sud").mkdir(parents=True)
    (base / "gold" / "sud" / "route.yaml").write_text(GOLD.replace("doc_id: route", "doc_id: sud/route"),
                                                      encoding="utf-8")
    assert main(["extract", str(base / "in"), "--out", str(base / "out"), "--no-ner", "--quiet", "--jobs", "1"]) == 0
    assert main(["evaluate", "--gold", str(base / "gold"), "--pred", str(base / "out"), "--raw", str(base / "in")]) == 0
    return base


def test_every_error_of_the_report_links_to_its_place_in_the_page(run_folder: Path) -> None:
    report = (run_folder / "out" / "report.html").read_text(encoding="utf-8")
    links = re.findall(r'class="in-text" href="explain/sud/route\.html#([^"]+)"', report)
    assert len(links) == report.count('class="error-row"') == 4
    page = _parse((run_folder / "out" / "explain" / "sud" / "route.html").read_text(encoding="utf-8"))
    assert set(links) <= page.ids
    assert 'href="explain/sud/route.html"' in report
    assert "".join(page.text).count(TEXT) == 1


def test_the_page_marks_values_and_locates_missed_ones(run_folder: Path) -> None:
    html = (run_folder / "out" / "explain" / "sud" / "route.html").read_text(encoding="utf-8")
    assert re.search(r'<mark class="credits"[^>]*>Salif Keïta<span class="tag">composer</span></mark>', html)
    assert re.search(r'<mark class="credits"[^>]*>Claire &lt;Dubois&gt; &amp; fils<span class="tag">editor</span>',
                     html)
    assert re.search(r'<mark class="credits wrong"[^>]*>Jean Martin<span class="tag">screenwriter</span>', html)
    assert re.search(r'<mark class="missed"[^>]*>Lamine Faye<span class="tag">missed cast</span></mark>', html)
    unplaced = html[html.index('id="elsewhere"'):html.index('id="films"')]
    assert "Paul Renaud" in unplaced and "drame" in unplaced and "Lamine Faye" not in unplaced
    assert 'href="../../report.html"' in html


def test_the_page_renders_in_headless_chromium(run_folder: Path, tmp_path: Path) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    page = run_folder / "out" / "explain" / "sud" / "route.html"
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    done = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "<body>" in done.stdout, done.stderr[-2000:]
    dom = done.stdout.split('<div class="text"')[1]
    assert dom.count('<mark class="credits') == 5 and dom.count('<mark class="cast"') == 2
    assert dom.count('<mark class="missed"') == 1 and dom.count('<mark class="credits wrong"') == 1
    assert dom.count('<mark class="fiche"') == 5
    shot = tmp_path / "route.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()],
                   capture_output=True, timeout=60, check=True)
    assert shot.stat().st_size > 10_000


def test_explain_command_writes_the_page_the_report_links_to(run_folder: Path, capsys) -> None:
    out = run_folder / "out"
    written = out / "explain" / "sud" / "route.html"
    before = written.read_text(encoding="utf-8")
    written.unlink()
    args = ["explain", "sud/route", "--pred", str(out), "--raw", str(run_folder / "in"), "--gold", str(run_folder / "gold")]
    assert main(args) == 0
    assert capsys.readouterr().out == f"{written}\n"
    assert written.read_text(encoding="utf-8") == before
    alone = run_folder / "alone.html"
    assert main([*args[:-2], "--gold", str(run_folder / "nowhere"), "--out", str(alone)]) == 0
    html = alone.read_text(encoding="utf-8")
    assert "missed" not in html.split('<h2 id="text">')[1] and "error(s)" not in html
    assert main(["explain", "sud/autre", "--pred", str(out)]) == 2
    assert "sud/autre is not a document of" in capsys.readouterr().err


def test_locate_finds_words_not_codes() -> None:
    text = "Réalisé par Awa  NDIAYE, sorti au Mali (ML) en 2004."
    assert locate(text, "Awa Ndiaye") == (12, 23)
    assert locate(text, "2004 | Prix du jury | — | won") is None
    assert locate(text, "ML") is None
    assert locate(text, "Mali") == (text.index("Mali"), text.index("Mali") + 4)


def test_a_missed_credit_is_looked_for_first_in_the_fiche_lines_of_its_role() -> None:
    text = "Film réalisé par Awa Ndiaye.\n- Montage : Paul Roy et Awa Ndiaye\n"
    montage = text.index("Paul Roy"), len(text) - 1
    assert locate(text, "Awa Ndiaye", [montage]) == (text.rindex("Awa Ndiaye"), len(text) - 1)
    assert locate(text, "Awa Ndiaye") == (17, 27)


def test_page_names_follow_doc_ids() -> None:
    assert page_name("sud/route") == "sud/route.html"
    assert page_name("v1.2") == "v1.2.html"
    with pytest.raises(ValueError):
        page_name("../route")


@given(st.text(alphabet="ab <&\n", min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(["credits", "fiche", "missed"])),
                max_size=8))
def test_overlapping_marks_stay_well_nested_and_keep_the_text(text: str, spans) -> None:
    marks = [Mark(start, min(start + size, len(text)), kind, f"L{n}") for n, (start, size, kind) in enumerate(spans)
             if start < len(text)]
    html = marked_text(text, marks)
    page = _parse(f"<div>{html}</div>")
    assert not page.stack
    assert "".join(page.text) == text
    assert html.count('<span class="tag">') == len(marks)
