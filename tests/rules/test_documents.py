from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run, write

EXPECTED = [
    ["content/en/guide.md", 2, 8, "error", "deprecated-term"],
    ["content/en/guide.md", 9, 4, "error", "deprecated-term"],
    ["content/en/guide.md", 9, 31, "info", "admitted-term"],
    ["content/en/guide.md", 14, 5, "info", "admitted-term"],
    ["content/en/guide.md", 14, 41, "error", "broken-link"],
    ["content/en/guide.md", 14, 64, "error", "broken-link"],
    ["content/en/guide.md", 15, 2, "error", "broken-link"],
    ["content/en/guide.md", 15, 42, "error", "broken-link"],
    ["content/en/index.md", 1, 1, "warning", "missing-translation"],
    ["content/fr/guide.md", 1, 1, "warning", "stale-document"],
    ["content/fr/guide.md", 11, 4, "error", "deprecated-term"],
    ["content/fr/guide.md", 11, 34, "error", "deprecated-term"],
    ["content/fr/guide.md", 13, 1, "warning", "inconsistent-translation"],
    ["content/fr/guide.md", 15, 1, "error", "do-not-translate"],
    ["content/fr/guide.md", 15, 1, "warning", "inconsistent-translation"],
    ["content/fr/guide.md", 17, 1, "warning", "structure-mismatch"],
    ["content/fr/orphan.md", 1, 1, "warning", "orphan-translation"],
]


def _findings(cli: Callable[..., Run], root: Path) -> list[dict[str, object]]:
    findings = cli("-C", root, "check", "--format", "json").json()["findings"]
    return [f for f in findings if str(f["path"]).startswith("content/")]


def test_every_document_rule_fires_at_its_place(project: Callable[[str], Path],
                                                cli: Callable[..., Run]) -> None:
    found = _findings(cli, project("docs-project"))
    assert [[f["path"], f["line"], f["column"], f["severity"], f["rule"]] for f in found] == (
        EXPECTED)
    messages = {(f["path"], f["line"], f["rule"]): f["message"] for f in found
                if (f["path"], f["column"]) != ("content/en/guide.md", 42)}
    assert messages[("content/en/guide.md", 9, "deprecated-term")] == (
        "'open-source model' is deprecated for 'open-weight-model'; use 'open-weight model'")
    assert messages[("content/en/guide.md", 14, "admitted-term")] == (
        "'AISI' is admitted for 'ai-safety-institute'; the preferred term is "
        "'AI safety institute'")
    assert messages[("content/fr/guide.md", 15, "do-not-translate")] == (
        "'AISI' is never translated, but this block does not contain it as written (source: "
        "content/en/guide.md:14)")
    assert messages[("content/fr/guide.md", 15, "inconsistent-translation")] == (
        "the source block (content/en/guide.md:14) uses 'evaluation' (evaluation); this block "
        "uses none of its fr terms: 'évaluation'")
    assert messages[("content/fr/guide.md", 17, "structure-mismatch")] == (
        "the translation has a paragraph where the source has nothing; keep one block per "
        "source block so they align")
    assert messages[("content/fr/guide.md", 1, "stale-document")].startswith(
        "content/en/guide.md changed since this translation was made (0123456789abcdef, now ")
    assert messages[("content/en/guide.md", 15, "broken-link")] == (
        "link to glossary concept 'no-such-concept', which does not exist")


def test_fix_rewrites_unambiguous_deprecated_terms(project: Callable[[str], Path],
                                                   cli: Callable[..., Run]) -> None:
    root = project("docs-project")
    diff = cli("-C", root, "check", "--diff")
    assert diff.code == 1
    assert diff.out == (
        '--- a/content/en/guide.md\n'
        '+++ b/content/en/guide.md\n'
        '@@ -1,12 +1,12 @@\n'
        ' ---\n'
        '-title: Open-source model guide\n'
        '+title: Open-weight model guide\n'
        ' ---\n'
        ' \n'
        ' # Guide\n'
        ' \n'
        ' ## Scope\n'
        ' \n'
        '-An open-source model needs an eval before release; the `open-source model` flag is '
        'code.\n'
        '+An open-weight model needs an eval before release; the `open-source model` flag is '
        'code.\n'
        ' \n'
        ' <!-- interlex-disable-next-line deprecated-term -->\n'
        ' An open-source model quoted on purpose.\n'
        '--- a/content/fr/guide.md\n'
        '+++ b/content/fr/guide.md\n'
        '@@ -8,7 +8,7 @@\n'
        ' \n'
        ' ## Portée\n'
        ' \n'
        '-Un modèle open source demande un test avant sa publication.\n'
        '+Un modèle à poids ouverts demande un évaluation avant sa publication.\n'
        ' \n'
        ' Une citation voulue.\n'
        ' \n'
    )
    fixed = cli("-C", root, "check", "--fix", "--format", "json")
    assert fixed.err == "content/en/guide.md: fixed\ncontent/fr/guide.md: fixed\n"
    rules = [f["rule"] for f in fixed.json()["findings"]]
    assert "deprecated-term" not in rules
    assert cli("-C", root, "check", "--diff").out == ""


def test_ambiguous_and_stemmed_matches_are_not_fixed(project: Callable[[str], Path],
                                                     cli: Callable[..., Run]) -> None:
    root = project("docs-project")
    write(root / "glossary" / "model-release.yaml", (root / "glossary" / "evaluation.yaml")
          .read_text().replace("id: evaluation", "id: model-release")
          .replace("term: evaluation", "term: release").replace("term: eval", "term: test run"))
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text() + "model-release:\n  terms:\n    - term: publication\n"
                      "      status: preferred\n    - term: test\n      status: deprecated\n")
    write(root / "content" / "en" / "guide.md", "# Guide\n\nTwo open-source models.\n")
    diff = cli("-C", root, "check", "--diff").out
    assert "open-source models" not in diff  # a stemmed match: not fixed
    # 'test' is deprecated for two concepts: which preferred term is meant is unknown.
    assert "+Un modèle à poids ouverts demande un test avant sa publication.\n" in diff


def test_unreadable_documents_folder_links_and_suppressed_links(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("docs-project")
    (root / "content" / "fr" / "broken.md").write_bytes(b"# Titre\n\xff\n")
    write(root / "content" / "en" / "sub" / "index.md", "# Sub\n")
    write(root / "content" / "en" / "links.md",
          "# Links\n\n[folder](sub/) and [missing folder](nowhere/)\n\n"
          "<!-- interlex-disable broken-link -->\n[quiet](gone.md)\n"
          "<!-- interlex-enable -->\n")
    found = [(f["path"], f["line"], f["rule"], f["message"])
             for f in _findings(cli, root) if f["path"] in (
                 "content/fr/broken.md", "content/en/links.md")]
    assert found == [
        ("content/en/links.md", 1, "missing-translation",
         "'links.md' has no fr translation; add content/fr/links.md"),
        ("content/en/links.md", 3, "broken-link",
         "link to 'nowhere/': no page content/en/nowhere/index.md (nor in the source "
         "language)"),
        ("content/fr/broken.md", 2, "yaml-syntax",
         "invalid UTF-8 (byte 0xff); save the file as UTF-8"),
    ]
