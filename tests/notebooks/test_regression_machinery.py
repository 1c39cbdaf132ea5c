"""The notebook tests can fail: a changed output, an unexpected error, a missing baseline,
a second run that prints otherwise or does not happen in the same kernel."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbclient.exceptions import CellExecutionError

from tests.notebooks import rerun, runs
from tests.notebooks.regression import OutputsChanged, check_notebook

FRONT_MATTER = (Path(__file__).resolve().parents[2] / "notebooks" / "00-setup.md").read_text().split("---\n")[1]


def write_notebook(directory: Path, *cells: str, tags: str = "") -> Path:
    body = "\n".join(f"```{{code-cell}} ipython3\n{tags}{cell}\n```\n" for cell in cells)
    path = directory / "sample.md"
    path.write_text(f"---\n{FRONT_MATTER}---\n\n# Sample\n\n{body}")
    return path


@pytest.fixture
def dirs(tmp_path):
    notebooks, baselines = tmp_path / "nb", tmp_path / "baselines"
    for d in (notebooks, baselines):
        d.mkdir()
    return notebooks, baselines


def check(notebook: Path, baselines: Path, regenerate: bool = False) -> Path | None:
    """Execute once (never into the site's cache) and compare."""
    return check_notebook(notebook, runs.run(notebook, times=1).first, baselines, regenerate)


def test_recorded_outputs_pass_and_volatile_values_are_masked(dirs):
    notebooks, baselines = dirs
    nb = write_notebook(notebooks, "import random\nprint(f'listening on 127.0.0.1:{random.randint(1024, 65000)}')")
    assert check(nb, baselines, regenerate=True) is not None
    assert "127.0.0.1:PORT" in (baselines / "sample.json").read_text()
    assert check(nb, baselines) is None


def test_changed_output_fails_with_a_diff_and_the_regeneration_command(dirs):
    notebooks, baselines = dirs
    check(write_notebook(notebooks, "print('span count: 4')"), baselines, regenerate=True)
    with pytest.raises(OutputsChanged) as changed:
        check(write_notebook(notebooks, "print('span count: 5')"), baselines)
    message = str(changed.value)
    assert "span count: 4" in message and "span count: 5" in message
    assert "make notebook-baselines" in message


def test_missing_baseline_fails(dirs):
    notebooks, baselines = dirs
    with pytest.raises(OutputsChanged, match="there is no baseline yet"):
        check(write_notebook(notebooks, "print('hello')"), baselines)


def test_unexpected_error_fails_with_the_cells_error(dirs):
    notebooks, baselines = dirs
    with pytest.raises(CellExecutionError, match="the reader broke this"):
        check(write_notebook(notebooks, "raise ValueError('the reader broke this')"), baselines)


def test_error_in_a_cell_tagged_raises_exception_is_expected(dirs):
    notebooks, baselines = dirs
    nb = write_notebook(notebooks, "raise ValueError('expected')", tags=":tags: [raises-exception]\n\n")
    check(nb, baselines, regenerate=True)
    assert check(nb, baselines) is None


def test_second_run_in_the_same_kernel_passes_when_it_prints_the_same(dirs):
    notebooks, _ = dirs
    result = runs.run(write_notebook(notebooks, "print('same every time')"), times=2)
    assert rerun.differences(result.first, result.second) == []


def test_second_run_that_prints_otherwise_fails(dirs):
    notebooks, _ = dirs
    counter = "runs = globals().get('runs', 0) + 1\nprint('run number', runs)"
    result = runs.run(write_notebook(notebooks, counter), times=2)
    [problem] = rerun.differences(result.first, result.second)
    assert "run number 1" in problem and "run number 2" in problem


def test_a_second_run_in_a_new_kernel_is_not_taken_for_a_re_run(dirs):
    notebooks, _ = dirs
    notebook = write_notebook(notebooks, "print('same every time')")
    first, other_kernel = runs.run(notebook, times=1).first, runs.run(notebook, times=1).first
    [problem] = rerun.differences(first, other_kernel)
    assert "did not continue the first run's kernel" in problem
