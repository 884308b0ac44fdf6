"""Property-based tests: hostile or random input never escapes as an exception, every
position reported lies inside the text (YAML, Markdown, TBX, gettext catalogs), and the
findings do not depend on the order of files."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tooling.check import run_check
from tooling.errors import InterlexError
from tooling.findings import Span
from tooling.glossary import load_glossary
from tooling.import_tbx import read_tbx
from tooling.markdown_scan import LINE_BREAK, scan
from tooling.matcher import LanguageMatcher
from tooling.model import Entry, Term, TermStatus
from tooling.project import Project, load_project
from tooling.rules import interface
from tooling.sitegen import messages
from tooling.sitegen.messages import catalog_states
from tooling.yamlload import parse_yaml

INVALID_BASE = Path(__file__).parent / "data" / "invalid" / "base"
_GLOSSARY = load_glossary(load_project(INVALID_BASE)).glossary

# Text made of the characters that matter to the parsers, plus anything at all.
_SYNTAX = st.sampled_from([*"-:[]{}&*!|>'\"#%@`\\\n\t ,?<>=_()\r\x00", "---", "!!str", "<!--",
                            "-->", "```"])
_TEXT = st.lists(st.one_of(_SYNTAX, st.text(max_size=6)), max_size=60).map("".join)
# Derandomized: CI runs the same 300 examples every time, so a run never fails by luck;
# `--hypothesis-seed` or a larger max_examples explores further by hand.
_SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow])


def _inside(text: str, span: Span) -> bool:
    lines = LINE_BREAK.split(text)  # YAML and Markdown also break lines at a lone CR
    return 1 <= span.line <= len(lines) + 1 and span.column >= 1


@_SETTINGS
@given(_TEXT)
def test_yaml_never_raises_and_locates_every_finding(text: str) -> None:
    document, findings = parse_yaml(text, "f.yaml")
    assert document is not None or findings or not text.strip("\ufeff")
    assert all(_inside(text, f.span) for f in findings)


@_SETTINGS
@given(_TEXT)
def test_markdown_prose_always_points_at_its_own_characters(text: str) -> None:
    document = scan(text)
    for block in document.blocks:
        if block.prose is None:
            continue
        assert len(block.prose.offsets) >= len(block.prose.text)
        for char, offset in zip(block.prose.text, block.prose.offsets, strict=False):
            assert 0 <= offset <= len(text)
            if char not in ("\x00", " ") and offset < len(text):
                # An entity stands for its character; CommonMark reads NUL as U+FFFD.
                assert text[offset] in (char, "&") or (char, text[offset]) == ("\ufffd",
                                                                                "\x00")


_TERMS = [("gp", "general-purpose AI model"), ("ai", "AI model"), ("acr", "GPAI"),
          ("ja", "モデル"), ("ko", "평가"), ("ar", "نموذج"), ("zh", "红队测试")]


@_SETTINGS
@given(st.sampled_from(["en", "fr", "de", "ja", "ko", "ar", "zh", "sw"]),
       st.lists(st.one_of(st.sampled_from([t for _, t in _TERMS]), st.text(max_size=8)),
                max_size=30).map(" ".join))
def test_matches_are_ordered_disjoint_spans_of_the_text(lang: str, text: str) -> None:
    entries = [Entry(concept, lang, "", Span(1, 1),
                     terms=(Term(term, TermStatus.PREFERRED, Span(1, 1),
                                 case_sensitive=term.isupper()),))
               for concept, term in _TERMS]
    matches = LanguageMatcher(lang, entries).find(text)
    reach = 0
    for match in matches:
        assert reach <= match.start < match.end <= len(text)
        reach = match.end


# Findings do not depend on the order in which files were written or are listed.
_IDS = ["alpha", "beta", "red-team", "model", "eval-2"]
_WORDS = ["model", "AI model", "red team", "evaluation", "Model", "test", "red  team"]
_STATUSES = ["preferred", "admitted", "deprecated", "preferrd"]
_CONCEPT = ('id: {id}\nstatus: approved\ndomain: risks\nsince: "2025.1"\nsources:\n'
            "  - title: A source\ndefinition: What {id} means.\n{related}terms:\n{terms}")
_concepts = st.lists(
    st.tuples(st.sampled_from(_IDS),
              st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_STATUSES)),
                       min_size=1, max_size=3),
              st.sampled_from(["", "related: [alpha]\n", "broader: [evaluation, nope]\n"]),
              st.sampled_from(["", "fr"])),
    min_size=1, max_size=4, unique_by=lambda concept: concept[0])


def _write_project(root: Path, concepts: list[tuple[str, list[tuple[str, str]], str, str]],
                   document: str, order: list[int]) -> None:
    shutil.copytree(INVALID_BASE, root)
    locale = root / "locales" / "fr" / "glossary.yaml"
    entries = []
    for index in order:
        concept_id, terms, related, translated = concepts[index]
        written = "".join(f"  - term: {term}\n    status: {status}\n" for term, status in terms)
        (root / "glossary" / f"{concept_id}.yaml").write_text(
            _CONCEPT.format(id=concept_id, related=related, terms=written), "utf-8")
        if translated:
            entries.append(f"{concept_id}:\n  terms:\n    - term: {terms[0][0]} fr\n"
                           "      status: preferred\n  review: draft\n")
    locale.write_text(locale.read_text("utf-8") + "".join(sorted(entries)), "utf-8")
    (root / "content" / "en" / "guide.md").write_text(f"# Guide\n\n{document}\n", "utf-8")


class _Listing:
    """`os.scandir` giving its entries in an order of the test's choosing."""

    def __init__(self, entries: list[os.DirEntry[str]]) -> None:
        self.entries = iter(entries)

    def __iter__(self) -> Iterator[os.DirEntry[str]]:
        return self

    def __next__(self) -> os.DirEntry[str]:
        return next(self.entries)

    def __enter__(self) -> _Listing:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None


def _shuffled_listings(shuffle: random.Random) -> contextlib.ExitStack:
    scandir, listdir = os.scandir, os.listdir

    def shuffled_scandir(path: Any = ".") -> _Listing:
        with scandir(path) as found:
            entries = list(found)
        shuffle.shuffle(entries)
        return _Listing(entries)

    def shuffled_listdir(path: Any = ".") -> list[str]:
        names = listdir(path)
        shuffle.shuffle(names)
        return names

    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(os, "scandir", shuffled_scandir))
    stack.enter_context(mock.patch.object(os, "listdir", shuffled_listdir))
    return stack


@settings(_SETTINGS, max_examples=200)
@given(_concepts, st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join), st.randoms())
def test_findings_do_not_depend_on_the_order_of_files(
        concepts: list[tuple[str, list[tuple[str, str]], str, str]], document: str,
        shuffle: random.Random) -> None:
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(messages, "extract",
                                                                     _template):
        first, second = Path(folder) / "first", Path(folder) / "second"
        _write_project(first, concepts, document, list(range(len(concepts))))
        _write_project(second, concepts, document, list(reversed(range(len(concepts)))))
        expected = run_check(load_project(first)).findings
        with _shuffled_listings(shuffle):
            found = run_check(load_project(second)).findings
    assert found == expected
    assert sorted(found, key=repr) == sorted(expected, key=repr)


# Every position the TBX importer reports lies inside the file.
_TBX_TERM = st.sampled_from(["évaluation", "evaluation", "red teaming", "  ", "",
                             "a" * 201, "x&amp;y", "日本語"])
_TBX_NOTE = st.sampled_from([
    "", '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
    '<termNote type="administrativeStatus">bestTerm</termNote>',
    '<termNote type="partOfSpeech">properNoun</termNote>', "<note>review: pending</note>",
    "<note>interlex-entry-hash: zz</note>", '<descrip type="definition">Déf.</descrip>'])
_TBX_SPACE = st.sampled_from(["", " ", "\n", "\n  ", "\t"])
_TERM_SEC = st.builds("<termSec>{}{}</termSec>".format,
                      _TBX_TERM.map(lambda t: f"<term>{t}</term>" if t else ""), _TBX_NOTE)
_LANG_SEC = st.builds(
    "<langSec{}{}>{}{}</langSec>".format, _TBX_SPACE.map(lambda s: s or " "),
    st.sampled_from(['xml:lang="fr"', 'xml:lang="en"', 'xml:lang="FR"', 'lang="fr"']),
    _TBX_NOTE, st.lists(st.tuples(_TBX_SPACE, _TERM_SEC).map("".join), max_size=3).map("".join))
_CONCEPT_ENTRY = st.builds(
    "<conceptEntry{}>{}</conceptEntry>".format,
    st.sampled_from(["", ' id="evaluation"', ' id="x1"', ' id="red-teaming"']),
    st.lists(st.tuples(_TBX_SPACE, _LANG_SEC).map("".join), max_size=3).map("".join))
_TBX_BODY = st.lists(st.tuples(_TBX_SPACE, _CONCEPT_ENTRY).map("".join), max_size=4).map("".join)
_TBX_SOUP = st.lists(st.one_of(st.sampled_from(
    ["<", ">", "</", "&", "&x;", '"', "<!DOCTYPE x>", "<term>", "</term>", "é", "\n", "<?x?>",
     "<![CDATA[", "]]>", "<!--", "-->"]), st.text(max_size=3)), max_size=20).map("".join)
_TBX_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" '
             'xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n')
_POSITION = re.compile(r"^(?:nothing imported; fix these first:\n)?(?P<path>[^\n]*?):"
                       r"(?P<line>\d+):(?P<column>\d+): ", re.MULTILINE)


def _inside_lines(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


@settings(_SETTINGS, max_examples=300)
@given(st.one_of(_TBX_BODY, st.tuples(_TBX_BODY, _TBX_SOUP, _TBX_BODY).map("".join)),
       st.sampled_from(["utf-8", "utf-16"]))
def test_tbx_positions_always_lie_inside_the_file(body: str, encoding: str) -> None:
    text = _TBX_HEAD + body + "</body></text>\n</tbx>\n"
    if encoding == "utf-16":
        text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.tbx"
        path.write_bytes(text.encode(encoding))
        try:
            _, problems = read_tbx(path, "fr", _GLOSSARY, "en")
        except InterlexError as error:
            problems = str(error).split("\n")
    located = [match for problem in problems if (match := _POSITION.match(problem))]
    for match in located:
        assert match["path"] == str(path)
        assert _inside_lines(text, int(match["line"]), int(match["column"])), match.group()


# Every line the catalog reader reports lies inside the catalog.
_PO_TOKENS = st.sampled_from([
    'msgid ""\nmsgstr ""\n', '"Language: fr\\n"\n', '"Language: de\\n"\n',
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n', '"Plural-Forms: nplurals=x;\\n"\n',
    'msgid "Definition"\n', 'msgid "see {term}"\n', 'msgstr "voir {term}"\n',
    'msgstr "voir {terme}"\n', 'msgstr "{"\n', 'msgid_plural "{count} terms"\n',
    'msgstr[0] "x"\n', 'msgstr[5] "y"\n', "msgctxt \"c\"\n", "#, fuzzy\n", "#~ ", "\n", '"',
    "msgid ", "msgstr ", "\\", "é"])
_PO = st.lists(st.one_of(_PO_TOKENS.map(str.encode), st.binary(max_size=2),
                         st.text(max_size=3).map(str.encode)), max_size=30).map(b"".join)


@pytest.fixture(scope="module")
def catalog_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("catalogs") / "project"
    shutil.copytree(INVALID_BASE, root)
    return load_project(root)


def _template() -> Catalog:
    catalog = Catalog()
    for message in ("Definition", "Notes", "see {term}"):
        catalog.add(message)
    return catalog


@settings(_SETTINGS, max_examples=300)
@given(_PO)
def test_catalog_lines_always_lie_inside_the_catalog(catalog_project: Project,
                                                     data: bytes) -> None:
    path = catalog_project.root / "locales" / "fr" / "messages.po"
    path.write_bytes(data)
    lines = data.count(b"\n") + 1
    with mock.patch.object(messages, "extract", _template):
        [state] = catalog_states(catalog_project)
        findings = list(interface.check(_GLOSSARY, catalog_project))
    for _, line in (*state.untranslated, *state.fuzzy):
        assert 0 <= line <= lines
    assert all(1 <= line <= lines for line, _ in state.problems)
    assert all(f.path == "locales/fr/messages.po" and 1 <= f.span.line <= lines
               for f in findings)
