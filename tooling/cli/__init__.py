"""The `interlex` command line: a thin shell that turns arguments into core calls.

One handler at the top: expected failures (`InterlexError`) exit 2 with their
message, anything else exits 3 as an internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from tooling import __version__
from tooling.errors import InterlexError
from tooling.project import find_root, load_project

EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as the shell reports it
COMMANDS = {"check": "check", "status": "status", "translations": "translations",
            "term": "term", "locale": "locale", "export": "export", "import": "importer",
            "build": "site", "serve": "site", "publish": "publish", "changelog": "publish"}
"""Each command, and the module of `tooling.cli` that defines it."""


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser of every command, or only of the one `argv` names: a command's
    module imports what it runs, and `interlex check` should not wait for TBX,
    export and publishing code to load."""
    parser = argparse.ArgumentParser(
        prog="interlex", description="Check and publish a multilingual glossary and guidance.")
    parser.add_argument("--version", action="version", version=f"interlex {__version__}")
    parser.add_argument("-C", dest="directory", type=Path, metavar="DIR",
                        help="run on the project in DIR (default: the nearest folder at or "
                             "above the current one that holds mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = _command_name(argv)
    for module in dict.fromkeys(COMMANDS.values()):
        if named is None or COMMANDS[named] == module:
            importlib.import_module(f"tooling.cli.{module}").register(commands)
    return parser


def _command_name(argv: Sequence[str]) -> str | None:
    """The command `argv` names, if it names one: its first word that is neither an
    option nor the folder given to -C."""
    words = iter(argv)
    for word in words:
        if word == "-C":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    args = build_parser(arguments).parse_args(arguments)
    try:
        root = args.directory.resolve() if args.directory else find_root(Path.cwd())
        if args.directory and not root.is_dir():
            raise InterlexError(f"-C {args.directory}: no such folder")
        code: int = args.run(args, load_project(root))
        return code
    except InterlexError as exc:
        print(f"interlex: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`interlex check | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("interlex: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the one place that turns a bug into exit code 3
        if os.environ.get("INTERLEX_DEBUG"):
            traceback.print_exc()
        print(f"interlex: internal error: {type(exc).__name__}: {exc}\nThis is a bug in "
              "interlex; set INTERLEX_DEBUG=1 for the traceback and report it.", file=sys.stderr)
        return EXIT_INTERNAL
