"""Execute every MyST notebook once, and judge that one execution three ways:

- its outputs match the committed baseline (a cell that raises fails the test, unless it
  is tagged `raises-exception`);
- run again top to bottom in the same kernel, it raises nothing new and prints what it
  printed the first time (volatile values masked; a check cell whose inputs did not change
  is not run again, see rerun.py);
- the chapters of RUN_TWICE_AT_ONCE match the baseline while a second kernel runs the same
  chapter at the same moment (same code, same services wanted, same package names).

The first run also goes into the site's execution cache (tests/notebooks/runs.py).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.notebooks import rerun, runs
from tests.notebooks.regression import OutputsChanged, check_notebook

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.md"))
# One chapter that writes the integration package and runs checks, one that writes and
# reads snapshot files: the two kinds of state that parallel runs could share by mistake.
# (For the first, the cheapest such chapter: the skeleton's twin costs 2 CPU-seconds, the
# service-naming chapter's 8.)
RUN_TWICE_AT_ONCE = ("03-skeleton", "10-testing")


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no MyST notebooks found in {NOTEBOOK_DIR}"
    for stem in RUN_TWICE_AT_ONCE:
        assert (NOTEBOOK_DIR / f"{stem}.md").exists(), f"RUN_TWICE_AT_ONCE names a missing chapter: {stem}"


def _compare(notebook: Path, executed, regenerate: bool = False) -> tuple[str, Path | None]:
    """(the difference from the baseline or '', the baseline re-recorded instead or None)"""
    try:
        return "", check_notebook(notebook, executed, regenerate=regenerate,
                                  color=not os.environ.get("CI"))  # CI logs read better without ANSI
    except OutputsChanged as difference:
        return str(difference), None


# Above pyproject's 300 s: two runs of a chapter, and for some a second kernel beside them,
# on a machine that may be busy with other tests.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook: Path, request):
    with ThreadPoolExecutor(max_workers=1) as pool:
        twin = pool.submit(runs.run, notebook, times=1) if notebook.stem in RUN_TWICE_AT_ONCE else None
        result = runs.run(notebook, times=2, store_for_site=True)
        twin_run = twin.result() if twin else None  # a cell error in the twin raises here
    changed, recorded = _compare(notebook, result.first, request.config.getoption("nb_force_regen"))
    problems = [changed] if changed else []
    problems += rerun.differences(result.first, result.second, result.kept)
    if twin_run is not None:
        twin_changed, _ = _compare(notebook, twin_run.first)
        if twin_changed:
            problems.append(f"run while a second kernel ran the same chapter:\n{twin_changed}")
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
    if recorded:
        pytest.skip(f"baseline re-recorded: {recorded.relative_to(NOTEBOOK_DIR.parent)}")
