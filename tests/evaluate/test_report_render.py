"""report.html rendered by a real headless Chromium: bars, error rows and marked source spans."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from evalcases import FILM, perfect_tables

from pipeline.evaluate.gold import load_gold_folder
from pipeline.evaluate.predictions import load_predictions
from pipeline.evaluate.report import write_report
from pipeline.evaluate.scoring import evaluate
from pipeline.evaluate.sources import read_documents

RAW = "La Nuit blanche est un film de Léa Marchand. Montage : Paul Dufour et <Anne> Roy & Cie.\n"


def chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)


def make_report(case, tmp_path: Path) -> Path:
    tables = perfect_tables()
    start = RAW.index("<Anne>")
    tables["credits"][2].update(name="<Anne> Roy & Cie", start=str(start), end=str(start + len("<Anne> Roy & Cie")))
    tables["credits"].append({"film_id": FILM["film_id"], "role": "composer", "name": "<script>x</script>",
                              "start": "0", "end": "15"})
    gold, pred = case(tables)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "doc.txt").write_text(RAW, encoding="utf-8")
    evaluation = evaluate(load_gold_folder(gold), load_predictions(pred))
    return write_report(evaluation, pred, read_documents(raw, evaluation.doc_ids, pred))


def test_report_is_self_contained_and_escaped(case, tmp_path: Path) -> None:
    html = make_report(case, tmp_path).read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html
    assert "<mark>&lt;Anne&gt; Roy &amp; Cie</mark>" in html


def test_report_renders_in_headless_chromium(case, tmp_path: Path) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    report = make_report(case, tmp_path)
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    dom = done.stdout
    assert done.returncode == 0 and "<body>" in dom, done.stderr[-2000:]
    assert dom.count('class="bar ') >= 9
    assert 'data-bars="fields-credits"' in dom
    assert dom.count('class="error-row"') == 3
    assert '<mark>&lt;Anne&gt; Roy &amp; Cie</mark>' in dom
    assert 'href="#src-' in dom and 'id="src-' in dom
    assert "<script" not in dom
