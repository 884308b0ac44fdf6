"""Where things are in a project: the folders every module agrees on."""

from __future__ import annotations

GLOSSARY_DIR = "glossary"
"""One <concept-id>.yaml per concept, and domains.yaml."""
LOCALES_DIR = "locales"
"""locales/<lang>/glossary.yaml and messages.po for each translation language."""
CONTENT_DIR = "content"
"""content/<lang>/...: the guidance documents of each language."""
