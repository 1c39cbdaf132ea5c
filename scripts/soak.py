"""`make soak`: run a test command N times in a row and count how often it fails.

Every other run keeps one core busy with a spinning process (a machine shared with a
build, an editor, a second test run), since flakes come from timing. Prints one line per
run, then the passes and failures and the log of the first failure; each run's full
output is kept in --log-dir. Exit status 1 when any run failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

SPIN = "while True: pass"


@contextmanager
def one_core_busy(wanted: bool) -> Iterator[None]:
    if not wanted:
        yield
        return
    spinner = subprocess.Popen([sys.executable, "-c", SPIN])
    try:
        yield
    finally:
        spinner.kill()
        spinner.wait()


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def soak(command: list[str], runs: int, log_dir: Path) -> list[Path]:
    """Run ``command`` ``runs`` times; return the logs of the runs that failed."""
    log_dir.mkdir(parents=True, exist_ok=True)
    failed = []
    for number in range(1, runs + 1):
        busy = number % 2 == 0
        log = log_dir / f"run-{number:02d}.log"
        began, load_before = time.monotonic(), _load()
        with one_core_busy(busy), log.open("w") as output:
            status = subprocess.run(command, stdout=output, stderr=subprocess.STDOUT).returncode
        verdict = "passed" if status == 0 else f"FAILED (exit {status})"
        print(f"run {number:>2}/{runs}  {'one core busy' if busy else 'no extra load':<13}  "
              f"load {load_before:>5} at start  {time.monotonic() - began:6.0f} s  {verdict}", flush=True)
        if status != 0:
            failed.append(log)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--log-dir", type=Path, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the test command")
    options = parser.parse_args(argv)
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command or options.runs < 1:
        parser.error("give --runs N (N >= 1) and, after --, the command to run")
    failed = soak(command, options.runs, options.log_dir)
    print(f"\n{options.runs - len(failed)} of {options.runs} runs passed, {len(failed)} failed"
          f" (logs in {options.log_dir})")
    if failed:
        print(f"\n--- the first failure: {failed[0]} ---\n{failed[0].read_text()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
