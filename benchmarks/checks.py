"""Figures for the check kit: how long a reader waits on a check cell, and on the CLI.

    .venv/bin/python -m benchmarks.checks [--repeat N]

For the guide's integration, ddtrace's own pymemcache integration (pymemcache profile) and
ddtrace's redis integration (redis profile): each notebook check call (services started
and stopped included), the schema matrix on its own, and the whole command-line run.
Prints a table with the goals beside the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from checks import notebook as check
from checks.profiles import get_profile
from checks.suite import applicable

ROOT = Path(__file__).resolve().parents[1]
TARGETS = (("guide", "integrations/memcached", None, "pymemcache"),
           ("built-in", "ddtrace.contrib.internal.pymemcache", "pymemcache", "pymemcache"),
           ("redis built-in", "ddtrace.contrib.internal.redis", "redis", "redis"))
GOALS = {"check": 3.0, "schema": 5.0, "cli": 20.0}


def _seconds(action, repeat: int) -> list[float]:
    figures = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        figures.append(time.perf_counter() - began)
    return figures


def _cli(target: str, name: str | None, library: str) -> None:
    argv = [sys.executable, "-m", "checks", target, "--library", library] + (["--name", name] if name else [])
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.checks")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--only", choices=[label for label, *_ in TARGETS], help="measure one integration")
    args = parser.parse_args(sys.argv[1:])

    table = Table(title=f"check kit timings (seconds, {args.repeat} runs each)")
    for header in ("measurement", "integration", "median", "min", "max", "goal"):
        table.add_column(header, justify="left" if header in ("measurement", "integration") else "right")
    for label, target, name, library in TARGETS:
        if args.only and label != args.only:
            continue
        path = str(ROOT / target) if "/" in target else target
        for family in applicable(get_profile(library)):
            figures = _seconds(lambda: getattr(check, family)(path, name=name, library=library), args.repeat)
            goal = GOALS["schema"] if family == "schema" else GOALS["check"]
            table.add_row(f"check.{family}()", label, *_row(figures, goal))
        figures = _seconds(lambda: _cli(path, name, library), args.repeat)
        table.add_row("python -m checks (all checks)", label, *_row(figures, GOALS["cli"]))
    Console().print(table)


def _row(figures: list[float], goal: float) -> list[str]:
    median = statistics.median(figures)
    mark = "" if median < goal else " ✗"
    return [f"{median:.2f}", f"{min(figures):.2f}", f"{max(figures):.2f}", f"< {goal:g}{mark}"]


if __name__ == "__main__":
    main()
