"""The second run of a notebook, in the kernel that already ran it, and how it may differ.

Every cell runs again, top to bottom, except a check cell (check_cells.py) whose inputs
are what they were before its first run (kernel_inputs.py): the kernel gave the same
answers to everything the check reads, and the check itself runs in fresh processes
against services of its own, so running it again would test the check kit, not the
kernel. A check cell whose inputs changed runs again like any other cell.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import nbformat
from nbclient import NotebookClient

from tests.notebooks import check_cells
from tests.notebooks.kernel_inputs import UNPROVABLE
from tests.notebooks.normalize import DIFF_REPLACE

# What a re-run may add, and why: IPython says so when an extension is loaded twice.
EXPECTED_ON_RERUN = re.compile(r"The workbench extension is already loaded\. To reload it, use:\n"
                               r"\s*%reload_ext workbench\n")


class CheckInputs:
    """The inputs of a notebook's check cells, as the kernel gives them just before each runs."""

    def __init__(self, client: NotebookClient):
        self.client = client
        self.cells = check_cells.find(client.nb)
        self.first: dict[int, str] = {}

    def now(self, index: int) -> str:
        cell = self.cells[index]
        expression = (f"__import__('tests.notebooks.kernel_inputs').notebooks.kernel_inputs"
                      f".digest({list(cell.reads)!r}, {list(cell.literals)!r})")
        reply = self.client.wait_for_reply(self.client.kc.execute(
            "", silent=True, store_history=False, user_expressions={"inputs": expression}))
        answer = reply["content"]["user_expressions"]["inputs"]
        return answer["data"]["text/plain"].strip("'") if answer.get("status") == "ok" else UNPROVABLE

    @contextmanager
    def noted_before_each(self):
        """While the first run goes on (execution_cache.run_cells), note each check cell's inputs."""
        execute = self.client.execute_cell

        def noting(cell, index, *args, **kwargs):
            if index in self.cells:
                self.first[index] = self.now(index)
            return execute(cell, index, *args, **kwargs)

        self.client.execute_cell = noting
        try:
            yield self
        finally:
            del self.client.execute_cell

    def unchanged(self, index: int) -> bool:
        return index in self.first and self.first[index] != UNPROVABLE and self.now(index) == self.first[index]


def run_again(inputs: CheckInputs) -> list[int]:
    """Run the notebook again in the same kernel; return the cells left as they were (by index)."""
    client, kept = inputs.client, []
    for index, cell in enumerate(client.nb.cells):
        if cell.cell_type != "code":
            continue
        if index in inputs.cells and inputs.unchanged(index):
            kept.append(index)
            continue
        cell.outputs = []
        client.execute_cell(cell, index)  # raises on an error in a cell not tagged raises-exception
    return kept


def _plain(outputs) -> str:
    text = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") + "\n"
                   for o in outputs)
    for _path, pattern, replacement in DIFF_REPLACE:
        text = re.sub(pattern, replacement, text)
    return EXPECTED_ON_RERUN.sub("", text)


def _code_cells(notebook: nbformat.NotebookNode, leaving_out=()) -> list[tuple[int, dict]]:
    return [(index, cell) for index, cell in enumerate(notebook.cells)
            if cell.cell_type == "code" and cell.source.strip() and index not in leaving_out]


def differences(first: nbformat.NotebookNode, second: nbformat.NotebookNode, kept=()) -> list[str]:
    """Why the second run is not the first again: a new kernel, or a cell printing otherwise.
    ``kept``: the cells the second run left as they were (run_again)."""
    ran_first, ran_again = _code_cells(first), _code_cells(second, kept)
    problems = []
    # A kernel counts executions from 1: a count that went on proves it is the same kernel.
    last_count = ran_first[-1][1].execution_count if ran_first else None
    if ran_first and ran_again and ran_again[0][1].execution_count <= last_count:
        problems.append(f"the second run did not continue the first run's kernel (execution "
                        f"count {ran_again[0][1].execution_count} after {last_count})")
    # Numbered as the baselines number them: the n-th code cell.
    first_by_index = {index: (number, cell) for number, (index, cell) in enumerate(ran_first)}
    for index, cell in ran_again:
        number, earlier = first_by_index[index]
        if _plain(earlier.outputs) != _plain(cell.outputs):
            problems.append(f"code cell {number}, run again in the same kernel:\n--- first run\n"
                            f"{_plain(earlier.outputs)}\n--- second run\n{_plain(cell.outputs)}")
    return problems
