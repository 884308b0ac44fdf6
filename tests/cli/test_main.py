from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DATA, Run
from tooling import cli as cli_module
from tooling.cli import COMMANDS, build_parser


def test_module_runs_on_a_fixture_from_any_directory(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tooling", "-C", str(DATA / "defects"), "check", "--format",
         "json"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert json.loads(done.stdout)["summary"] == {"error": 18, "warning": 8, "info": 3}
    assert done.stderr == ""


def test_project_is_found_from_a_subfolder(project: Callable[[str], Path],
                                           cli: Callable[..., Run],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = project("minimal")
    monkeypatch.chdir(root / "content" / "fr")
    assert cli("check").out == "0 errors, 0 warnings, 0 info\n"


def test_outside_any_project_is_a_usage_error(tmp_path: Path, cli: Callable[..., Run],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("check")
    assert run.code == 2
    assert run.err == (f"interlex: error: no mkdocs.yml in {tmp_path.resolve()} or any folder "
                       "above it; run inside an Interlex project or pass -C DIR\n")


def test_missing_directory_is_a_usage_error(tmp_path: Path, cli: Callable[..., Run]) -> None:
    run = cli("-C", tmp_path / "nowhere", "check")
    assert (run.code, run.err) == (2, f"interlex: error: -C {tmp_path / 'nowhere'}: no such "
                                      "folder\n")


def test_bad_usage_exits_2(cli: Callable[..., Run]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli("check", "--format", "xml")
    assert exit_info.value.code == 2


def test_a_bug_exits_3_without_a_traceback(project: Callable[[str], Path],
                                           cli: Callable[..., Run],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_module, "load_project", broken)
    monkeypatch.delenv("INTERLEX_DEBUG", raising=False)
    run = cli("-C", project("minimal"), "check")
    assert run.code == 3
    assert run.err == ("interlex: internal error: RuntimeError: boom\nThis is a bug in interlex; "
                       "set INTERLEX_DEBUG=1 for the traceback and report it.\n")
    monkeypatch.setenv("INTERLEX_DEBUG", "1")
    assert "Traceback" in cli("-C", DATA / "minimal", "check").err


def test_interrupt_exits_130(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "load_project", interrupted)
    run = cli("-C", DATA / "minimal", "check")
    assert (run.code, run.err) == (130, "interlex: interrupted\n")


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_machine_formats_print_to_stdout(cli: Callable[..., Run], fmt: str) -> None:
    run = cli("-C", DATA / "defects", "check", "--format", fmt)
    assert run.code == 1
    assert "glossary/misuse.yaml" in run.out


def test_a_closed_pipe_ends_quietly(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text() + "".join(f"gone-{n}: {{terms: []}}\n"
                                                   for n in range(3000)))
    reader = subprocess.Popen([sys.executable, "-m", "tooling", "-C", str(root), "check",
                               "--format", "json"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.readline() == b"{\n"
    reader.stdout.close()
    assert reader.wait(timeout=60) == 141
    assert reader.stderr.read() == b""


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(actions[0].choices)


def test_every_command_is_known_with_the_module_that_defines_it() -> None:
    assert _commands(build_parser()) == list(COMMANDS)
    for command, module in COMMANDS.items():
        alone = _commands(build_parser(["-C", "check", command, "--help"]))
        assert command in alone
        assert all(COMMANDS[c] == module for c in alone)


def test_only_the_named_command_is_loaded() -> None:
    assert _commands(build_parser(["-C", "export", "check", "x.md"])) == ["check"]
    assert _commands(build_parser(["publish"])) == ["publish", "changelog"]
    assert _commands(build_parser(["--version"])) == list(COMMANDS)
    assert _commands(build_parser(["-C"])) == list(COMMANDS)
    assert _commands(build_parser(["checkk"])) == list(COMMANDS)
