"""The one error type for expected failures (bad usage, bad configuration)."""

from __future__ import annotations


class InterlexError(Exception):
    """An expected failure: the message says where, what, and what to do next.

    The command line prints it without a traceback and exits with code 2.
    """
