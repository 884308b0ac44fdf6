"""Generate a synthetic Interlex project of any size, deterministically, for benchmarks.

    python -m benchmarks.corpus OUT --concepts 10000 --languages 12 --documents 5000

Concepts get distinct two- or three-word terms (a preferred and a deprecated one)
in every language, built from pseudo-words, with pinned source hashes, so the
glossary checks clean. English documents of about 500 words are made of
sentences from the same pseudo-words, with glossary terms (deprecated ones
included) at a fixed rate, so the check has real matching work to do.

`generate_site` makes a whole site instead (for `benchmarks/site.py`): richer
entries in every language, each written in its own script (pseudo-kana,
pseudo-hanzi, pseudo-hangul, pseudo-Arabic), translated guidance documents and
a `mkdocs.yml` like the repository's; `generate_plain` makes the same kind of
site without Interlex, its pages written directly, for a baseline.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from tooling.documents import document_hash, load_document
from tooling.findings import Span
from tooling.hashing import source_hash
from tooling.model import Entry, Term, TermStatus
from tooling.project import load_project

LANGUAGES = ("en", "fr", "ja", "ko", "sw", "zh", "es", "de", "ar", "it", "pt", "nl", "pl", "hi")
_SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vel", "qui", "dor", "fen", "gal", "hum",
              "jor", "lin", "mos", "nar", "pek", "ros", "sil", "tam", "ul", "vor", "wex", "zan")
_FILLER = ("the", "a", "of", "and", "to", "in", "is", "for", "with", "that", "on", "as", "by",
           "this", "be", "are", "was", "it", "from", "at", "an", "or", "which", "have")
WORDS_PER_DOCUMENT = 500
TERM_RATE = 0.04  # share of words that start a glossary term


def _word(number: int, syllables: tuple[str, ...] = _SYLLABLES) -> str:
    """A pronounceable pseudo-word, distinct for each number."""
    parts = []
    number += len(syllables) ** 2  # at least three syllables
    while number:
        number, rest = divmod(number, len(syllables))
        parts.append(syllables[rest])
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


# Whole sites, for benchmarks/site.py ----------------------------------------------------

SITE_LANGUAGES = ("en", "fr", "de", "es", "ja", "zh", "ko", "ar", "sw", "pt", "it", "nl", "pl")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español",
                  "ja": "日本語", "zh": "简体中文", "ko": "한국어", "ar": "العربية",
                  "sw": "Kiswahili", "pt": "Português", "it": "Italiano", "nl": "Nederlands",
                  "pl": "Polski"}
SITE_DOMAINS = ("systems", "risks", "testing", "governance")
DEFINITION_WORDS = 40
NOTE_WORDS = 35


@dataclass(frozen=True)
class Script:
    """How a language's pseudo-text is written."""

    syllables: tuple[str, ...]
    filler: tuple[str, ...]
    space: str = " "
    stop: str = "."
    particles: bool = False
    """Japanese: a particle after every word, so that katakana words stay apart."""


_SCRIPTS = {
    "ja": Script(tuple("アカサタナハマラキシトノミリクステヌフムルコソン"),
                 tuple("のをにはがとでも"), "", "。", particles=True),
    "zh": Script(tuple("安全评估模型风险系统数据测试能力对齐监督透明训练部署攻击防御标准报告"),
                 tuple("的是在和了与对为"), "", "。"),
    "ko": Script(tuple("가나다라마바사아자차카타파하거너더러머버서어저커"),
                 ("그리고", "또는", "위한", "대한", "있는", "하는", "이", "그")),
    "ar": Script(("با", "تي", "سو", "ني", "لا", "مي", "ري", "كو", "دا", "فو", "جي", "ها", "وا",
                  "زي", "طو", "قا", "شي", "خو", "غا", "صي", "ضو", "ظا", "عي", "يو"),
                 ("في", "من", "على", "إلى", "أن", "هذا", "مع", "أو")),
}


def script(lang: str) -> Script:
    """The language's script; Latin ones each shift the syllables, so their words differ."""
    if lang in _SCRIPTS:
        return _SCRIPTS[lang]
    shift = SITE_LANGUAGES.index(lang) if lang in SITE_LANGUAGES else 0
    return Script(_SYLLABLES[shift:] + _SYLLABLES[:shift], _FILLER)


def site_terms(index: int, lang: str) -> tuple[str, ...]:
    """Concept `index`'s preferred and deprecated terms in `lang`, and for two concepts in
    three an admitted one."""
    syllables, space = script(lang).syllables, script(lang).space
    word = [_word(4 * index + k, syllables) for k in range(4)]
    found = (f"{word[0]}{space}{word[1]}", f"{word[3]}{space}{word[1]}")
    return found + ((word[2],) if index % 3 else ())


def _sentence(plan: random.Random, chooser: random.Random, lang: str, concepts: int,
              words: int) -> str:
    """`words` words of pseudo-text with allowed glossary terms at TERM_RATE. Where the
    terms go and which they are comes from `plan`, the same for every language, so that
    translations use the same concepts in the same blocks as their source; the other
    words come from `chooser` (none is a word of a term)."""
    form = script(lang)
    tokens = []
    for _ in range(words):
        roll = plan.random()
        if roll < TERM_RATE:
            found = site_terms(plan.randrange(concepts), lang)
            token = found[2] if len(found) > 2 and roll < TERM_RATE / 4 else found[0]
        elif roll < 0.5:
            token = chooser.choice(form.filler)
        else:
            token = _word(4 * concepts + chooser.randrange(4 * concepts), form.syllables)
        tokens.append(token + chooser.choice(form.filler) if form.particles else token)
    text = form.space.join(tokens)
    return text[:1].upper() + text[1:] + form.stop


def _text(seed: str, lang: str, concepts: int, words: int) -> str:
    plan, chooser = random.Random(seed), random.Random(f"{seed}-{lang}")
    sentences = []
    while words > 0:
        size = min(words, plan.randint(10, 20))
        sentences.append(_sentence(plan, chooser, lang, concepts, size))
        words -= size
    return script(lang).space.join(sentences)


def _site_entry(index: int, concepts: int, lang: str, path: str = "") -> Entry:
    found = site_terms(index, lang)
    statuses = (TermStatus.PREFERRED, TermStatus.DEPRECATED, TermStatus.ADMITTED)
    notes = tuple(_text(f"note-{index}-{n}", lang, concepts, NOTE_WORDS)
                  for n in range(1 + index % 2))
    return Entry(f"concept-{index}", lang, path, Span(1, 1),
                 terms=tuple(Term(text, status, Span(1, 1))
                             for text, status in zip(found, statuses, strict=False)),
                 definition=_text(f"def-{index}", lang, concepts, DEFINITION_WORDS),
                 notes=notes)


def _entry_yaml(entry: Entry, indent: str) -> str:
    terms = "".join(f"{indent}  - term: {t.text}\n{indent}    status: {t.status}\n"
                    f"{indent}    part_of_speech: noun\n" for t in entry.terms)
    notes = "".join(f"{indent}  - >-\n{indent}    {note}\n" for note in entry.notes)
    return (f"{indent}definition: >-\n{indent}  {entry.definition}\n"
            f"{indent}notes:\n{notes}{indent}terms:\n{terms}")


def site_concept_yaml(index: int, concepts: int, lang: str) -> str:
    others = dict.fromkeys(f"concept-{n}" for n in ((index - 1) % concepts,
                                                    (index + 7) % concepts) if n != index)
    related = f"related: [{', '.join(others)}]\n" if others else ""
    broader = f"broader: [concept-{index // 10}]\n" if index >= 10 else ""
    return (f"id: concept-{index}\nstatus: approved\n"
            f"domain: {SITE_DOMAINS[index % len(SITE_DOMAINS)]}\nsince: \"2025.1\"\n"
            f"{related}{broader}sources:\n  - title: A synthetic source for concept {index}\n"
            f"    url: https://example.org/sources/{index}\n"
            + _entry_yaml(_site_entry(index, concepts, lang), ""))


def site_locale_yaml(concepts: int, lang: str, source: str) -> str:
    return "".join(f"concept-{index}:\n" + _entry_yaml(_site_entry(index, concepts, lang), "  ")
                   + f"  review: draft\n  source_hash: \"{hashed}\"\n"
                   for index, hashed in enumerate(
                       source_hash(_site_entry(n, concepts, source)) for n in range(concepts)))


def site_document(number: int, concepts: int, lang: str, source: str | None = None) -> str:
    """About WORDS_PER_DOCUMENT words of guidance: paragraphs, headings, lists and notes;
    `source` is the source document's hash, for a translation."""
    plan, chooser = random.Random(f"doc-{number}"), random.Random(f"doc-{lang}-{number}")
    title = f"{_word(number, script(lang).syllables)} {number}"
    meta = f"review: draft\nsource_hash: \"{source}\"\n" if source else ""
    parts = [f"---\ntitle: {title}\n{meta}---\n", f"# {title}\n"]
    words = 0
    while words < WORDS_PER_DOCUMENT:
        roll = plan.random()
        if roll < 0.15:
            parts.append(f"## {_sentence(plan, chooser, lang, concepts, 4)[:-1]}\n")
        sizes = [plan.randint(8, 20) for _ in range(plan.randint(2, 5))]
        sentences = [_sentence(plan, chooser, lang, concepts, size) for size in sizes]
        words += sum(sizes)
        if roll < 0.3:
            parts.append("".join(f"- {sentence}\n" for sentence in sentences))
        elif roll < 0.35:
            parts.append("!!! note\n\n" + "".join(f"    {s}\n" for s in sentences))
        else:
            parts.append(script(lang).space.join(sentences) + "\n")
    return "\n".join(parts)


def site_home(lang: str, documents: int, source: str | None = None) -> str:
    meta = f"review: draft\nsource_hash: \"{source}\"\n" if source else ""
    links = "".join(f"- [{_word(n, script(lang).syllables)} {n}](guidance/doc-{n:05}.md)\n"
                    for n in range(documents))
    return f"---\ntitle: Bench\n{meta}---\n\n# Bench\n\n{links}"


def site_config(langs: tuple[str, ...], *, interlex: bool, check: bool = False) -> str:
    """A mkdocs.yml like the repository's (the plugin adds Interlex's theme folder itself);
    without `interlex`, plain mkdocs-static-i18n: its own search handling, every page in
    the navigation."""
    items = "".join(f"        - locale: {lang}\n          name: {LANGUAGE_NAMES.get(lang, lang)}\n"
                    f"          build: true\n" + ("          default: true\n" if not i else "")
                    for i, lang in enumerate(langs))
    search = "      reconfigure_search: false\n" if interlex else ""
    plugin = f"  - interlex:\n      check: {str(check).lower()}\n" if interlex else ""
    return ("site_name: Bench\nsite_url: https://bench.example.org/\ndocs_dir: content\n"
            "strict: true\ntheme:\n  name: material\n  font: false\n  features:\n"
            "    - navigation.indexes\n    - search.highlight\n    - content.tooltips\n"
            "plugins:\n  - search\n  - i18n:\n      docs_structure: folder\n"
            f"      fallback_to_default: true\n{search}      reconfigure_material: true\n"
            f"      languages:\n{items}{plugin}markdown_extensions:\n  - admonition\n"
            "  - attr_list\n  - toc:\n      permalink: true\n      slugify: "
            "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n")


def _languages(languages: int | tuple[str, ...]) -> tuple[str, ...]:
    return SITE_LANGUAGES[:languages] if isinstance(languages, int) else languages


def generate_site(out: Path, concepts: int, languages: int | tuple[str, ...], documents: int,
                  *, check: bool = False) -> Path:
    """A whole Interlex site: every concept and document translated into every language."""
    langs = _languages(languages)
    source = langs[0]
    (out / "glossary").mkdir(parents=True)
    (out / "mkdocs.yml").write_text(site_config(langs, interlex=True, check=check), "utf-8")
    (out / "glossary" / "domains.yaml").write_text("".join(
        f"{d}:\n  name:\n    {source}: Domain {d}\n  description: >-\n    The {d} domain.\n"
        for d in SITE_DOMAINS), "utf-8")
    for index in range(concepts):
        (out / "glossary" / f"concept-{index}.yaml").write_text(
            site_concept_yaml(index, concepts, source), "utf-8")
    pages = {"index.md": site_home(source, documents)}
    pages.update({f"guidance/doc-{n:05}.md": site_document(n, concepts, source)
                  for n in range(documents)})
    for key, text in pages.items():
        (out / "content" / source / key).parent.mkdir(parents=True, exist_ok=True)
        (out / "content" / source / key).write_text(text, "utf-8")
    project = load_project(out)
    hashes = {}
    for key in pages:
        loaded = load_document(project, source, key).document
        assert loaded is not None
        hashes[key] = document_hash(loaded)
    for lang in langs[1:]:
        (out / "locales" / lang).mkdir(parents=True)
        (out / "locales" / lang / "glossary.yaml").write_text(
            site_locale_yaml(concepts, lang, source), "utf-8")
        (out / "content" / lang / "guidance").mkdir(parents=True)
        (out / "content" / lang / "index.md").write_text(
            site_home(lang, documents, hashes["index.md"]), "utf-8")
        for n in range(documents):
            key = f"guidance/doc-{n:05}.md"
            (out / "content" / lang / key).write_text(
                site_document(n, concepts, lang, hashes[key]), "utf-8")
    return out


def plain_page(index: int, pages: int, lang: str, langs: tuple[str, ...]) -> str:
    """A page shaped like a generated concept page, written directly."""
    entry = _site_entry(index, pages, lang)
    terms = "".join(f"| {t.text} | {t.status} | |\n" for t in entry.terms)
    notes = "".join(f"{note}\n\n" for note in entry.notes)
    related = ", ".join(f"[{site_terms(n, lang)[0]}](concept-{n}.md)"
                        for n in ((index + 1) % pages, (index + 7) % pages))
    notice = source = ""
    if lang != langs[0]:
        notice = ('!!! warning "Draft translation"\n\n    This translation has not yet been '
                  "reviewed by a human translator. It may contain errors.\n\n")
        source = f'Source term: <span lang="{langs[0]}">{site_terms(index, langs[0])[0]}</span>\n\n'
    others = "".join(
        f'<tr><td><a href="https://bench.example.org/{other}/glossary/concept-{index}/" '
        f'hreflang="{other}" lang="{other}">{LANGUAGE_NAMES.get(other, other)}</a></td>'
        f'<td><span lang="{other}">{site_terms(index, other)[0]}</span></td><td>draft</td></tr>\n'
        for other in langs if other != lang)
    return (f"---\ntitle: {entry.terms[0].text}\n---\n\n# {entry.terms[0].text}\n\n{notice}"
            f"| Term | Status | Note |\n| --- | --- | --- |\n{terms}\n{source}"
            f"## Definition\n\n{entry.definition}\n\n## Notes\n\n{notes}"
            f"## Sources\n\n- <a href=\"https://example.org/sources/{index}\" rel=\"noopener\">"
            f"A synthetic source for concept {index}</a>\n\n**Related concepts:** {related}\n\n"
            f"## About this entry\n\n**Review status:** draft  \n**Domain:** "
            f"{SITE_DOMAINS[index % len(SITE_DOMAINS)]}  \n**In the glossary since:** 2025.1\n\n"
            "## In other languages\n\n<table>\n<thead><tr><th>Language</th><th>Term</th>"
            f"<th>Review status</th></tr></thead>\n<tbody>\n{others}</tbody>\n</table>\n")


def generate_plain(out: Path, pages: int, languages: int | tuple[str, ...]) -> Path:
    """A plain mkdocs-static-i18n site: `pages` pages in each language (a home page and
    concept-like pages), all of them in the navigation."""
    langs = _languages(languages)
    out.mkdir(parents=True)
    (out / "mkdocs.yml").write_text(site_config(langs, interlex=False), "utf-8")
    for lang in langs:
        folder = out / "content" / lang / "glossary"
        folder.mkdir(parents=True)
        (out / "content" / lang / "index.md").write_text("# Bench\n", "utf-8")
        for index in range(pages - 1):
            (folder / f"concept-{index}.md").write_text(plain_page(index, pages - 1, lang, langs),
                                                        "utf-8")
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
