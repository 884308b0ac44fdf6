"""Real MkDocs builds and a real preview server of the fixture project."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DATA, write
from tooling.project import load_project
from tooling.site import build_command


def _interlex(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tooling", *map(str, args)],
                          capture_output=True, text=True, check=False)


def test_build_writes_every_language(project: Callable[[str], Path], tmp_path: Path) -> None:
    root = project("minimal")
    done = _interlex("-C", root, "build", "--site-dir", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    english = (tmp_path / "out" / "index.html").read_text("utf-8")
    french = (tmp_path / "out" / "fr" / "index.html").read_text("utf-8")
    assert '<html lang="en"' in english and '<html lang="fr"' in french
    assert ('<p>An <a href="glossary/evaluation/" class="interlex-term" title="evaluation: '
            'Systematic measurement of what an AI system can do and how it behaves." '
            'data-concept="evaluation">evaluation</a> example.</p>') in english
    assert ('Un exemple d’<a href="glossary/evaluation/" class="interlex-term" title="'
            'évaluation: Mesure systématique de ce qu&#x27;un système d&#x27;IA sait faire et '
            'de son comportement." data-concept="evaluation">évaluation</a>.') in french


def test_strict_build_fails_on_glossary_errors(project: Callable[[str], Path],
                                               tmp_path: Path) -> None:
    root = project("minimal")
    concept = root / "glossary" / "evaluation.yaml"
    concept.write_text(concept.read_text().replace("status: admitted", "status: preferred"))
    done = _interlex("-C", root, "build", "--site-dir", tmp_path / "out")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "glossary/evaluation.yaml:16:11: error preferred-term: 'eval' is a second preferred "
        "term (the first is 'evaluation' at line 13); keep one preferred, make the others admitted")
    assert done.stderr.splitlines()[-1] == (
        "interlex build: not building a site from a glossary with errors; fix them "
        "(`interlex check`) and build again")
    assert not (tmp_path / "out").exists()
    # Through MkDocs alone, the plugin's check makes a strict build fail.
    plain = _mkdocs(root, "--strict", "--site-dir", tmp_path / "plain")
    assert plain.returncode == 1
    assert ("WARNING -  glossary/evaluation.yaml:16:11: preferred-term: 'eval' is a second "
            "preferred term") in plain.stderr
    assert _mkdocs(root, "--site-dir", tmp_path / "lenient").returncode == 0


def test_plugin_check_can_be_turned_off(project: Callable[[str], Path], tmp_path: Path) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - interlex\n",
                                                 "  - interlex:\n      check: false\n")
                      .replace("site_url: https://example.org/", "site_url: https://example.org"))
    write(root / "glossary" / "broken.yaml", "id: [\n")
    done = _mkdocs(root, "--strict")
    assert done.returncode == 0, done.stderr
    (root / "glossary" / "broken.yaml").unlink()
    assert _interlex("-C", root, "build").returncode == 0  # into the default site/
    assert "broken.yaml" not in done.stderr
    assert (root / "site" / "fr" / "index.html").is_file()


def _mkdocs(root: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *map(str, args)],
                          capture_output=True, text=True, check=False, cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_previews_the_site(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    address = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen([sys.executable, "-m", "tooling", "-C", str(root), "serve",
                               "--dev-addr", address], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        page = _fetch(f"http://{address}/fr/", deadline=time.monotonic() + 60)
        assert 'data-concept="evaluation">évaluation</a>.' in page
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Watching paths for changes: 'content', 'mkdocs.yml', 'glossary', 'locales'" in errors


def _fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body: str = response.read().decode("utf-8")
                return body
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_build_command() -> None:
    project = load_project(DATA / "minimal")
    assert build_command(project, None, strict=False) == [
        sys.executable, "-m", "mkdocs", "build", "--config-file", str(DATA / "minimal" /
                                                                       "mkdocs.yml")]


def test_chinese_search_keeps_glossary_terms_whole(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    write(config, config.read_text().replace("          name: Français\n", (
        "          name: Français\n        - locale: zh\n          name: 中文\n")).replace(
        "  - i18n:", "  - search\n  - i18n:"))
    write(root / "locales" / "zh" / "glossary.yaml", "evaluation:\n  terms:\n    - term: 红队测试"
          "评估\n      status: preferred\n")
    write(root / "content" / "zh" / "index.md", "# 首页\n\n这是红队测试评估的例子。\n")
    done = _mkdocs(root, "--site-dir", root / "out")
    assert done.returncode == 0, done.stderr
    index = json.loads((root / "out" / "zh" / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("zh/#"))
    assert "\u200b红队测试评估\u200b" in text


def test_a_failed_build_leaves_the_previous_site(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    assert _interlex("-C", root, "build").returncode == 0
    before = (root / "site" / "fr" / "index.html").read_text("utf-8")
    config = root / "mkdocs.yml"
    write(config, config.read_text().replace("name: material", "name: no-such-theme"))
    failed = _interlex("-C", root, "build")
    assert failed.returncode == 1
    assert (root / "site" / "fr" / "index.html").read_text("utf-8") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_the_swap_puts_the_previous_site_back_when_it_fails(tmp_path: Path) -> None:
    from tooling.site import _swap  # noqa: PLC0415 - the one step that cannot fail for real

    target = write(tmp_path / "site" / "index.html", "previous").parent
    with pytest.raises(OSError):
        _swap(tmp_path / "vanished", target)
    assert (target / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    with pytest.raises(OSError):  # and with no previous site, nothing to put back
        _swap(tmp_path / "vanished", tmp_path / "new-site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_with_mikes_own_plugin_urls_keep_their_slash(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    write(config, config.read_text().replace("plugins:\n", "plugins:\n  - mike\n"))
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", "out"],
                          capture_output=True, text=True, check=False, cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                               "MIKE_DOCS_VERSION": "2.0"})
    assert done.returncode == 0, done.stderr
    sitemap = (root / "out" / "sitemap.xml").read_text()
    assert "<loc>https://example.org/2.0/fr/</loc>" in sitemap and "2.0fr" not in sitemap
