"""Compare one executed MyST notebook with its committed baseline.

The notebook is executed elsewhere (tests/notebooks/runs.py), once; here its plain-text
outputs are masked (normalize.py) and diffed against the baseline's with pytest-notebook's
diffing, which prints a readable cell-by-cell diff.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from pytest_notebook.diffing import diff_notebooks, diff_to_string, filter_diff
from pytest_notebook.notebook import regex_replace_nb
from pytest_notebook.post_processors import coalesce_streams

from tests.notebooks import baselines, normalize


class OutputsChanged(AssertionError):
    """The notebook ran, but what it printed is not what the baseline holds."""


def difference(expected: nbformat.NotebookNode, executed: nbformat.NotebookNode,
               color: bool = False) -> str:
    """The diff of the compared parts of two runs of the same notebook ('' when none)."""
    before = regex_replace_nb(expected, normalize.DIFF_REPLACE)
    after = regex_replace_nb(executed, normalize.DIFF_REPLACE)
    found = filter_diff(diff_notebooks(before, after), list(normalize.DIFF_IGNORE))
    return diff_to_string(before, found, use_color=color, color_words=False) if found else ""


def check_notebook(notebook: Path, executed: nbformat.NotebookNode,
                   baseline_dir: Path = baselines.BASELINE_DIR, regenerate: bool = False,
                   color: bool = False) -> Path | None:
    """Compare; with ``regenerate``, record a differing run instead and return its path.

    Raises OutputsChanged when the outputs differ from the baseline."""
    # Consecutive writes to one stream come back as one output or several, depending on timing.
    executed, _ = coalesce_streams(executed, {})  # (a copy)
    expected = baselines.with_baseline_outputs(executed, notebook, baseline_dir)
    changed = difference(expected, executed, color)
    if not changed:
        return None
    if regenerate:
        return baselines.save_baseline(notebook, executed, baseline_dir)
    missing = "" if baselines.baseline_path(notebook, baseline_dir).exists() else " (there is no baseline yet)"
    raise OutputsChanged(
        f"{notebook.name}: outputs differ from the committed baseline{missing}.\n"
        f"{changed}\n"
        f"If the change is intended, re-record the baseline:\n    {baselines.REGENERATE}")
