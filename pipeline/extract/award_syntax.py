"""A spaCy component that reads the verbs of award sentences.

Character patterns find a prize's name well but not who did what: whether
`obtient` is denied (`n'obtient pas`, `sans obtenir`, `aucun prix`), which
inflection of which verb it is (`reçut`, `avait remporté`), and who its
subject is (`Awa Sy reçoit le prix`). The French model's lemmas and
dependency parse answer those, through a Matcher (verbs by lemma, or by a
listed form where the lemmatizer errs) and a DependencyMatcher (negation and
subject attached to such a verb). Importing this module imports spaCy; the
readers import it only when a sentence needs the model.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.extract.award_vocab import VerbReading, award_verbs, form_outcomes, verb_outcomes

COMPONENT = "award_verbs"
NEGATIONS = ["ne", "n'", "n’", "pas", "jamais", "nullement", "sans"]
NO_DETERMINERS = ["aucun", "aucune", "nul", "nulle"]
SUBJECTS = ["nsubj", "nsubj:pass"]


if not Token.has_extension("award_verb"):
    Token.set_extension("award_verb", default="")
if not Doc.has_extension("award_verbs"):
    Doc.set_extension("award_verbs", default=())


@Language.factory(COMPONENT)
def make_award_verbs(nlp: Language, name: str) -> AwardVerbs:
    return AwardVerbs(nlp.vocab)


class AwardVerbs:
    """Sets `doc._.award_verbs`: a VerbReading per outcome verb, in text order."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        for verb in award_verbs():
            patterns = [[{"LOWER": w} for w in form.split()] for form in verb.forms]
            patterns.append([{"LEMMA": verb.lemma, "POS": {"IN": ["VERB", "AUX"]}}])
            self.matcher.add(verb.lemma, patterns)
        self.links = DependencyMatcher(vocab)
        anchor = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"_": {"award_verb": {"NOT_IN": [""]}}}}
        self.links.add("negated", [
            [anchor, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "neg", "RIGHT_ATTRS": {"LOWER": {"IN": NEGATIONS}}}],
            [anchor, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "aux", "RIGHT_ATTRS": {"POS": "AUX"}},
             {"LEFT_ID": "aux", "REL_OP": ">", "RIGHT_ID": "neg", "RIGHT_ATTRS": {"LOWER": {"IN": NEGATIONS}}}],
            [anchor, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "obj"}},
             {"LEFT_ID": "obj", "REL_OP": ">", "RIGHT_ID": "det", "RIGHT_ATTRS": {"LOWER": {"IN": NO_DETERMINERS}}}],
        ])
        self.links.add("subject", [
            [anchor, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": {"IN": SUBJECTS}}}],
        ])

    def __call__(self, doc: Doc) -> Doc:
        outcomes = verb_outcomes()
        forms = form_outcomes()
        verbs: dict[int, tuple[int, int, str]] = {}
        for match_id, start, end in self.matcher(doc):
            lemma = doc.vocab.strings[match_id]
            head = doc[end - 1]
            if doc[start:end].text.lower() not in forms and doc[start].pos_ not in ("VERB", "AUX"):
                continue
            verbs.setdefault(head.i, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), lemma))
        for i, (_, _, lemma) in verbs.items():
            doc[i]._.award_verb = lemma
        negated: set[int] = set()
        subjects: dict[int, tuple[int, int]] = {}
        for match_id, tokens in self.links(doc):
            verb = tokens[0]
            if doc.vocab.strings[match_id] == "negated":
                negated.add(verb)
            else:
                subj = doc[tokens[1]]
                subjects[verb] = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
        doc._.award_verbs = tuple(
            VerbReading(a, b, lemma, outcomes[lemma], i in negated, subjects.get(i))
            for i, (a, b, lemma) in sorted(verbs.items())
        )
        return doc
