"""The repository's own site, built for real from a copy: strict, and every internal
link and anchor of every page in every language leads somewhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_repository
from tests.linkcheck import Links


def test_the_real_site_builds_and_every_link_resolves(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "project")
    done = subprocess.run([sys.executable, "-m", "tooling", "-C", str(root), "build",
                           "--site-dir", str(tmp_path / "site")], capture_output=True, text=True,
                          check=False, env={"INTERLEX_SITE_URL": "https://example.org/glossary/",
                                            "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    site = tmp_path / "site"
    pages = sorted(site.rglob("*.html"))
    links = Links(site, "https://example.org/glossary/")
    broken = links.check_pages(pages)
    assert not broken, f"{broken[0]} (and {len(broken) - 1} more)"
    assert len(pages) > 1000 and links.checked > 20_000
    print(f"{links.checked} internal links checked on {len(pages)} pages")
