"""How much of a corpus the spaCy models read during extraction.

Extracts every document of a folder with one PersonTagger and prints, as one
JSON line, the contexts and characters NER tagged and the award sentences and
characters the parser read (only sentences with an outcome verb and a prize,
event or section word), against the characters of the documents. Run as a child of throughput.py, so that the benchmark's own
process stays small (a forked child starts with its parent's memory).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.extract.award_sentences import sentence_reader
from pipeline.extract.document import extract_document
from pipeline.io.read import discover, read
from pipeline.ner import DEFAULT_MODEL, PersonTagger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="folder of *.txt documents")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    tagger = PersonTagger(args.model)
    chars = 0
    for source in discover([args.folder]):
        doc = read(source)
        chars += len(doc.text)
        extract_document(doc, tagger)
    parsed = sentence_reader(args.model)
    print(json.dumps({"contexts": tagger.contexts_tagged, "ner_chars": tagger.chars_tagged, "chars": chars,
                      "sentences": parsed.sentences_parsed, "syntax_chars": parsed.chars_parsed}))


if __name__ == "__main__":
    main()
