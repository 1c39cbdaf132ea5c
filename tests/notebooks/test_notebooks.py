"""Execute every MyST notebook and compare its outputs with the committed baseline.

A cell that raises fails the test, unless the cell is tagged `raises-exception`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.notebooks.regression import OutputsChanged, check_notebook

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.md"))


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no MyST notebooks found in {NOTEBOOK_DIR}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook: Path, nb_regression, tmp_path):
    nb_regression.exec_timeout = 120
    nb_regression.diff_use_color = not os.environ.get("CI")  # CI logs read better without ANSI
    changed = recorded = None
    try:
        recorded = check_notebook(notebook, nb_regression, tmp_path)
    except OutputsChanged as difference:
        changed = str(difference)
    if changed:
        pytest.fail(changed, pytrace=False)
    if recorded:
        pytest.skip(f"baseline re-recorded: {recorded.relative_to(NOTEBOOK_DIR.parent)}")
