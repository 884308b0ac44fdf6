"""`interlex publish`: a thin driver over mike, which keeps each edition of the built site
in its own folder of a git branch (with `versions.json`, aliases such as `latest`, and a
default version).

The build is ours, not mike's: mike would run whatever `mkdocs` (or another build
tool installed beside it) is first on the PATH; here MkDocs always runs from this
environment, with the edition's name and the earlier editions' glossaries given to the
`interlex` plugin. mike then commits the built folder; a failed check or build
commits nothing, so published editions are never touched by a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from mike import commands, git_utils
from mike.versions import Versions

from tooling.editions import (
    EDITION_VARIABLE,
    HISTORY_VARIABLE,
    SNAPSHOT_FILE,
    write_history,
)
from tooling.errors import InterlexError
from tooling.git import run_git
from tooling.project import CONFIG_FILE, Project
from tooling.site import CHECKED_VARIABLE

_ALIAS_TYPES = {"symlink": commands.AliasType.symlink, "copy": commands.AliasType.copy,
                "redirect": commands.AliasType.redirect}


@dataclass(frozen=True)
class PublishRequest:
    version: str
    title: str | None = None
    aliases: tuple[str, ...] = ()
    branch: str = "gh-pages"
    remote: str = "origin"
    push: bool = False
    force: bool = False
    alias_type: str = "symlink"


@contextmanager
def _in_project(project: Project) -> Iterator[None]:
    """mike runs git in the current folder."""
    before = Path.cwd()
    os.chdir(project.root)
    try:
        yield
    finally:
        os.chdir(before)


def publish(project: Project, request: PublishRequest) -> list[str]:
    """Build and commit one edition; returns what was done, one line each."""
    valid = subprocess.run(["git", "check-ref-format", "--branch", request.branch],
                           capture_output=True, check=False)
    if valid.returncode != 0:
        raise InterlexError(f"'{request.branch}' is not a valid branch name")
    with _in_project(project):
        published = commands.list_versions(request.branch)
        if published.find(request.version) and not request.force:
            raise InterlexError(f"edition {request.version} is already published on "
                                f"{request.branch}; an edition never changes: give --force "
                                "to rebuild it anyway (other editions are not touched)")
        history = _history(project, request, [str(v.version) for v in published])
        with tempfile.TemporaryDirectory(prefix="interlex-publish-") as folder:
            site_dir = Path(folder) / "site"
            history_file = Path(folder) / "history.json"
            write_history(history_file, history)
            cfg = {"site_dir": str(site_dir), "use_directory_urls": True}
            done = [f"{request.branch}: edition {request.version} published"
                    + (f" as {', '.join(request.aliases)}" if request.aliases else "")]
            try:
                with commands.deploy(cfg, request.version, request.title, list(request.aliases),
                                     update_aliases=True, branch=request.branch,
                                     alias_type=_ALIAS_TYPES[request.alias_type]):
                    _build(project, request.version, site_dir, history_file)
            except git_utils.GitEmptyCommit:
                done = [f"{request.branch}: edition {request.version} rebuilt, identical"]
            except git_utils.GitError as error:
                raise InterlexError(f"mike could not commit the edition: {error}") from None
        if request.aliases or not list(published):  # the first edition opens the site
            default = request.aliases[0] if request.aliases else request.version
            with suppress(git_utils.GitEmptyCommit):  # it already does
                commands.set_default(default, branch=request.branch)
            done.append(f"{request.branch}: the site opens on {default}")
        if request.push:
            git_utils.push_branch(request.remote, request.branch)
            done.append(f"{request.branch}: pushed to {request.remote}")
    return done


def _history(project: Project, request: PublishRequest, published: Sequence[str]
             ) -> list[tuple[str, str]]:
    """Earlier editions (those mike sorts before this one) that carry a snapshot, oldest
    first."""
    versions = Versions()
    for name in [*published, request.version]:
        versions.add(name)
    newest_first = [str(info.version) for info in versions]
    earlier = reversed(newest_first[newest_first.index(request.version) + 1:])
    history = []
    for name in earlier:
        try:
            text = run_git(project.root, "show", f"{request.branch}:{name}/{SNAPSHOT_FILE}",
                           needed_by="publish")
        except InterlexError:
            continue  # an edition published without Interlex has no snapshot
        history.append((name, text))
    return history


def _build(project: Project, version: str, site_dir: Path, history_file: Path) -> None:
    environment = {**os.environ, EDITION_VARIABLE: version, HISTORY_VARIABLE: str(history_file),
                   CHECKED_VARIABLE: "1", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           str(project.root / CONFIG_FILE), "--site-dir", str(site_dir)],
                          cwd=project.root, env=environment, check=False)
    if done.returncode != 0:
        raise InterlexError(f"the build of edition {version} failed (see above); nothing was "
                            "published")


def export_site(project: Project, branch: str, out: Path) -> str:
    """Every edition as plain files in `out`, for hosting anywhere (`git archive`)."""
    if out.exists() and any(out.iterdir()):
        raise InterlexError(f"{out} is not empty; give a new or empty folder (nothing is "
                            "overwritten)")
    out.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(project.root), "archive", "--format=tar", branch],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise InterlexError(f"no site branch '{branch}' to export; publish an edition first")
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive.stdout, check=True)
    return f"{out}: every edition of {branch}, as files"
