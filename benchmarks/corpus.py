"""Generate a synthetic Interlex project of any size, for benchmarks.

    python -m benchmarks.corpus OUT --concepts 2000 --languages 12

Concepts get distinct terms in every language, locale files carry pinned
source hashes, so the generated project checks clean and the benchmark
measures the full work of a passing check.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tooling.findings import Span
from tooling.hashing import source_hash
from tooling.model import Entry, Term, TermStatus

LANGUAGES = ("en", "fr", "ja", "ko", "sw", "zh", "es", "de", "ar", "it", "pt", "nl", "pl", "hi")
_WORDS = ("safety", "model", "risk", "test", "agent", "weight", "signal", "audit", "guard",
          "probe", "metric", "report", "system", "policy", "trace", "score")


def _term(index: int, lang: str) -> str:
    words = []
    number = index
    for _ in range(3):
        words.append(_WORDS[number % len(_WORDS)])
        number //= len(_WORDS)
    return f"{' '.join(words)} {lang} {index}"


def _definition(index: int) -> str:
    return (f"Synthetic concept number {index}, defined in a sentence long enough to look like "
            "a real definition of an AI-safety concept, with some more words after the comma.")


def concept_yaml(index: int) -> str:
    related = f"related: [concept-{index - 1}]\n" if index else ""
    return (f"id: concept-{index}\nstatus: approved\ndomain: synthetic\nsince: \"2025.1\"\n"
            f"{related}sources:\n  - title: A synthetic source\n    url: https://example.org/\n"
            f"definition: >-\n  {_definition(index)}\nterms:\n"
            f"  - term: {_term(index, 'en')}\n    status: preferred\n"
            f"  - term: {_term(index, 'en')}s\n    status: admitted\n")


def _source_entry(index: int) -> Entry:
    terms = (Term(_term(index, "en"), TermStatus.PREFERRED, Span(1, 1)),
             Term(_term(index, "en") + "s", TermStatus.ADMITTED, Span(1, 1)))
    return Entry(f"concept-{index}", "en", "", Span(1, 1), terms=terms,
                 definition=_definition(index))


def locale_yaml(concepts: int, lang: str) -> str:
    parts = []
    for index in range(concepts):
        parts.append(f"concept-{index}:\n  terms:\n    - term: {_term(index, lang)}\n"
                     f"      status: preferred\n  definition: >-\n    {_definition(index)}\n"
                     f"  review: draft\n  source_hash: \"{source_hash(_source_entry(index))}\"\n")
    return "".join(parts)


def generate(out: Path, concepts: int, languages: int) -> Path:
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
    (out / "content" / langs[0]).mkdir(parents=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--languages", type=int, default=12)
    args = parser.parse_args()
    generate(args.out, args.concepts, args.languages)


if __name__ == "__main__":
    main()
