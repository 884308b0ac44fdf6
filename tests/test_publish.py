"""Editions published with mike into a temporary git repository, for real."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git, write
from tests.linkcheck import Links
from tooling.errors import InterlexError
from tooling.project import load_project
from tooling.publish import export_site


def _interlex(root: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tooling", "-C", str(root), *map(str, args)],
                          capture_output=True, text=True, check=False)


def _show(root: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(root), "show", f"gh-pages:{path}"],
                          capture_output=True, text=True, check=True).stdout


def _tree(root: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(root), "rev-parse", f"gh-pages:{path}"],
                          capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site fixture with two editions: 2025.1, then 2025.2 (latest) after a change."""
    import shutil  # noqa: PLC0415

    from tests.conftest import DATA  # noqa: PLC0415 - module-scoped fixture

    root = tmp_path_factory.mktemp("editions") / "project"
    shutil.copytree(DATA / "site", root)
    config = root / "mkdocs.yml"
    write(config, config.read_text() + "extra:\n  version:\n    provider: mike\n"
          "    default: latest\n")
    git(root, "init", "-q")
    git(root, "config", "user.name", "Editor")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first edition")
    git(root, "tag", "v2025.1")
    first = _interlex(root, "publish", "2025.1", "--alias", "latest", "--title", "First")
    assert first.returncode == 0, first.stderr
    assert first.stdout == ("gh-pages: edition 2025.1 published as latest\n"
                            "gh-pages: the site opens on latest\n")
    concept = root / "glossary" / "evaluation.yaml"
    write(concept, concept.read_text().replace(
        "can do and how it behaves.", "can do, and of how it behaves.").replace(
        "  - term: eval\n    status: admitted", "  - term: eval\n    status: deprecated\n"
        "  - term: assessment\n    status: admitted"))
    git(root, "commit", "-qam", "second edition")
    second = _interlex(root, "publish", "2025.2", "--alias", "latest")
    assert second.returncode == 0, second.stderr
    return root


def test_versions_aliases_and_the_default(published: Path) -> None:
    assert json.loads(_show(published, "versions.json")) == [
        {"version": "2025.2", "title": "2025.2", "aliases": ["latest"]},
        {"version": "2025.1", "title": "First", "aliases": []}]
    assert 'href="latest/"' in _show(published, "index.html")  # the site opens on latest
    assert _show(published, "latest") == "2025.2"  # the alias is a link to the edition


def test_an_edition_never_changes_unless_forced(published: Path) -> None:
    before = _tree(published, "2025.2")
    again = _interlex(published, "publish", "2025.1")
    assert (again.returncode, again.stderr) == (2, (
        "interlex: error: edition 2025.1 is already published on gh-pages; an edition never "
        "changes: give --force to rebuild it anyway (other editions are not touched)\n"))
    git(published, "checkout", "-q", "v2025.1")  # rebuilt from its own sources
    try:
        forced = _interlex(published, "publish", "2025.1", "--force")
    finally:
        git(published, "checkout", "-q", "-")
    assert forced.returncode == 0, forced.stderr
    assert _tree(published, "2025.2") == before
    assert json.loads(_show(published, "versions.json"))[0]["aliases"] == ["latest"]


def test_a_failed_build_publishes_nothing(published: Path, tmp_path: Path) -> None:
    head = _tree(published, "")
    page = published / "mkdocs.yml"  # a theme MkDocs does not know: the check passes
    original = page.read_text()
    write(page, original.replace("name: material", "name: no-such-theme"))
    try:
        failed = _interlex(published, "publish", "2025.3")
    finally:
        write(page, original)
    assert failed.returncode == 2
    assert failed.stderr.endswith("interlex: error: the build of edition 2025.3 failed (see "
                                  "above); nothing was published\n")
    assert _tree(published, "") == head


def test_switcher_hreflang_and_sitemap_under_an_edition(published: Path) -> None:
    home = _show(published, "2025.2/fr/index.html")
    switcher = re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link">', home)
    assert switcher == [("../", "en"), ("./", "fr"), ("../ja/", "ja"), ("../ar/", "ar")]
    sitemap = _show(published, "2025.2/sitemap.xml")
    links = re.findall(r'<xhtml:link rel="alternate" hreflang="([\w-]+)" href="([^"]*)"/>',
                       sitemap[sitemap.index("<loc>https://example.org/sub/2025.2/fr/</loc>"):])
    assert links[:4] == [("en", "https://example.org/sub/2025.2/"),
                         ("fr", "https://example.org/sub/2025.2/fr/"),
                         ("ja", "https://example.org/sub/2025.2/ja/"),
                         ("x-default", "https://example.org/sub/2025.2/")]
    assert '<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/sub/2025.2/fr/"' \
        in sitemap
    assert "2025.2fr" not in sitemap


def test_older_editions_point_to_the_latest(published: Path) -> None:
    page = _show(published, "2025.1/fr/guide/testing/index.html")
    assert '<div data-md-color-scheme="default" data-md-component="outdated" hidden>' in page
    assert ('<a href="../../../../latest/fr/guide/testing/" class="interlex-latest">' in page)
    assert "You are reading edition 2025.1 of this site, which is not the latest." in page


def test_changelog_page_citation_and_history(published: Path) -> None:
    changes = _show(published, "2025.2/glossary/changes/index.html")
    text = html.unescape(re.sub(r"<[^>]+>", "", changes))
    assert "What changed in the glossary since edition 2025.1." in text
    assert "Definitions changed: evaluation" in text
    assert "Terms added: assessment (evaluation)" in text
    assert "Terms deprecated: eval (evaluation)" in text
    assert re.search(r"Français¶\s*No changes\.", text)
    first = re.sub(r"<[^>]+>", "", _show(published, "2025.1/glossary/changes/index.html"))
    assert "This is the first edition: every concept is new." in first
    concept = _show(published, "2025.2/glossary/evaluation/index.html")
    assert ('Permanent link: <a href="https://example.org/sub/2025.2/glossary/evaluation/" '
            'class="interlex-permalink">') in concept
    assert ('<p class="interlex-citation">Site fixture. “evaluation”. In: Interlex glossary, '
            'edition 2025.2. https://example.org/sub/2025.2/glossary/evaluation/</p>') in concept
    history = re.findall(r"<li>(Edition [^<]*)</li>", concept)
    assert history == ["Edition 2025.1: added",
                       "Edition 2025.2: definition changed, terms added, a term deprecated"]


def test_changelog_command(published: Path) -> None:
    run = _interlex(published, "changelog", "v2025.1", ".")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(
        "Changes from v2025.1 to .\n\nen:\n  definition changed: evaluation\n"
        "  term added: assessment (evaluation)\n  term deprecated: eval (evaluation)\n\n"
        "fr: no changes\n")
    editions = _interlex(published, "changelog", "edition:2025.1", "edition:2025.2",
                         "--format", "json")
    data = json.loads(editions.stdout)
    assert data["languages"][0] == {
        "lang": "en", "added": [], "retired": [], "definition_changed": ["evaluation"],
        "terms_added": [["evaluation", "assessment"]],
        "deprecated": [["evaluation", "eval"]], "superseded": []}
    missing = _interlex(published, "changelog", "nope", ".")
    assert missing.returncode == 2
    assert missing.stderr.startswith("interlex: error: cannot read the glossary at 'nope': ")


def test_export_and_push(published: Path, tmp_path: Path,
                         project: Callable[[str], Path]) -> None:
    out = tmp_path / "out"
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(published, "remote", "add", "origin", str(remote))
    git(published, "checkout", "-q", "v2025.1")
    try:
        done = _interlex(published, "publish", "2025.1", "--force", "--push", "--out", out)
    finally:
        git(published, "checkout", "-q", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["gh-pages: pushed to origin",
                                             f"{out}: every edition of gh-pages, as files"]
    assert sorted(p.name for p in out.iterdir()) == [".nojekyll", "2025.1", "2025.2", "index.html",
                                                     "latest", "versions.json"]
    assert (out / "latest" / "glossary" / "evaluation" / "index.html").is_file()
    # Every link of every edition leads somewhere, older editions' links to latest/ too.
    pages = sorted(p for edition in ("2025.1", "2025.2") for p in (out / edition).rglob("*.html"))
    links = Links(out, "https://example.org/sub/")
    assert links.check_pages(pages) == []
    assert len(pages) == 2 * 41 and links.checked > 2000
    refused = _interlex(published, "publish", "2025.1", "--force", "--out", out)
    assert refused.stderr.endswith(f"interlex: error: {out} is not empty; give a new or empty "
                                   "folder (nothing is overwritten)\n")
    with pytest.raises(InterlexError, match=r"^no site branch 'nowhere' to export; publish an "
                                            "edition first$"):
        export_site(load_project(published), "nowhere", tmp_path / "elsewhere")


def test_refusals_and_editions_made_without_interlex(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    git(root, "init", "-q")
    git(root, "config", "user.name", "Editor")
    git(root, "config", "user.email", "editor@example.org")
    nothing = _interlex(root, "changelog", "edition:1.0", ".")
    assert nothing.returncode == 2
    no_commit = _interlex(root, "publish", "0.1")
    assert no_commit.returncode == 2
    assert no_commit.stderr == ("interlex: error: mike could not commit the edition: error "
                                'getting latest commit: "fatal: Needed a single revision"\n')
    # An edition someone published with mike alone has no glossary snapshot.
    git(root, "checkout", "-q", "--orphan", "gh-pages")
    write(root / "versions.json", '[{"version": "0.9", "title": "0.9", "aliases": []}]')
    git(root, "add", "versions.json")
    git(root, "commit", "-qm", "an edition made by hand")
    git(root, "checkout", "-q", "-f", "--orphan", "main")
    (root / "versions.json").unlink()
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the project")
    done = _interlex(root, "publish", "1.0")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "gh-pages: edition 1.0 published\n"
    bad = _interlex(root, "publish", "1.1", "--branch", "no..branch")
    assert (bad.returncode, bad.stderr) == (2, "interlex: error: 'no..branch' is not a valid "
                                               "branch name\n")
    write(root / "glossary" / "broken.yaml", "id: [\n")
    refused = _interlex(root, "publish", "1.2")
    assert refused.returncode == 1
    assert refused.stderr.endswith("interlex publish: not publishing a glossary with errors\n")
