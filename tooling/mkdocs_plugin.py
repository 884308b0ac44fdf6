"""The `interlex` MkDocs plugin: a thin adapter from MkDocs events to the core.

Its config block in `mkdocs.yml` also carries the tooling's per-language
settings, which the command line reads from the same place.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin

from tooling.check import run_check
from tooling.findings import Severity
from tooling.project import load_project

log = logging.getLogger("mkdocs.plugins.interlex")


class InterlexConfig(base.Config):  # type: ignore[no-untyped-call]
    partial_languages = c.ListOfItems(c.Type(str), default=[])
    """Languages still being translated: a missing translation there is reported as info,
    not as a warning. Every other language of the i18n plugin is required."""

    check = c.Type(bool, default=True)
    """Check the glossary before each build; errors are logged as warnings, so that
    `mkdocs build --strict` fails on them."""


class InterlexPlugin(BasePlugin[InterlexConfig]):  # type: ignore[no-untyped-call]
    def on_pre_build(self, *, config: Any) -> None:
        if not self.config.check:
            return
        project = load_project(Path(config.config_file_path).parent)
        result = run_check(project)
        for finding in result.findings:
            where = f"{finding.path}:{finding.span.line}:{finding.span.column}"
            line = f"{where}: {finding.rule}: {finding.message}"
            if finding.severity is Severity.ERROR:
                log.warning(line)
            else:
                log.debug(line)
