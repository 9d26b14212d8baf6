"""PersonTagger: answers from the model, reads each context once, and stays
out of the way (spaCy never imported) when NER is off."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.ner import PersonTagger, PipeCache, load, unused_components

SENTENCE = "Dans ce film, Camille Laurent interprète une infirmière qui quitte Lyon pour Marseille."
OTHER = "Le rôle du père est tenu par Bernard Moreau, qui tourna ensuite à Bruxelles."


def span(sentence: str, words: str) -> tuple[int, int]:
    start = sentence.index(words)
    return start, start + len(words)


@pytest.fixture(scope="module")
def tagger() -> PersonTagger:
    return PersonTagger()


def test_model_tells_a_person_from_a_place(tagger: PersonTagger) -> None:
    assert tagger.is_person(SENTENCE, *span(SENTENCE, "Camille Laurent"))
    assert tagger.is_person(SENTENCE, *span(SENTENCE, "Laurent"))
    assert not tagger.is_person(SENTENCE, *span(SENTENCE, "Lyon"))
    assert not tagger.is_person(SENTENCE, *span(SENTENCE, "infirmière"))


def test_only_the_entity_recogniser_is_loaded() -> None:
    assert load().component_names == ["ner"]


def test_a_context_is_read_once() -> None:
    tagger = PersonTagger()
    tagger.tag([SENTENCE, SENTENCE, OTHER])
    assert tagger.contexts_tagged == 2
    tagger.tag([OTHER])
    assert tagger.is_person(OTHER, *span(OTHER, "Bernard Moreau"))
    assert not tagger.is_person(OTHER, *span(OTHER, "Bruxelles"))
    assert tagger.contexts_tagged == 2


def test_a_batch_larger_than_the_cache_is_answered_whole() -> None:
    """Answers read in one call are returned even when the cache cannot hold them all."""
    import spacy

    blank = spacy.blank("fr")
    pipe = PipeCache(lambda: blank, len, limit=2)
    texts = ["Un mot.", "Deux mots ici.", "Trois mots dans celle-ci.", "Un mot."]
    assert pipe.answers(texts) == [len(blank(t)) for t in texts]
    assert pipe.texts_read == 3
    assert pipe.answers(texts[2:]) == [len(blank(t)) for t in texts[2:]]
    assert pipe.texts_read == 4  # the first text was pushed out; the third is still held


def test_cache_is_bounded_and_keeps_the_recently_used() -> None:
    tagger = PersonTagger(cache_limit=2)
    third = "Une autre phrase sans personne, tournée à Dakar."
    tagger.tag([SENTENCE, OTHER])
    assert tagger.is_person(SENTENCE, *span(SENTENCE, "Camille Laurent"))
    tagger.tag([third])
    assert tagger.contexts_tagged == 3
    tagger.is_person(SENTENCE, *span(SENTENCE, "Lyon"))
    assert tagger.contexts_tagged == 3
    tagger.is_person(OTHER, *span(OTHER, "Bruxelles"))
    assert tagger.contexts_tagged == 4


def test_a_listening_recogniser_keeps_its_encoder() -> None:
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "upstream": "*"}
    config = {"components": {
        "tok2vec": {"factory": "tok2vec", "model": {}},
        "parser": {"factory": "parser", "model": {"tok2vec": listener}},
        "ner": {"factory": "ner", "model": {"tok2vec": listener}},
    }}
    assert unused_components(config) == ["parser"]


def test_a_model_without_entities_is_refused() -> None:
    with pytest.raises(ValueError, match="no entity recogniser"):
        unused_components({"components": {"parser": {"factory": "parser", "model": {}}}})


def test_without_ner_spacy_is_never_imported(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "film.txt").write_text(
        "Le Retour est un film français réalisé par Paul Girard, sorti en 1971.\n\n"
        "Synopsis\n\nAu village, Anna (Moreau) attend son frère.\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(f"""
        import sys
        from pipeline.cli import main
        from pipeline.ner import PersonTagger
        off = PersonTagger(None)
        off.tag(["Anna (Moreau) attend."])
        assert not off.is_person("Anna (Moreau) attend.", 6, 12)
        main(["extract", {str(inputs)!r}, "--out", {str(tmp_path / "out")!r}, "--no-ner", "--jobs", "1", "--quiet"])
        assert (off.contexts_tagged, "spacy" in sys.modules, "thinc" in sys.modules) == (0, False, False)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "films.csv").exists()


def test_spacy_is_imported_only_for_a_document_that_needs_a_decision(tmp_path: Path) -> None:
    """NER on (the default): pairs the rules decide never load the model; one undecided pair does, once."""
    decided, undecided = tmp_path / "decided", tmp_path / "undecided"
    decided.mkdir()
    undecided.mkdir()
    (decided / "deux-mots.txt").write_text(
        "Le Retour est un film français réalisé par Paul Girard, sorti en 1971.\n\n"
        "Synopsis\n\nAu village, Anna (Claire Moreau) attend son frère (Jean Vidal).\n", encoding="utf-8")
    (decided / "connu.txt").write_text(
        "La Rive est un film belge réalisé par Marc Lenoir, sorti en 1980.\n\n"
        "Synopsis\n\nLouise (Verlaine) part pour Anvers.\n\n"
        "Distribution\n- Verlaine : Louise\n", encoding="utf-8")
    (decided / "sans-paire.txt").write_text("Le Pont est un film suisse sorti en 1975.\n", encoding="utf-8")
    (undecided / "un-mot.txt").write_text(
        "Le Retour est un film français réalisé par Paul Girard, sorti en 1971.\n\n"
        "Synopsis\n\nAu village, Anna (Moreau) attend son frère.\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        from pipeline.cli import main
        from pipeline.ner import load
        main(["extract", {str(decided)!r}, "--out", {str(tmp_path / "a")!r}, "--jobs", "1", "--quiet"])
        assert ("spacy" in sys.modules, "thinc" in sys.modules) == (False, False), "decided pairs loaded spaCy"
        assert "distributed" not in sys.modules, "a local run imported Dask"
        main(["extract", {str(undecided)!r}, "--out", {str(tmp_path / "b")!r}, "--jobs", "1", "--quiet"])
        assert "spacy" in sys.modules, "an undecided pair did not reach the model"
        assert load() is load()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr
    assert "Louise" in (tmp_path / "a" / "cast.csv").read_text(encoding="utf-8")
