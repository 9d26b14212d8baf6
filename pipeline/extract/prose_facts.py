"""Facts other than awards told in sentences: the work a film adapts and its
author (`adapté du roman X de Y`, `d'après la pièce de Y`), its producers
(`produit par X`) and its release dates (`Il sort en Belgique le 3 mars
1999`, `sorti le 12 mai 2004 au Sénégal`). Each is read only where no fiche
line already gives that fact.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.extract.names import looks_like_company, source_work_pattern
from pipeline.extract.people_names import PERSON, PERSON_LIST, PERSON_RE
from pipeline.extract.records import Credit, Release
from pipeline.extract.sentences import sentence_end
from pipeline.text.clean import clean_span
from pipeline.values.dates import find_dates
from pipeline.values.places import country_code

APOS = r"['’]"
AUTHOR_NOUN = r"(?:écrivain|écrivaine|auteur|autrice|auteure|dramaturge|poète|poétesse|romancier|romancière|philosophe|journaliste)"
AUTHOR = regex.compile(
    rf"[^.;]*?(?:\b(?:de|par|d{APOS}|du|des)\s*)(?:l{APOS}|le\s+|la\s+)?(?:{AUTHOR_NOUN}(?:\s+\p{{Ll}}+){{0,2}}\s+)?(?P<who>{PERSON})",
)
SELF_AUTHOR = regex.compile(r"[^.;]*?\b(?:du|de\s+la)\s+(?:metteur\s+en\s+scène|réalisateur|réalisatrice|cinéaste)\b", regex.IGNORECASE)
PRODUCED = regex.compile(rf"\b(?:co)?produite?s?\s+par\s+{PERSON_LIST}")
RELEASE = regex.compile(r"\b(?:sort|sortent|sorti|sortie|sortis|sorties|sortira|sortir)\b(?P<rest>)", regex.IGNORECASE)
RELEASE_REACH = 240
# `, puis en Belgique`, `et au Canada`, `avant de sortir en France`: another release of the same film.
RELEASE_JOINT = regex.compile(
    r"\s*,?\s+(?:puis|et|ainsi\s+qu['’]|avant\s+de\s+sortir|puis\s+de\s+sortir)\s+(?=(?:en|au|aux|à|le|l['’]|dans)\b)", regex.IGNORECASE)
RELEASE_STOP = regex.compile(r"[.;]|,(?!\s*(?:puis|et|avant|ainsi)\b)", regex.IGNORECASE)
COUNTRY_AFTER = regex.compile(r"\b(?:en|au|aux)\s+(?:salles?\s+(?:en|au|aux)\s+)?(?P<country>\p{Lu}[\p{L}'’\-]*(?:[ -]\p{Lu}[\p{L}\-]*)?)")
# A title after its author's name of two words or more: an article, a word, then lower-case words
# (`Amadou Sall La légende du Fleuve`); after one word the article is the name's (`Jean Le Bris paru en 1950`).
TITLE_ARTICLE = regex.compile(r"(?<=\p{Lu}[\p{L}'’\-]*\s+\p{Lu}[\p{L}'’\-]*)\s+(?:La|Le|Les|L['’]|Un|Une)(?=\s*\p{L}+\s+\p{Ll})")


@cache
def _adapts() -> regex.Pattern[str]:
    """`adapté du roman`, `d'après la pièce`, `tiré de la nouvelle`: a film adapting a work of `source_works.txt`."""
    return regex.compile(
        rf"\b(?:adapt\w*|d{APOS}après|tirée?s?\s+d[eu]|inspirée?s?\s+d[eu]|met\s+en\s+images|transpos\w*|port\w*\s+à\s+l{APOS}écran)"
        rf"[^.;]*?\b{source_work_pattern()}\b",
        regex.IGNORECASE,
    )


def source_authors(text: str, spans: list[tuple[int, int]], directors: list[Credit]) -> list[Credit]:
    """Authors of the adapted work, one credit each; `du metteur en scène` names the film's director."""
    found: list[Credit] = []
    for a, b in spans:
        for m in _adapts().finditer(text, a, b):
            after = m.end()
            if SELF_AUTHOR.match(text, after, b) and directors:
                found.extend(Credit("source_author", d.name, "", "", d.start, d.end) for d in directors[:1])
                continue
            who = AUTHOR.match(text, after, b)
            if who is None or _ends_sentence(text, after, who.start("who")):
                continue
            a_who, b_who = who.span("who")
            if (article := TITLE_ARTICLE.search(text, a_who, b)) and article.start() < b_who:
                b_who = article.start()  # the work's title follows its author: `de Amadou Sall La légende du Fleuve`
            span = clean_span(text, a_who, b_who)
            if span and not looks_like_company(span.value):
                found.append(Credit("source_author", span.value, "", "", span.start, span.end))
    return found


def producers(text: str, spans: list[tuple[int, int]]) -> list[Credit]:
    """`produit par X et Y`: producers, or production companies when the name is one."""
    found: list[Credit] = []
    for a, b in spans:
        for m in PRODUCED.finditer(text, a, b):
            for piece in PERSON_RE.finditer(m.group("names")):
                span = clean_span(text, m.start("names") + piece.start(), m.start("names") + piece.end())
                if span:
                    role = "production_company" if looks_like_company(span.value) else "producer"
                    found.append(Credit(role, span.value, "", "", span.start, span.end))
    return found


def releases(text: str, spans: list[tuple[int, int]]) -> list[Release]:
    """A release told with its country and a date (`sort en Belgique le 3 mars 1999`,
    `sorti en France en 2007`), and each one coordinated after it (`, puis en
    Belgique en juin 2001`, `et au Canada le 2 mai`, `avant de sortir en France
    le 4 juin`); a year alone with no country is only the film's year."""
    found: list[Release] = []
    for a, b in spans:
        done = a
        for m in RELEASE.finditer(text, a, b):
            if m.start() < done:
                continue
            done = m.end()
            for seg_a, seg_b in _release_pieces(text, m.start("rest"), min(b, m.start("rest") + RELEASE_REACH)):
                done = seg_b
                country = next((c for c in COUNTRY_AFTER.finditer(text, seg_a, seg_b) if country_code(c.group("country"))), None)
                dates = find_dates(text[seg_a:seg_b])
                if not dates or (country is None and len(dates[0].iso) < 10):
                    continue  # `sorti en 1999` is only the film's year
                date = dates[0]
                code = country_code(country.group("country")) or "" if country else ""
                found.append(Release(code, country.group("country") if country else "", date.iso, "", seg_a + date.start, seg_a + date.end))
    return found


def _release_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The release clause after the verb, cut at each coordinated release; it ends at the first other clause."""
    stop = RELEASE_STOP.search(text, start, end)
    end = stop.start() if stop else end
    pieces, pos = [], start
    for joint in RELEASE_JOINT.finditer(text, start, end):
        pieces.append((pos, joint.start()))
        pos = joint.end()
    pieces.append((pos, end))
    return pieces


def _ends_sentence(text: str, start: int, end: int) -> bool:
    return sentence_end(text, start, end) < end
