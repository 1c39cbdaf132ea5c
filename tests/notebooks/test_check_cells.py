"""The re-run pass leaves a check cell as it was only when nothing it takes from the kernel
changed: which cells count as check cells, and what makes one run again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tests.notebooks import check_cells, kernel_inputs, rerun, runs
from tests.notebooks.check_cells import CheckCell, as_check_cell
from tests.notebooks.test_regression_machinery import write_notebook

PACKAGE = Path(__file__).resolve().parents[2] / "integrations" / "intree" / "memcached"
KIT = {"check"}


@pytest.mark.parametrize("source, expected", [
    ("check.patching(TARGET)", CheckCell(("TARGET", "check"), ())),
    ('from checks import notebook as check\n\ncheck.all("../integrations/intree/memcached")',
     CheckCell((), ("../integrations/intree/memcached",))),
    ("import checks.notebook as kit\nkit.documented(TARGET)", CheckCell(("TARGET",), ())),
    ("TARGET = workbench.target()\ncheck.span_shape(TARGET)", CheckCell(("workbench", "check"), ())),
    ("report = check.all(workbench.target())\nreport", CheckCell(("check", "workbench"), ())),
])
def test_a_cell_that_only_runs_the_check_kit_is_a_check_cell(source, expected):
    assert as_check_cell(source, KIT) == expected


@pytest.mark.parametrize("source", [
    "print('patching')\ncheck.patching(TARGET)",          # does something else as well
    "check.patching(make_target())",                      # a call whose result nothing records
    "check.patching(TARGET)\nprint('done')",              # the check is not what it ends with
    "%time check.patching(TARGET)",                       # magics: ordinary cells
    "checker.patching(TARGET)",                           # not the check kit
    "check.patching([t for t in TARGETS][0])",            # more than names, constants and calls
    "report = check.all(TARGET)\nother",                  # shows something else
])
def test_anything_else_is_an_ordinary_cell(source):
    assert as_check_cell(source, KIT) is None


def test_the_kit_bound_in_an_earlier_cell_counts_and_a_cell_expected_to_raise_does_not():
    notebook = new_notebook(cells=[
        new_code_cell("from checks import notebook as check"), new_markdown_cell("check.patching('prose')"),
        new_code_cell("check.patching('a')"),
        new_code_cell("check.patching('b')", metadata={"tags": ["raises-exception"]})])
    assert check_cells.find(notebook) == {2: CheckCell(("check",), ("a",))}


def test_the_workbench_package_and_the_variants_a_cell_names_are_inputs(monkeypatch):
    from workbench import kernel
    from workbench.bench import Workbench

    bench = Workbench("memcached")
    monkeypatch.setattr(kernel, "_bench", bench)
    try:
        bench.scaffold("pymemcache", load=False)
        naming_the_variant, naming_none = kernel_inputs.digest([], ["v"], {}), kernel_inputs.digest([], [], {})
        assert kernel_inputs.digest([], [], {}) == naming_none
        bench.write_variant("v", "patch.py", "X = 1\n")
        assert kernel_inputs.digest([], [], {}) == naming_none
        assert kernel_inputs.digest([], ["v"], {}) != naming_the_variant
        bench.write("patch.py", "Y = 2\n", load=False)
        assert kernel_inputs.digest([], [], {}) != naming_none
    finally:
        bench.close()


def test_a_value_without_a_faithful_text_form_is_never_taken_as_unchanged():
    assert kernel_inputs.digest(["client"], [], {"client": object()}) == kernel_inputs.UNPROVABLE
    assert kernel_inputs.digest(["name"], [], {"name": "a"}) != kernel_inputs.digest(["name"], [], {"name": "b"})


def _chapter(tmp_path: Path, *last_cells: str) -> Path:
    """Copy a package, check it, then run ``last_cells``; the notebook lives in tmp_path/nb."""
    target = tmp_path / "package" / "memcached"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "nb").mkdir()
    return write_notebook(tmp_path / "nb", f"from checks import notebook as check\nTARGET = {str(target)!r}",
                          "check.documented(TARGET)", *last_cells)


def _check_cell(result: runs.Runs) -> int:
    [index] = check_cells.find(result.first)
    return index


def test_a_check_cell_with_the_same_inputs_is_not_run_again(tmp_path):
    result = runs.run(_chapter(tmp_path, "print('the end')"), times=2)
    assert result.kept == (_check_cell(result),)
    assert rerun.differences(result.first, result.second, result.kept) == []


def test_a_check_cell_runs_again_when_its_environment_changed(tmp_path):
    result = runs.run(_chapter(tmp_path, "import os\nos.environ['GUIDE_RERUN_PROBE'] = 'set'"), times=2)
    assert result.kept == ()
    index = _check_cell(result)
    assert result.second.cells[index].execution_count > result.first.cells[index].execution_count


def test_a_check_cell_runs_again_when_its_target_changed_and_a_new_answer_fails(tmp_path):
    forget_the_docstring = "from pathlib import Path\nPath(TARGET, '__init__.py').write_text('\"\"\"Nothing.\"\"\"')"
    result = runs.run(_chapter(tmp_path, forget_the_docstring), times=2)
    assert result.kept == ()
    [problem] = rerun.differences(result.first, result.second, result.kept)
    assert "code cell 1, run again" in problem and "FAIL" in problem
