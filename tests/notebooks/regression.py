"""Run one MyST notebook through pytest-notebook against its committed baseline.

pytest-notebook executes and diffs .ipynb files; our notebooks are MyST Markdown, so the
notebook is converted with jupytext (with the baseline outputs attached) into a temporary
.ipynb, executed in a fresh kernel, and its plain-text outputs compared after masking.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture

from tests.notebooks import baselines, normalize


class OutputsChanged(AssertionError):
    """The notebook ran, but what it printed is not what the baseline holds."""


def check_notebook(notebook: Path, fixture: NBRegressionFixture, workdir: Path,
                   baseline_dir: Path = baselines.BASELINE_DIR) -> Path | None:
    """Execute and compare. Returns the baseline path when it was (re)recorded instead.

    Raises the cell's own error (nbclient.exceptions.CellExecutionError) when a cell not
    tagged ``raises-exception`` fails, and OutputsChanged when outputs differ.
    """
    ipynb = workdir / f"{notebook.stem}.ipynb"
    nbformat.write(baselines.load_with_baseline(notebook, baseline_dir), ipynb)
    fixture.exec_cwd = str(notebook.parent)
    fixture.diff_replace = normalize.DIFF_REPLACE
    fixture.diff_ignore = normalize.DIFF_IGNORE
    fixture.diff_color_words = False
    try:
        fixture.check(str(ipynb))
    except NBRegressionError as difference:
        if fixture.force_regen:
            return baselines.save_baseline(notebook, nbformat.read(ipynb, as_version=4), baseline_dir)
        missing = "" if baselines.baseline_path(notebook, baseline_dir).exists() else " (there is no baseline yet)"
        raise OutputsChanged(
            f"{notebook.name}: outputs differ from the committed baseline{missing}.\n"
            f"{difference}\n"
            f"If the change is intended, re-record the baseline:\n    {baselines.REGENERATE}"
        ) from None
    return None
