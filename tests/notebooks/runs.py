"""Execute a chapter once for every notebook test, and once more in the same kernel.

The first run is what the baseline is compared with and what the site shows: it goes into
the site's execution cache (docs/_ext/execution_cache.py), so the `-W` build that follows
in `make test` reads it instead of executing the notebook again. The second run repeats
the cells in the kernel that already ran them, as a reader's "Run All" does twice
(tests/notebooks/rerun.py: all of them, but a check cell whose inputs are unchanged).
"""

from __future__ import annotations

import copy
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

import conf  # the site's settings: the cache folder and the cell timeout, and docs/_ext on sys.path
import execution_cache
import library_fingerprint
from tests.notebooks import rerun

ROOT = Path(conf.__file__).resolve().parent
CACHE_DIR = Path(conf.nb_execution_cache_path)
CELL_TIMEOUT = conf.nb_execution_timeout


@dataclass
class Runs:
    first: nbformat.NotebookNode
    second: nbformat.NotebookNode | None  # None when only one run was asked for
    kept: tuple[int, ...] = ()  # cells the second run left as the first had them (rerun.run_again)


def run(notebook: Path, times: int = 2, store_for_site: bool = False) -> Runs:
    """Run the cells ``times`` (1 or 2) times in one kernel.

    A cell not tagged ``raises-exception`` that raises stops the run with nbclient's
    CellExecutionError. ``store_for_site``: put the first run in the site's cache."""
    executed = jupytext.read(notebook)
    ran_under = library_fingerprint.execution_fingerprint(ROOT)
    with execution_cache.ipc_client(executed, notebook.parent, CELL_TIMEOUT) as client:
        with client.setup_kernel():
            inputs = rerun.CheckInputs(client)
            began = time.perf_counter()
            with inputs.noted_before_each() if times == 2 else nullcontext():
                execution_cache.run_cells(client)
            first = copy.deepcopy(client.nb)
            if store_for_site:
                execution_cache.store(CACHE_DIR, ROOT, notebook, first, time.perf_counter() - began,
                                      ran_under)
            if times == 1:
                return Runs(first, None)
            kept = rerun.run_again(inputs)
    return Runs(first, client.nb, tuple(kept))
