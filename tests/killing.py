"""Kill an `interlex` command in the middle of a write, and look at what it left.

Every write goes through `tooling.fileio`: a temporary file beside the target,
written whole and synced, then renamed over it. The command runs in a child process
whose `os.replace` (as `tooling.fileio` sees it) lets the first `skip` renames happen,
then announces the temporary file of the next one and sleeps, so that the test can
SIGKILL it exactly between "the new file is written" and "it replaces the old one".
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CHILD = """
import os, sys, time, types
import tooling.fileio as fileio

marker, skip = sys.argv[1], int(sys.argv[2])
done = []

def pause(temporary, target):
    if len(done) < skip:
        done.append(target)
        return os.replace(temporary, target)
    # The temporary file is written and synced: stop before it replaces the target.
    with open(marker + ".part", "w") as stream:
        stream.write(str(temporary) + "\\n" + str(target))
    os.replace(marker + ".part", marker)
    time.sleep(600)

patched = types.ModuleType("os")
patched.__dict__.update(os.__dict__)
patched.replace = pause
fileio.os = patched
from tooling.cli import main
sys.exit(main(sys.argv[3:]))
"""


@dataclass(frozen=True)
class Killed:
    temporary: Path
    """The new file, written whole, that was about to replace `target`."""
    target: Path
    returncode: int


def kill_before_replace(marker: Path, args: list[str], *, skip: int = 0,
                        env: dict[str, str] | None = None) -> Killed | None:
    """Run `interlex ARGS` and SIGKILL it just before its write number `skip` (from 0)
    replaces its target; None when the command ends without reaching that write."""
    marker.unlink(missing_ok=True)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(marker), str(skip), *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, **(env or {})})
    deadline = time.monotonic() + 120
    while not marker.exists():
        if child.poll() is not None:
            out, err = child.communicate()
            assert child.returncode in (0, 1), (out, err)  # `check --fix`: 1 for findings left
            return None
        assert time.monotonic() < deadline, "the command neither wrote nor ended"
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    returncode = child.wait(timeout=60)
    child.stdout.close()  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    temporary, target = marker.read_text().split("\n")
    marker.unlink()
    return Killed(Path(temporary), Path(target), returncode)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes (folders as b"/")."""
    return {path.relative_to(root).as_posix(): b"/" if path.is_dir() else path.read_bytes()
            for path in sorted(root.rglob("*"))}


def _files(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in tree.items() if data != b"/"}


def kill_at_every_write(root: Path, args: Sequence[str], tmp_path: Path,
                        after: dict[str, bytes]) -> list[str]:
    """Run `interlex -C COPY ARGS` on fresh copies of `root`, killing it before its first
    write, then before its second, and so on until it ends; `after` is the project as the
    command leaves it when not interrupted. Returns the files written, in order.

    Whenever it is killed, the file it was replacing is byte-identical to what it was,
    the new version lies whole in a hidden temporary file beside it (which no command
    reads), and every other file is its old self or its new self, never a mix. Killed
    before its first write, it leaves every file as it was.
    """
    written: list[str] = []
    while True:
        work = tmp_path / f"killed-before-write-{len(written)}"
        shutil.copytree(root, work)
        before = snapshot(work)
        killed = kill_before_replace(tmp_path / "paused", ["-C", str(work), *args],
                                     skip=len(written))
        if killed is None:
            assert snapshot(work) == after
            return written
        assert killed.returncode == -signal.SIGKILL
        now = snapshot(work)
        target = killed.target.relative_to(work).as_posix()
        temporary = killed.temporary.relative_to(work).as_posix()
        assert killed.temporary.parent == killed.target.parent
        assert killed.temporary.name.startswith(f".{killed.target.name}.")
        assert killed.temporary.name.endswith(".tmp")
        assert now.pop(temporary) == after[target]  # the new file, written whole
        assert now.get(target) == before.get(target)  # the old one, untouched
        for path in {*before, *now}:
            assert now.get(path) in (before.get(path), after.get(path)), path
        if not written:  # no file changed (a folder made ready for the first may exist)
            assert _files(now) == _files(before)
        written.append(target)
