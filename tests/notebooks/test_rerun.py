"""Every notebook can be run again, top to bottom, in the same kernel: the second run
raises nothing new and prints what the first printed (volatile values masked)."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

from tests.notebooks.normalize import DIFF_REPLACE

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.md"))
# What a re-run may add, and why: IPython says so when an extension is loaded twice.
EXPECTED_ON_RERUN = re.compile(r"The workbench extension is already loaded\. To reload it, use:\n"
                               r"\s*%reload_ext workbench\n")


def _plain(outputs) -> str:
    text = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") + "\n"
                   for o in outputs)
    for _path, pattern, replacement in DIFF_REPLACE:
        text = re.sub(pattern, replacement, text)
    return EXPECTED_ON_RERUN.sub("", text)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_second_run_in_the_same_kernel_matches_the_first(notebook):
    nb = jupytext.read(notebook)
    client = NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    runs: list[list[str]] = []
    with client.setup_kernel():
        for _ in range(2):
            outputs = []
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    cell.outputs = []
                    client.execute_cell(cell, index)  # raises on an untagged error
                    outputs.append(_plain(cell.outputs))
            runs.append(outputs)
    first, second = runs
    changed = [(i, a, b) for i, (a, b) in enumerate(zip(first, second)) if a != b]
    assert not changed, "\n\n".join(f"code cell {i}:\n--- first run\n{a}\n--- second run\n{b}"
                                    for i, a, b in changed)
