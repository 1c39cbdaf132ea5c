"""Figures for the foundation: site builds, notebook tests, notebook execution, service start-up.

    .venv/bin/python -m benchmarks.foundation [--skip-builds]

Builds go to a scratch directory (make BUILD=...), so the working tree's _build is untouched.
Prints a table; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import jupytext
from rich.console import Console
from rich.table import Table

import conf  # noqa: F401  (puts the site's extensions, docs/_ext, on sys.path)
from execution_cache import ipc_client
from harness import Services

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.md"))


def timed_command(*argv: str) -> str:
    """Seconds, as text; a failed command is reported with the end of its output, not hidden."""
    began = time.perf_counter()
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if result.returncode:
        print(f"{' '.join(argv)} failed:\n{(result.stdout + result.stderr)[-3000:]}", file=sys.stderr)
        return f"FAILED after {seconds:.1f}"
    return f"{seconds:.1f}"


def notebook_seconds(path: Path) -> tuple[float, float]:
    """(kernel start + execution, execution of the cells alone) for one notebook."""
    nb = jupytext.read(path)
    began = time.perf_counter()
    with ipc_client(nb, path.parent, 300, record_timing=True) as client:  # the guide's one way
        client.execute()
    total = time.perf_counter() - began
    cells = 0.0
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
            end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
            cells += (end - start).total_seconds()
    return total, cells


def service_startup(runs: int = 5) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        began = time.perf_counter()
        with Services() as services:
            whole = time.perf_counter() - began
            for name, seconds in services.startup_seconds().items():
                samples.setdefault(name, []).append(seconds)
            samples.setdefault("all three", []).append(whole)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-builds", action="store_true", help="only notebooks and services")
    args = parser.parse_args()
    table = Table(title="Foundation figures (this machine)")
    table.add_column("what")
    table.add_column("seconds", justify="right")
    table.add_column("target", justify="right")

    if not args.skip_builds:
        with tempfile.TemporaryDirectory(prefix="guide-bench-") as scratch:
            make = ("make", "--no-print-directory", f"BUILD={scratch}")
            table.add_row("make docs, clean", timed_command(*make, "docs"), "")
            table.add_row("make docs, cached re-run", timed_command(*make, "docs"), "< 10")
        test_notebooks = timed_command("make", "--no-print-directory", "test-notebooks")
        table.add_row("make test-notebooks", test_notebooks, "")

    plain = 0.0
    for path in NOTEBOOKS:
        total, cells = notebook_seconds(path)
        plain += total
        table.add_row(f"notebook {path.stem}: its cells (and with kernel start)",
                      f"{cells:.2f} ({total:.2f})", "< 5")
    table.add_row("every notebook executed once, one after another", f"{plain:.1f}", "")
    if not args.skip_builds and not test_notebooks.startswith("FAILED"):
        table.add_row("make test-notebooks ÷ that (both measured in this run)",
                      f"{float(test_notebooks) / plain:.2f}x", "≤ 1.5x")
    for name, seconds in service_startup().items():
        table.add_row(f"service start-up: {name} (median of 5)", f"{seconds:.2f}", "")
    Console(width=120).print(table)


if __name__ == "__main__":
    sys.exit(main())
