"""Interlex: check and publish a multilingual AI-safety glossary and guidance."""

from __future__ import annotations

__version__ = "0.1.0"
