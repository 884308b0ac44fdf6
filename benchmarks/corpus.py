"""Generate a synthetic Interlex project of any size, deterministically, for benchmarks.

    python -m benchmarks.corpus OUT --concepts 10000 --languages 12 --documents 5000

Concepts get distinct two- or three-word terms (a preferred and a deprecated one)
in every language, built from pseudo-words, with pinned source hashes, so the
glossary checks clean. English documents of about 500 words are made of
sentences from the same pseudo-words, with glossary terms (deprecated ones
included) at a fixed rate, so the check has real matching work to do.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from tooling.findings import Span
from tooling.hashing import source_hash
from tooling.model import Entry, Term, TermStatus

LANGUAGES = ("en", "fr", "ja", "ko", "sw", "zh", "es", "de", "ar", "it", "pt", "nl", "pl", "hi")
_SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vel", "qui", "dor", "fen", "gal", "hum",
              "jor", "lin", "mos", "nar", "pek", "ros", "sil", "tam", "ul", "vor", "wex", "zan")
_FILLER = ("the", "a", "of", "and", "to", "in", "is", "for", "with", "that", "on", "as", "by",
           "this", "be", "are", "was", "it", "from", "at", "an", "or", "which", "have")
WORDS_PER_DOCUMENT = 500
TERM_RATE = 0.04  # share of words that start a glossary term


def _word(number: int) -> str:
    """A pronounceable pseudo-word, distinct for each number."""
    parts = []
    number += len(_SYLLABLES) ** 2  # at least three syllables
    while number:
        number, rest = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[rest])
    return "".join(parts)


def terms(index: int) -> tuple[str, str]:
    """The preferred and the deprecated English term of concept `index`."""
    return f"{_word(3 * index)} {_word(3 * index + 1)}", f"{_word(3 * index + 2)} model"


def _definition(index: int) -> str:
    return (f"Synthetic concept number {index}, defined in a sentence long enough to look like "
            "a real definition of an AI-safety concept, with some more words after the comma.")


def concept_yaml(index: int) -> str:
    preferred, deprecated = terms(index)
    related = f"related: [concept-{index - 1}]\n" if index else ""
    return (f"id: concept-{index}\nstatus: approved\ndomain: synthetic\nsince: \"2025.1\"\n"
            f"{related}sources:\n  - title: A synthetic source\n    url: https://example.org/\n"
            f"definition: >-\n  {_definition(index)}\nterms:\n"
            f"  - term: {preferred}\n    status: preferred\n"
            f"  - term: {deprecated}\n    status: deprecated\n")


def _source_entry(index: int) -> Entry:
    preferred, deprecated = terms(index)
    return Entry(f"concept-{index}", "en", "", Span(1, 1), definition=_definition(index),
                 terms=(Term(preferred, TermStatus.PREFERRED, Span(1, 1)),
                        Term(deprecated, TermStatus.DEPRECATED, Span(1, 1))))


def locale_yaml(concepts: int, lang: str) -> str:
    parts = []
    for index in range(concepts):
        preferred, _ = terms(index)
        parts.append(f"concept-{index}:\n  terms:\n    - term: {preferred} {lang}\n"
                     f"      status: preferred\n  definition: >-\n    {_definition(index)}\n"
                     f"  review: draft\n  source_hash: \"{source_hash(_source_entry(index))}\"\n")
    return "".join(parts)


def document(number: int, concepts: int) -> str:
    """About WORDS_PER_DOCUMENT words in headings and paragraphs, the same for a number."""
    chooser = random.Random(number)
    paragraphs = [f"---\ntitle: Document {number}\n---\n\n# Document {number}\n"]
    words = 0
    while words < WORDS_PER_DOCUMENT:
        sentence = []
        for _ in range(chooser.randint(8, 20)):
            if chooser.random() < TERM_RATE:
                sentence.append(terms(chooser.randrange(concepts))[chooser.random() < 0.2])
            else:
                sentence.append(chooser.choice(_FILLER) if chooser.random() < 0.5 else
                                _word(chooser.randrange(3 * concepts)))
        words += len(sentence)
        paragraphs.append(" ".join(sentence).capitalize() + ".")
        if chooser.random() < 0.1:
            paragraphs.append(f"## Section {words}")
    return "\n\n".join(paragraphs) + "\n"


def generate(out: Path, concepts: int, languages: int, documents: int = 0) -> Path:
    langs = LANGUAGES[:languages]
    (out / "glossary").mkdir(parents=True)
    items = "".join(f"        - locale: {lang}\n" + ("          default: true\n" if not i else "")
                    for i, lang in enumerate(langs))
    (out / "mkdocs.yml").write_text(f"site_name: Bench\nplugins:\n  - i18n:\n      languages:\n"
                                    f"{items}", "utf-8")
    (out / "glossary" / "domains.yaml").write_text("synthetic:\n  name: {en: Synthetic}\n")
    for index in range(concepts):
        (out / "glossary" / f"concept-{index}.yaml").write_text(concept_yaml(index), "utf-8")
    for lang in langs[1:]:
        (out / "locales" / lang).mkdir(parents=True)
        (out / "locales" / lang / "glossary.yaml").write_text(locale_yaml(concepts, lang),
                                                              "utf-8")
        (out / "content" / lang).mkdir(parents=True)
    source = out / "content" / langs[0]
    source.mkdir(parents=True)
    for number in range(documents):
        (source / f"doc-{number:05}.md").write_text(document(number, concepts), "utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--languages", type=int, default=12)
    parser.add_argument("--documents", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.concepts, args.languages, args.documents)


if __name__ == "__main__":
    main()
