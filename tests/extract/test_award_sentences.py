"""Awards told in sentences, read with the French model and with rules only."""

import pytest

from extract.helpers import column, extract
from pipeline.extract.award_sentences import SentenceReader, is_candidate, read_sentences, sentences
from pipeline.extract.award_vocab import parse_verbs
from pipeline.extract.document import extract_document
from pipeline.model import Document
from pipeline.ner import PersonTagger

READERS = {"model": SentenceReader("fr_core_news_sm"), "rules": SentenceReader(None)}


@pytest.fixture(params=sorted(READERS))
def reader(request) -> SentenceReader:
    return READERS[request.param]


def read(text: str, reader: SentenceReader, titles: tuple[str, ...] = ("Le Fleuve",)) -> list[tuple]:
    rows = read_sentences(text, [(0, len(text))], reader, titles).rows
    for row in rows:
        source = text[row.start:row.end]
        assert source in (row.category, row.category.split(" ", 1)[-1]) or source.startswith(row.category)
    return [(r.event, r.edition, r.year, r.category, r.recipient, r.outcome) for r in rows]


def unread(text: str, reader: SentenceReader) -> list[str]:
    return [text[a:b] for a, b in read_sentences(text, [(0, len(text))], reader).unread]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le film remporte le prix spécial du jury au festival de Namur en 2003.",
     [("festival de Namur", None, 2003, "prix spécial du jury", "", "won")]),
    ("Il a obtenu le Grand Prix au Festival international du film d'Amiens 1998.",
     [("Festival international du film d'Amiens", None, 1998, "Grand Prix", "", "won")]),
    ("En 1995, le film décroche l'Étalon de bronze de Yennenga au FESPACO.",
     [("FESPACO", None, 1995, "Étalon de bronze de Yennenga", "", "won")]),
    ("Le Fleuve reçut la Tanit d'argent aux Journées cinématographiques de Carthage 1986.",
     [("Journées cinématographiques de Carthage", None, 1986, "Tanit d'argent", "", "won")]),
    ("Le film est récompensé par le Prix du public à la Berlinale 2014.",
     [("Berlinale", None, 2014, "Prix du public", "", "won")]),
    ("Il est couronné par le Léopard d'or au Festival de Locarno en 1977.",
     [("Festival de Locarno", None, 1977, "Léopard d'or", "", "won")]),
])
def test_won_with_event_and_year(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Fleuve remporte le prix du public aux Trophées francophones du cinéma 2013.",
     [("Trophées francophones du cinéma", None, 2013, "prix du public", "", "won")]),
    ("Le Fleuve obtient le prix du meilleur scénario au Gala du cinéma 2014.",
     [("Gala du cinéma", None, 2014, "prix du meilleur scénario", "", "won")]),
])
def test_events_the_award_lists_know(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Fleuve remporte le prix du jury à la 12e édition de l'Africa Movie Academy en 2011.",
     [("Africa Movie Academy", 12, 2011, "prix du jury", "", "won")]),
    ("Le Fleuve remporte le prix du jury lors de la 3e session du Festival de Lomé.",
     [("Festival de Lomé", 3, None, "prix du jury", "", "won")]),
    ("Le Fleuve remporte le prix du public lors de l'édition du festival de Namur en 2003.",
     [("festival de Namur", None, 2003, "prix du public", "", "won")]),
])
def test_an_edition_before_the_event_is_no_part_of_its_name(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


def test_coordinated_prizes_share_the_event_and_a_trailing_participle_is_dropped(reader: SentenceReader) -> None:
    text = ("Le film est présenté en sélection officielle au Festival de Venise 2011, où il remporte le Prix FIPRESCI "
            "et le Prix Pasinetti décerné par la presse italienne.")
    assert read(text, reader) == [
        ("Festival de Venise", None, 2011, "sélection officielle", "", "selected"),
        ("Festival de Venise", None, 2011, "Prix FIPRESCI", "", "won"),
        ("Festival de Venise", None, 2011, "Prix Pasinetti", "", "won"),
    ]


def test_three_prizes_in_a_list(reader: SentenceReader) -> None:
    text = "À Ouagadougou, le film a remporté le prix de la meilleure image, le prix du public et le prix de l'Union européenne au FESPACO 2001."
    assert [r[3] for r in read(text, reader)] == ["prix de la meilleure image", "prix du public", "prix de l'Union européenne"]
    assert {r[:3] for r in read(text, reader)} == {("FESPACO", None, 2001)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Il remporte le prix du meilleur film au festival de Namur et celui du public à Amiens.",
     [("festival de Namur", None, None, "prix du meilleur film", "", "won"), ("Amiens", None, None, "prix du public", "", "won")]),
    ("Le film obtient l'Étalon de Yennenga, la plus haute distinction du FESPACO, en 1997.",
     [("FESPACO", None, 1997, "Étalon de Yennenga", "", "won")]),
    ("En 2005, le film reçoit deux prix au Festival de Namur : le prix du public et le prix du jury.",
     [("Festival de Namur", None, 2005, "prix du public", "", "won"), ("Festival de Namur", None, 2005, "prix du jury", "", "won")]),
    ("Le jury du Festival de Berlin lui décerne l'Ours d'or en 1975.",
     [("Festival de Berlin", None, 1975, "Ours d'or", "", "won")]),
    ("Le film reçoit le Tanit d'or (premier prix) aux JCC 1980.",
     [("JCC", None, 1980, "Tanit d'or", "", "won")]),
])
def test_appositions_lists_and_a_second_prize_by_pronoun(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


def test_ex_aequo_in_a_sentence(reader: SentenceReader) -> None:
    text = "Le film obtient le prix du jury, ex aequo avec La Source, au Festival de Cannes 1987."
    rows = read_sentences(text, [(0, len(text))], reader).rows
    assert [(r.event, r.year, r.category, r.recipient, r.ex_aequo) for r in rows] == [
        ("Festival de Cannes", 1987, "prix du jury", "", True)]


def test_laureate_is_won(reader: SentenceReader) -> None:
    text = "Lauréat du Tanit d'or aux JCC 1980, le film sort en France l'année suivante."
    assert read(text, reader) == [("JCC", None, 1980, "Tanit d'or", "", "won")]


def test_an_award_verb_with_an_event_but_no_prize_is_reported(reader: SentenceReader) -> None:
    assert unread("Le film a été primé au FESPACO 1995.", reader) == ["Le film a été primé au FESPACO 1995."]


def test_anaphora_names_each_prize_of_a_ceremony(reader: SentenceReader) -> None:
    text = "Il obtient quatre Césars en 2009, dont ceux du meilleur film et du meilleur acteur."
    assert read(text, reader) == [
        ("César", None, 2009, "César du meilleur film", "", "won"),
        ("César", None, 2009, "César du meilleur acteur", "", "won"),
    ]


def test_some_of_several_prizes(reader: SentenceReader) -> None:
    text = "Le film a reçu de nombreuses distinctions, dont le Prix Oumarou Ganda au FESPACO 1993."
    assert read(text, reader) == [("FESPACO", None, 1993, "Prix Oumarou Ganda", "", "won")]


def test_two_events_in_one_sentence_and_a_ceremony_prize(reader: SentenceReader) -> None:
    text = "Il a reçu le Tanit d'or au Festival de Carthage en 1980, puis le César du meilleur film étranger en 1982."
    assert read(text, reader) == [("Festival de Carthage", None, 1980, "Tanit d'or", "", "won")] or read(text, reader) == [
        ("Festival de Carthage", None, 1980, "Tanit d'or", "", "won"), ("César", None, 1982, "César du meilleur film étranger", "", "won")]
    text = "Il a reçu le Tanit d'or au Festival de Carthage en 1980, le César du meilleur film étranger en 1982."
    assert read(text, reader) == [
        ("Festival de Carthage", None, 1980, "Tanit d'or", "", "won"),
        ("César", None, 1982, "César du meilleur film étranger", "", "won"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("Il est choisi pour représenter le Mali à l'Oscar du meilleur film international.",
     [("Oscar", None, None, "Oscar du meilleur film international", "", "submitted")]),
    ("Le film a été sélectionné pour représenter la Tunisie aux Oscars 2013, pour l'Oscar du meilleur film en langue étrangère.",
     [("Oscars", None, 2013, "Oscar du meilleur film en langue étrangère", "", "submitted")]),
    ("Il a été proposé pour représenter le Sénégal pour l'Oscar du meilleur film international lors de la 92e cérémonie des Oscars.",
     [("Oscars", 92, None, "Oscar du meilleur film international", "", "submitted")]),
])
def test_submitted(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le film est nommé pour le César du meilleur premier film en 2004.",
     [("César", None, 2004, "César du meilleur premier film", "", "nominated")]),
    ("Il est nominé aux Magritte 2015 pour le Magritte du meilleur film.",
     [("Magritte", None, 2015, "Magritte du meilleur film", "", "nominated")]),
    ("Le film est en lice pour la Palme d'or au Festival de Cannes 2019.",
     [("Festival de Cannes", None, 2019, "Palme d'or", "", "nominated")]),
])
def test_nominated(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le film a été présenté en compétition au Festival de Cannes 1972.",
     [("Festival de Cannes", None, 1972, "compétition", "", "selected")]),
    ("Il est projeté à la Berlinale 2009 dans la section Panorama.",
     [("Berlinale", None, 2009, "Panorama", "", "selected")]),
    ("Le film est présenté hors compétition à la Mostra de Venise 2008.",
     [("Mostra de Venise", None, 2008, "hors compétition", "", "selected")]),
    ("Le film est sélectionné et présenté en compétition officielle à la Berlinale 2012, où il décroche l'Ours d'argent.",
     [("Berlinale", None, 2012, "compétition officielle", "", "selected"), ("Berlinale", None, 2012, "Ours d'argent", "", "won")]),
])
def test_selected(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


def test_selected_for_a_festival_with_no_section_named(reader: SentenceReader) -> None:
    text = "Le documentaire est sélectionné et projeté en avant-première, le 30 août, à la Mostra de Venise, sur le Lido."
    assert read(text, reader) == [("Mostra de Venise", None, None, "sélection", "", "selected")]


def test_articles_glued_to_their_noun(reader: SentenceReader) -> None:
    text = "Le film obtient leLion d'or à laMostra de Venise 2011."
    assert read(text, reader) == [("Mostra de Venise", None, 2011, "Lion d'or", "", "won")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Son rôle vaut à Awa Sy le prix d'interprétation féminine au FESPACO 1995.",
     [("FESPACO", None, 1995, "prix d'interprétation féminine", "Awa Sy", "won")]),
    ("Moussa Diarra reçoit le prix du meilleur acteur pour son rôle de pêcheur au Festival de Namur 2002.",
     [("Festival de Namur", None, 2002, "prix du meilleur acteur", "Moussa Diarra", "won")]),
    ("Le film remporte le prix de la meilleure musique pour Idrissa Sow aux Journées de Carthage 1990.",
     [("Journées de Carthage", None, 1990, "prix de la meilleure musique", "Idrissa Sow", "won")]),
])
def test_recipient_is_a_person(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


def test_the_film_as_subject_is_no_recipient(reader: SentenceReader) -> None:
    text = "Le Fleuve remporte le Grand Prix du jury au Festival de Cannes en 1990."
    assert read(text, reader, ("Le Fleuve",)) == [("Festival de Cannes", None, 1990, "Grand Prix du jury", "", "won")]


def test_year_from_context() -> None:
    text = ("Le film sort en 2003. Il est présenté en compétition au Festival de Namur la même année. "
            "Il remporte le prix du public au Festival d'Amiens l'année suivante.")
    rows = read(text, READERS["rules"])
    assert rows == [("Festival de Namur", None, 2003, "compétition", "", "selected"),
                    ("Festival d'Amiens", None, 2004, "prix du public", "", "won")]


@pytest.mark.parametrize("text", [
    "Le prix du billet est de dix francs.",
    "Il est nommé directeur de la photographie en 1990.",
    "Le festival de la ville attire des milliers de spectateurs.",
    "Il reçoit un appel de son frère.",
    "Le film n'obtient pas le prix du jury à Cannes.",
    "Le film ne remporte aucun prix au FESPACO 1997.",
    "Le film n'a jamais été sélectionné au Festival de Cannes.",
    "Le film est présenté au Festival de Namur en 2004.",
    "Il a été projeté en avant-première à Dakar.",
    "Il reçoit son prix des mains du ministre.",
])
def test_no_award(text: str, reader: SentenceReader) -> None:
    assert read(text, reader) == []
    assert unread(text, reader) == []


@pytest.mark.parametrize("text", [
    "En 2004, le film remporte plusieurs prix au Festival panafricain du cinéma de Ouagadougou.",
    "Le film reçoit trois récompenses au Festival de Namur.",
])
def test_an_award_not_named_is_reported_not_guessed(text: str, reader: SentenceReader) -> None:
    assert read(text, reader) == []
    assert unread(text, reader) == [text]


def test_a_clause_is_never_a_category(reader: SentenceReader) -> None:
    text = "Le film remporte le prix que le jury avait créé pour lui quand il est nommé pour le festival."
    rows = read(text, reader)
    assert all(len(r[3].split()) <= 12 and " que " not in r[3] for r in rows)


def test_sentences_keep_initials_and_split_glued_ones() -> None:
    text = "Tourné par K. Moussa Sanou en 1998.Le film remporte le prix. Il sort en 1999."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Tourné par K. Moussa Sanou en 1998.", "Le film remporte le prix.", "Il sort en 1999."]


def test_only_sentences_with_an_award_word_are_candidates() -> None:
    assert is_candidate("Il remporte le prix du public.")
    assert is_candidate("Le film est présenté à la Mostra de Venise.")
    assert not is_candidate("Il remporte un grand succès.")
    assert not is_candidate("Le Festival de Cannes a lieu en mai.")


def test_only_candidate_sentences_reach_the_model() -> None:
    reader = SentenceReader("fr_core_news_sm")
    text = "Le film raconte l'histoire d'un pêcheur. Il remporte le Tanit d'or aux JCC 1988. Le tournage dure six semaines."
    read_sentences(text, [(0, len(text))], reader)
    read_sentences(text, [(0, len(text))], reader)
    assert reader.sentences_parsed == 1 and reader.chars_parsed == len("Il remporte le Tanit d'or aux JCC 1988.")
    assert reader.chars_seen == 2 * len(text)


def test_sentences_in_a_distinctions_section_and_a_warning_for_the_rest() -> None:
    text = (
        "Le Fleuve est un film malien réalisé par Awa Sy, sorti en 2003.\nDistinctions\n"
        "Le film remporte le prix spécial du jury au festival de Namur en 2003.\n"
        "Il est nommé pour le prix du meilleur scénario la même année au Festival d'Amiens.\n"
        "Il remporte ensuite plusieurs prix dans divers festivals.\n"
    )
    tagger = PersonTagger("fr_core_news_sm")
    assert column(extract(text, tagger), "awards", "event", "year", "category", "outcome") == [
        ("festival de Namur", 2003, "prix spécial du jury", "won"),
        ("Festival d'Amiens", 2003, "prix du meilleur scénario", "nominated"),
    ]
    problems = extract_document(Document("snippet", text), tagger).problems
    assert [(p.severity, p.message, text[p.start:p.end]) for p in problems if "award" in p.message] == [
        ("warning", "award sentence not understood", "Il remporte ensuite plusieurs prix dans divers festivals.")]


def test_an_awards_block_with_no_row_says_so() -> None:
    text = "Le Fleuve est un film malien sorti en 2003.\nDistinctions\nLe film a beaucoup plu au public des festivals.\n"
    problems = extract_document(Document("snippet", text), PersonTagger(None)).problems
    assert [(p.message, text[p.start:p.end]) for p in problems if "award" in p.message] == [
        ("awards block yields no row", "Distinctions\nLe film a beaucoup plu au public des festivals.")]


def test_a_form_two_verbs_share_fails_loudly() -> None:
    with pytest.raises(ValueError, match="'remporte' is given for 'remporter' and 'gagner'"):
        parse_verbs([("remporter", "won", "remporte"), ("gagner", "won", "gagne remporte")])


def test_a_remark_under_an_awards_heading_is_no_prize() -> None:
    text = ("Le Fleuve est un film malien sorti en 2003.\nRécompenses\n"
            "Sauf mention contraire, cette liste provient de la base de données du festival.\n"
            "Festival de Namur 2003 : Prix du public\n")
    assert column(extract(text), "awards", "event", "category") == [("Festival de Namur", "Prix du public")]


def test_a_prize_in_the_story_is_no_award() -> None:
    text = ("Le Fleuve est un film malien sorti en 2003.\nSynopsis\nAmadou part pour Oslo. Sa sœur reçoit le prix Nobel de la paix.\n"
            "Le film remporte le prix du public au Festival de Namur 2004.\n")
    assert column(extract(text), "awards", "event", "category") == [("Festival de Namur", "prix du public")]


@pytest.mark.parametrize(("text", "expected"), [
    ("La série reçoit deux nominations aux Magritte 2015, dont celles du meilleur scénario et du meilleur acteur pour Paul Dubois.",
     [("Magritte", None, 2015, "Magritte du meilleur scénario", "", "nominated"),
      ("Magritte", None, 2015, "Magritte du meilleur acteur", "Paul Dubois", "nominated")]),
    ("Le drame obtient trois nominations aux Césars 2007, dont celles de la meilleure actrice et du meilleur montage.",
     [("Césars", None, 2007, "César de la meilleure actrice", "", "nominated"),
      ("Césars", None, 2007, "César du meilleur montage", "", "nominated")]),
    ("Le film reçoit quatre nominations aux Goya 2012, dont celles du meilleur film et de la meilleure actrice pour Ana Ruiz.",
     [("Goya", None, 2012, "Goya du meilleur film", "", "nominated"),
      ("Goya", None, 2012, "Goya de la meilleure actrice", "Ana Ruiz", "nominated")]),
    ("Il est nommé aux Oscar 1999, dont celui du meilleur documentaire.",
     [("Oscar", None, 1999, "Oscar du meilleur documentaire", "", "nominated")]),
    ("Il reçoit une nomination pour l'Oscar du meilleur film international en 2019.",
     [("Oscar", None, 2019, "Oscar du meilleur film international", "", "nominated")]),
])
def test_a_won_verb_with_a_nomination_noun_is_a_nomination(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Au Festival de Gand 2004, il y remporte le Prix spécial du jury ainsi que le prix du meilleur montage, attribué à Léa Faure.",
     [("Festival de Gand", None, 2004, "Prix spécial du jury", "", "won"),
      ("Festival de Gand", None, 2004, "prix du meilleur montage", "Léa Faure", "won")]),
    ("Le court métrage obtient le Grand Prix au festival de Brest, puis le prix de la meilleure photographie décerné à Marc Lenoir.",
     [("festival de Brest", None, None, "Grand Prix", "", "won"),
      ("festival de Brest", None, None, "prix de la meilleure photographie", "Marc Lenoir", "won")]),
    ("Le film remporte le prix du scénario, remis à Inès Caron, au Festival de Tanger en 2012.",
     [("Festival de Tanger", None, 2012, "prix du scénario", "Inès Caron", "won")]),
])
def test_a_participle_names_the_recipient_of_the_prize_before_it(text: str, expected: list[tuple], reader: SentenceReader) -> None:
    assert read(text, reader) == expected


@pytest.mark.parametrize("text", [
    "« Un jour, tu recevras le prix Nobel », lui répète son père au Festival de la ville.",
    "Le prix du billet obtient une baisse au festival.",
    "Il est nommé directeur de la photographie du festival de Lyon.",
    "Le film reçoit un accueil favorable au Festival de Cannes.",
    "Le projet obtient un financement du Fonds Sud en 2001.",
    "Le film n'obtient aucune récompense au Festival de Cannes 2004.",
    "Elle est sélectionnée pour le rôle de la mère après un casting au festival.",
])
def test_more_sentences_that_state_no_award(text: str, reader: SentenceReader) -> None:
    assert read(text, reader) == []


def test_a_prize_with_no_event_takes_the_one_event_of_its_sentence(reader: SentenceReader) -> None:
    text = "Il obtient le prix du public, puis il remporte le Grand Prix au Festival de Gand 2004."
    assert read(text, reader) == [("Festival de Gand", None, 2004, "prix du public", "", "won"),
                                  ("Festival de Gand", None, 2004, "Grand Prix", "", "won")]


@pytest.mark.parametrize("text", [
    "Le film remporte le prix de la critique.",
    "Il obtient le prix du public, puis il remporte le Grand Prix au Festival de Gand 2004 et le Prix FIPRESCI à la Berlinale 2005.",
])
def test_no_row_with_an_empty_event(text: str, reader: SentenceReader) -> None:
    rows = read(text, reader)
    assert all(event or edition or year for event, edition, year, *_ in rows)
    assert unread(text, reader) == [text]
