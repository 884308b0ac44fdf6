"""`python -m tooling` is the same as the `interlex` command."""

from __future__ import annotations

from tooling.cli import main

raise SystemExit(main())
