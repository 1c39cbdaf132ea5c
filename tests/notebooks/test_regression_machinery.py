"""The notebook tests can fail: a changed output, an unexpected error, a missing baseline."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbclient.exceptions import CellExecutionError
from pytest_notebook.nb_regression import NBRegressionFixture

from tests.notebooks.regression import OutputsChanged, check_notebook

FRONT_MATTER = (Path(__file__).resolve().parents[2] / "notebooks" / "00-setup.md").read_text().split("---\n")[1]


def write_notebook(directory: Path, *cells: str, tags: str = "") -> Path:
    body = "\n".join(f"```{{code-cell}} ipython3\n{tags}{cell}\n```\n" for cell in cells)
    path = directory / "sample.md"
    path.write_text(f"---\n{FRONT_MATTER}---\n\n# Sample\n\n{body}")
    return path


@pytest.fixture
def dirs(tmp_path):
    notebooks, baselines, work = (tmp_path / n for n in ("nb", "baselines", "work"))
    for d in (notebooks, baselines, work):
        d.mkdir()
    return notebooks, baselines, work


def fixture(regenerate=False) -> NBRegressionFixture:
    return NBRegressionFixture(exec_timeout=60, force_regen=regenerate)


def test_recorded_outputs_pass_and_volatile_values_are_masked(dirs):
    notebooks, baselines, work = dirs
    nb = write_notebook(notebooks, "import random\nprint(f'listening on 127.0.0.1:{random.randint(1024, 65000)}')")
    assert check_notebook(nb, fixture(regenerate=True), work, baselines) is not None
    assert "127.0.0.1:PORT" in (baselines / "sample.json").read_text()
    assert check_notebook(nb, fixture(), work, baselines) is None


def test_changed_output_fails_with_a_diff_and_the_regeneration_command(dirs):
    notebooks, baselines, work = dirs
    check_notebook(write_notebook(notebooks, "print('span count: 4')"), fixture(True), work, baselines)
    with pytest.raises(OutputsChanged) as changed:
        check_notebook(write_notebook(notebooks, "print('span count: 5')"), fixture(), work, baselines)
    message = str(changed.value)
    assert "span count: 4" in message and "span count: 5" in message
    assert "make notebook-baselines" in message


def test_missing_baseline_fails(dirs):
    notebooks, baselines, work = dirs
    with pytest.raises(OutputsChanged, match="there is no baseline yet"):
        check_notebook(write_notebook(notebooks, "print('hello')"), fixture(), work, baselines)


def test_unexpected_error_fails_with_the_cells_error(dirs):
    notebooks, baselines, work = dirs
    with pytest.raises(CellExecutionError, match="the reader broke this"):
        check_notebook(write_notebook(notebooks, "raise ValueError('the reader broke this')"),
                       fixture(), work, baselines)


def test_error_in_a_cell_tagged_raises_exception_is_expected(dirs):
    notebooks, baselines, work = dirs
    nb = write_notebook(notebooks, "raise ValueError('expected')", tags=":tags: [raises-exception]\n\n")
    check_notebook(nb, fixture(True), work, baselines)
    assert check_notebook(nb, fixture(), work, baselines) is None
