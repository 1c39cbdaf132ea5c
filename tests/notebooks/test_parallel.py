"""Notebooks are safe to execute in parallel: two kernels running the same chapters at
once (same code, same services wanted, same package names) each match the baseline."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pytest_notebook.nb_regression import NBRegressionFixture

from tests.notebooks.regression import check_notebook

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
# One chapter that writes the integration package and runs checks, one that writes and
# reads snapshot files: the two kinds of state that parallel runs could share by mistake.
CHAPTERS = ("05-service-naming", "10-testing")


def test_the_same_chapters_run_twice_at_once(tmp_path):
    runs = [(NOTEBOOK_DIR / f"{chapter}.md", tmp_path / f"{chapter}-{copy}")
            for chapter in CHAPTERS for copy in (1, 2)]
    for _, workdir in runs:
        workdir.mkdir()
    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        results = list(pool.map(
            lambda run: check_notebook(run[0], NBRegressionFixture(exec_timeout=300), run[1]), runs))
    assert results == [None] * len(runs)  # every run matched its committed baseline
