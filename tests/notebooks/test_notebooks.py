"""Execute every MyST notebook and compare its outputs with the committed baseline.

pytest-notebook executes and diffs .ipynb files; our notebooks are MyST Markdown, so each
is converted with jupytext (with the baseline outputs attached) into a temporary .ipynb.
A cell that raises fails the test, unless the cell is tagged `raises-exception`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from pytest_notebook.nb_regression import NBRegressionError

from tests.notebooks import baselines, normalize

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.md"))


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no MyST notebooks found in {NOTEBOOK_DIR}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook: Path, nb_regression, tmp_path):
    ipynb = tmp_path / f"{notebook.stem}.ipynb"
    nbformat.write(baselines.load_with_baseline(notebook), ipynb)

    nb_regression.exec_cwd = str(NOTEBOOK_DIR)
    nb_regression.exec_timeout = 120
    nb_regression.diff_replace = normalize.DIFF_REPLACE
    nb_regression.diff_ignore = normalize.DIFF_IGNORE
    nb_regression.diff_color_words = False
    regenerate = nb_regression.force_regen
    try:
        nb_regression.check(str(ipynb))
    except NBRegressionError as difference:
        if regenerate:
            path = baselines.save_baseline(notebook, nbformat.read(ipynb, as_version=4))
            pytest.skip(f"baseline re-recorded: {path.relative_to(NOTEBOOK_DIR.parent)}")
        missing = "" if baselines.baseline_path(notebook).exists() else " (there is no baseline yet)"
        pytest.fail(
            f"{notebook.name}: outputs differ from the committed baseline{missing}.\n"
            f"{difference}\n"
            f"If the change is intended, re-record the baseline:\n    {baselines.REGENERATE}",
            pytrace=False)
