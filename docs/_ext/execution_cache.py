"""Execute each notebook once: the kernels, and the execution cache the site reads.

myst-nb (nb_execution_mode "cache") takes a notebook's outputs from the jupyter-cache at
conf.py's nb_execution_cache_path when a record matches the notebook's code cells. The
notebook tests (tests/notebooks) execute every chapter through `ipc_client()` and
`store()` what they ran there, so the `-W` site build of `make test` executes nothing.
`make docs` fills what is missing the same way, several notebooks at once, before myst-nb
reads a page (see `setup()`): no kernel the guide starts talks over TCP, so no build or
test log carries ipykernel's "running over TCP without encryption" warning.

The records are only as good as the code they ran: each cache carries the fingerprint of
the guide's own packages and workbench steps (library_fingerprint), and is emptied when
that changes. Sphinx's environment is not the place for that mark: a build into a fresh
doctree folder (`make test-site`) would throw away every execution the tests stored.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import jupytext
import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from nbclient import NotebookClient
from sphinx.util import logging
from traitlets.config import Config

import library_fingerprint

STAMP = "guide-fingerprint.txt"
logger = logging.getLogger(__name__)


@contextmanager
def ipc_client(notebook: nbformat.NotebookNode, cwd: Path, timeout: int, **options) -> Iterator[NotebookClient]:
    """An nbclient client whose kernel listens on Unix sockets in a private folder.

    IPC instead of TCP: nothing to eavesdrop on, no warning about it, and no TCP ports
    chosen by one process and taken by another before the kernel binds them (seen when
    several kernels start at once)."""
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        config = Config({"KernelManager": {"transport": "ipc", "ip": f"{sockets}/ipc"}})
        # record_timing off unless asked (a benchmark): jupyter-cache hashes cell metadata,
        # and a record must match the unexecuted page myst-nb reads.
        options.setdefault("record_timing", False)
        yield NotebookClient(notebook, timeout=timeout, config=config,
                             resources={"metadata": {"path": str(cwd)}}, **options)


def run_cells(client: NotebookClient) -> None:
    """Execute every cell in the client's running kernel (inside ``client.setup_kernel()``),
    recording the kernel's language as nbclient's own ``execute()`` does."""
    reply = client.wait_for_reply(client.kc.kernel_info())
    client.nb.metadata["language_info"] = reply["content"]["language_info"]
    for index, cell in enumerate(client.nb.cells):
        if cell.cell_type == "code":
            cell.outputs = []
        client.execute_cell(cell, index)  # raises on an error in a cell not tagged raises-exception


@contextmanager
def _locked(cache_dir: Path) -> Iterator[None]:
    """One process at a time checks the stamp and writes records (xdist workers, builds)."""
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(cache_dir.with_name(cache_dir.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _current(cache_dir: Path, root: Path):
    """The cache, emptied first if its records ran another version of the guide's code."""
    wanted = library_fingerprint.execution_fingerprint(root)
    stamp = cache_dir / STAMP
    if not stamp.exists() or stamp.read_text() != wanted:
        shutil.rmtree(cache_dir, ignore_errors=True)
        cache_dir.mkdir(parents=True)
        stamp.write_text(wanted)
    return get_cache(str(cache_dir))


def validate(cache_dir: Path, root: Path) -> None:
    with _locked(cache_dir):
        _current(cache_dir, root)


def store(cache_dir: Path, root: Path, source: Path, executed: nbformat.NotebookNode,
          seconds: float, ran_under: str) -> None:
    """Record a run that raised nothing unexpected, as myst-nb records its own.

    ``ran_under``: the execution fingerprint when the run began; a run that began before
    the guide's code changed is not stored."""
    with _locked(cache_dir):
        if library_fingerprint.execution_fingerprint(root) != ran_under:
            return
        _current(cache_dir, root).cache_notebook_bundle(
            CacheBundleIn(executed, str(source), data={"execution_seconds": seconds}),
            check_validity=False, overwrite=True)


def is_cached(cache_dir: Path, root: Path, source: Path) -> bool:
    with _locked(cache_dir):
        try:
            _current(cache_dir, root).match_cache_notebook(jupytext.read(source))
        except KeyError:
            return False
        return True


def execute_into_cache(cache_dir: Path, root: Path, source: Path, timeout: int) -> bool:
    """Execute ``source`` once and store it. False when it failed (a cell raised, the kernel
    died): nothing is stored, and myst-nb, finding no record, executes the page itself and
    reports the error as it always does."""
    notebook = jupytext.read(source)
    ran_under = library_fingerprint.execution_fingerprint(root)
    began = time.perf_counter()
    with ipc_client(notebook, source.parent, timeout) as client:
        try:
            with client.setup_kernel():
                run_cells(client)
        except Exception:  # noqa: BLE001  (reported by myst-nb's own run, see above)
            return False
    store(cache_dir, root, source, notebook, time.perf_counter() - began, ran_under)
    return True


def _fill_before_reading(app, env, docnames) -> None:
    if app.config.nb_execution_mode != "cache":
        return
    cache_dir, root = Path(app.config.nb_execution_cache_path), Path(app.srcdir)
    missing = [source for source in (Path(env.doc2path(docname)) for docname in sorted(docnames))
               if source.suffix == ".md" and _is_notebook(source) and not is_cached(cache_dir, root, source)]
    # One more at once than the cores: the notebooks are independent (free ports, their own
    # kernels; tests/notebooks runs them side by side) and wait on servers and kernels, so
    # one at a time leaves a core idle (`make docs` from clean: 79 s one at a time, 50 s so).
    # A notebook that fails here is executed again by myst-nb while reading, which reports it.
    workers = min(len(missing), len(os.sched_getaffinity(0)) + 1)
    for source in missing:
        logger.info("executing %s into the execution cache", source.relative_to(root))
    if workers <= 1:
        for source in missing:
            execute_into_cache(cache_dir, root, source, app.config.nb_execution_timeout)
        return
    _execute_side_by_side(cache_dir, root, missing, app.config.nb_execution_timeout, workers)


def _execute_side_by_side(cache_dir: Path, root: Path, sources: list[Path], timeout: int, workers: int) -> None:
    """Each notebook in a Python process of its own (this file run as a script), ``workers``
    at a time. On Ctrl-C the running ones stop with the build (they are in its process
    group, and each shuts its kernel down) and no other one starts."""
    stopping = threading.Event()

    def execute(source: Path) -> None:
        if not stopping.is_set():
            subprocess.run([sys.executable, __file__, str(cache_dir), str(root), str(source), str(timeout)],
                           check=False)

    with ThreadPoolExecutor(workers) as pool:
        try:
            list(pool.map(execute, sources))
        except BaseException:
            stopping.set()
            raise


def _is_notebook(source: Path) -> bool:
    """A MyST notebook declares a kernel in its front matter (notebook_guard checks they all do)."""
    text = source.read_text()
    return text.startswith("---\n") and "kernelspec:" in text.split("---\n", 2)[1]


def _validate(app) -> None:
    validate(Path(app.config.nb_execution_cache_path), Path(app.srcdir))


def setup(app):
    app.connect("builder-inited", _validate)
    app.connect("env-before-read-docs", _fill_before_reading)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":  # one notebook into the cache: python execution_cache.py CACHE ROOT SOURCE TIMEOUT
    cache, guide_root, notebook_source, seconds = sys.argv[1:5]
    sys.exit(0 if execute_into_cache(Path(cache), Path(guide_root), Path(notebook_source), int(seconds)) else 1)
