"""Throughput and peak memory of reading a MediaWiki dump.

Generates a bz2 multistream dump (100 pages a stream, as Wikimedia publishes
them) of --size MB of XML (10^6 bytes, uncompressed), in which --film-share
of the pages are film articles in French wikitext (infobox, fiche technique,
distribution, awards, a synopsis of varied words) and the rest are other
articles, redirects and pages of other namespaces. Then, each in a child
process whose peak resident memory comes from os.wait4:

  (a) listing: streaming the dump once and keeping its film and person pages
      (what `extract` does before extracting), alone;
  (b) `python -m pipeline extract DUMP --no-ner --jobs N` for each --jobs;
  and (a) and (b) with --jobs 1 on a dump of --small MB, so that peak memory
  at two sizes shows whether it grows with the dump.

MB/s is MB of uncompressed XML per second of wall time. Prints a Markdown
report on stdout, progress on stderr.

example:
  .venv/bin/python benchmarks/dump_throughput.py --size 60 --small 6
"""

from __future__ import annotations

import argparse
import bz2
import os
import platform
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from throughput import MB, ROOT, Child, run_child

sys.path.insert(0, str(ROOT))

from tests.formats.dumps import FOOTER, HEADER, Page, page_xml  # noqa: E402

PER_STREAM = 100
LIST_PAGES = "import sys; from pathlib import Path; from pipeline.io.dump import list_pages; print(sum(1 for _ in list_pages(Path(sys.argv[1]))))"

FIRST = ["Awa", "Issa", "Fatou", "Moussa", "Aminata", "Jean", "Claire", "Salif", "Mariam", "Karim", "Nadia", "Omar",
         "Léa", "Hugo", "Inès", "Yacine", "Sofia", "Malik", "Chloé", "Bakary"]
LAST = ["Traoré", "Koné", "Diallo", "Martin", "Dubois", "Diarra", "Sow", "Cissé", "Benali", "Mercier", "Haddad",
        "Keïta", "Lefèvre", "Sangaré", "Moreau", "Touré", "Ndiaye", "Bernard", "Camara", "Roux"]
COUNTRIES = ["Mali", "France", "Sénégal", "Maroc", "Algérie", "Tunisie", "Burkina Faso", "Belgique", "Canada", "Niger"]
GENRES = ["drame", "comédie", "comédie dramatique", "documentaire", "film historique", "thriller"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
WORDS = ("le la les un une des village ville fleuve nuit jour père mère frère sœur ami enfant route école marché "
         "travail retour départ mémoire lettre secret voyage pêcheur paysan musicien chanteur guerre paix terre "
         "ciel vent sable pluie saison fête mariage départ exil rêve espoir colère silence chanson histoire").split()
VERBS = "quitte retrouve découvre attend rejoint raconte perd cherche refuse accepte".split()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _prose(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        words.insert(2, rng.choice(VERBS))
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def film_page(rng: random.Random, n: int) -> Page:
    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n}"
    director, writer, composer, editor = (_name(rng) for _ in range(4))
    actors = [(_name(rng), rng.choice(FIRST)) for _ in range(rng.randint(3, 8))]
    countries = rng.sample(COUNTRIES, rng.randint(1, 2))
    year = rng.randint(1950, 2023)
    genre, minutes = rng.choice(GENRES), rng.randint(70, 150)
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    cast = "\n".join(f"* [[{a}]] : {c}" for a, c in actors)
    text = f"""{{{{Infobox Cinéma (film)
 | titre = {title}
 | réalisation = [[{director}]]
 | acteur = {'<br />'.join(f'[[{a}]]' for a, _ in actors[:3])}
 | pays = {'<br />'.join(f'{{{{{c}}}}}' for c in countries)}
 | genre = {genre}
 | durée = {{{{Unité|{minutes}|minutes}}}}
 | année de sortie = [[{year} au cinéma|{year}]]
}}}}
'''''{title}''''' est un film réalisé par [[{director}]] et sorti en [[{year} au cinéma|{year}]].

== Synopsis ==
{_prose(rng, rng.randint(8, 30))}

== Fiche technique ==
* Titre original : ''{title}''
* Réalisation : [[{director}]]
* Scénario : {writer} et {director}
* Musique : {{{{Lien|fr={composer}}}}}
* Montage : {editor}
* Pays d'origine : {', '.join(f'{{{{{c}}}}}' for c in countries)}
* Genre : {genre}
* Durée : {{{{Unité|{minutes}|minutes}}}}
* Date de sortie : {{{{date|{day}|{month}|{year}}}}}

== Distribution ==
{cast}

== Distinctions ==
* Festival du film de {rng.choice(COUNTRIES)} {year + 1} : Prix du meilleur scénario<ref>{{{{Lien web|url=http://example.org/{n}|titre=Palmarès}}}}</ref>

== Notes et références ==
{{{{Références}}}}

{{{{Portail|cinéma}}}}
[[Catégorie:Film sorti en {year}]]
"""
    return Page(title, text)


def other_page(rng: random.Random, n: int) -> Page:
    kind = rng.random()
    title = f"{rng.choice(WORDS).capitalize()} {n}"
    if kind < 0.15:
        return Page(title, f"#REDIRECTION [[{rng.choice(WORDS).capitalize()}]]", redirect=rng.choice(WORDS))
    if kind < 0.25:
        return Page(f"Discussion:{title}", _prose(rng, 5), ns=1)
    sections = "\n\n".join(f"== {rng.choice(WORDS).capitalize()} ==\n{_prose(rng, rng.randint(5, 25))}" for _ in range(rng.randint(1, 4)))
    return Page(title, f"'''{title}''' est une {rng.choice(WORDS)} du [[{rng.choice(COUNTRIES)}]].\n\n{sections}\n")


def generate(path: Path, size_mb: float, film_share: float, seed: int = 1) -> tuple[int, int, int]:
    """Write the dump; returns (XML bytes, pages, film pages)."""
    rng = random.Random(seed)
    written = films = pages = 0
    with open(path, "wb") as handle:
        handle.write(bz2.compress(HEADER.encode()))
        written += len(HEADER.encode())
        while written < size_mb * MB:
            chunk = []
            for _ in range(PER_STREAM):
                pages += 1
                if rng.random() < film_share:
                    films += 1
                    chunk.append(page_xml(film_page(rng, pages), pages))
                else:
                    chunk.append(page_xml(other_page(rng, pages), pages))
            data = "".join(chunk).encode()
            written += len(data)
            handle.write(bz2.compress(data))
        handle.write(bz2.compress(FOOTER.encode()))
        written += len(FOOTER.encode())
    return written, pages, films


def measure(dump: Path, jobs: list[int], work: Path) -> list[tuple[str, Child]]:
    results = [("(a) list film and person pages", run_child([sys.executable, "-c", LIST_PAGES, str(dump)]))]
    for n in jobs:
        print(f"extract --jobs {n} ...", file=sys.stderr)
        out = work / f"out-{dump.stem}-{n}"
        child = run_child([sys.executable, "-m", "pipeline", "extract", str(dump), "--out", str(out), "--no-ner",
                           "--jobs", str(n), "--quiet"], failed_ok=True)
        results.append((f"(b) extract --no-ner --jobs {n}", child))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=float, default=60, help="MB of XML in the dump (default 60)")
    parser.add_argument("--small", type=float, default=6, help="MB of XML of the smaller dump, for memory at two sizes (default 6)")
    parser.add_argument("--film-share", type=float, default=0.2, help="share of pages that are film articles (default 0.2)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (default 1 2)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    rows = []
    with tempfile.TemporaryDirectory(prefix="dump-bench-") as tmp:
        work = Path(tmp)
        for size, jobs in ((args.small, [1]), (args.size, args.jobs)):
            dump = work / f"frwiki-bench-{size:g}mb-pages-articles-multistream.xml.bz2"
            print(f"generating {size:g} MB ...", file=sys.stderr)
            xml_bytes, pages, films = generate(dump, size, args.film_share)
            for name, child in measure(dump, jobs, work):
                rows.append((xml_bytes, dump.stat().st_size, pages, films, name, child))
    load = os.getloadavg()[0]
    print(f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores; Python {platform.python_version()}; commit {commit}; 1-minute load average {load:.2f} "
          f"after. One run per figure.\n")
    print("| dump (XML / bz2) | pages (films) | run | time (s) | CPU (s) | MB/s | film pages/s | peak RSS (MB) |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for xml_bytes, bz2_bytes, pages, films, name, child in rows:
        print(f"| {xml_bytes / MB:.1f} MB / {bz2_bytes / MB:.1f} MB | {pages:,} ({films:,}) | {name} | {child.seconds:.1f} | "
              f"{child.cpu_seconds:.1f} | {xml_bytes / MB / child.seconds:.2f} | {films / child.seconds:.0f} | {child.peak_rss_mb:.0f} |")


if __name__ == "__main__":
    main()
