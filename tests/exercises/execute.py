"""Run an exercise notebook the way a learner's kernel runs it, against a package of its own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import nbformat

from practice.learner import PACKAGE_ENV
import conf  # noqa: F401  (conf.py puts the site's extensions, docs/_ext, on sys.path)
from execution_cache import ipc_client  # the guide's one way to start a kernel: over IPC

# Same depth as exercises/, so the chapters' relative paths ("../templates") resolve; the
# notebooks only read there.
RUN_FROM = Path(__file__).resolve().parents[2] / "notebooks"


def execute_in_turn(package: Path, runs: list[tuple[nbformat.NotebookNode, Callable]],
                    timeout: int = 180, **options) -> list[nbformat.NotebookNode]:
    """Execute each (notebook, skip) of ``runs`` in turn in one fresh kernel, as a learner
    re-runs the notebook top to bottom after changing cells: one kernel start, one set of
    services and check processes for all of them. Every cell runs but those ``skip`` names
    (they keep no outputs); errors are recorded in the outputs, not raised. ``options`` go
    to nbclient (its hooks, such as ``on_cell_executed``)."""
    env = {**os.environ, PACKAGE_ENV: str(package)}
    with ipc_client(runs[0][0], RUN_FROM, timeout, kernel_name="python3", allow_errors=True,
                    **options) as client:
        # (the kernel's check cells share one set of services: checks.notebook keeps them)
        with client.setup_kernel(env=env):
            for notebook, skip in runs:
                client.nb = notebook  # execute_cell reads the notebook's metadata from here
                for index, cell in enumerate(notebook.cells):
                    if cell.cell_type == "code" and skip(cell):
                        cell.outputs = []
                        continue
                    client.execute_cell(cell, index)
    return [notebook for notebook, _ in runs]


def errors(notebook: nbformat.NotebookNode) -> list[tuple[int, str, str]]:
    """(cell index, error name, first line of the traceback) of every cell that raised."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append((index, output["ename"], (output.get("traceback") or [""])[-1]))
    return found


def text_of(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output["text"])
        elif "data" in output and "text/plain" in output["data"]:
            parts.append(output["data"]["text/plain"])
    return "\n".join(parts)
