"""One source of truth: the integration the notebooks write IS integrations/memcached.

The notebooks' workbench cells (``%%integration_file``) are replayed in chapter order,
exactly as a reader's kernels would run them, and the resulting package is compared with
integrations/memcached definition by definition, as syntax trees. A change on either side
alone fails here, naming the definition.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from workbench import drift, replay
from workbench.units import parse_units

PACKAGE = drift.REPO / "integrations" / "memcached"


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    """{file: text} of the package the notebooks write."""
    from workbench.bench import Workbench

    bench = Workbench("memcached")
    try:
        replay.replay(bench, replay.all_steps(), load=False)
        return {file: bench.source(file) for file in bench.files}
    finally:
        bench.close()


def test_the_notebooks_write_the_integration():
    chapters = {step.chapter for step in replay.all_steps()}
    assert {"03-skeleton", "04-tracing-commands", "05-service-naming"} <= chapters


def test_notebooks_and_package_agree(built):
    result = drift.compare(built, PACKAGE, "integrations.memcached")
    assert len(result.rows) > 20
    assert result.same, (
        f"{result!r}\n\nChange the notebook cell or the package so that both say the same; "
        "see workbench.drift for how definitions are compared.")


def test_notebooks_vs_package_shortcut_agrees():
    assert drift.notebooks_vs_package().same


# -- the comparison itself can fail, in every direction -----------------------------------
@pytest.fixture
def package_copy(tmp_path) -> Path:
    copy = tmp_path / "memcached"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_changed_definition_is_caught(built, package_copy):
    patch = package_copy / "patch.py"
    patch.write_text(patch.read_text().replace('DEFAULT_SERVICE = "memcached"',
                                               'DEFAULT_SERVICE = "cache"'))
    result = drift.compare(built, package_copy, "integrations.memcached")
    assert result.differences() == [("patch.py", "DEFAULT_SERVICE", "different")]


def test_a_definition_only_on_one_side_is_caught(built, package_copy):
    patch = package_copy / "patch.py"
    patch.write_text(patch.read_text() + "\n\ndef extra():\n    return 1\n")
    result = drift.compare(built, package_copy, "integrations.memcached")
    assert result.differences() == [("patch.py", "extra()", "only in the package")]

    notebooks = dict(built, **{"patch.py": built["patch.py"] + "\n\nEXTRA = 1\n"})
    result = drift.compare(notebooks, PACKAGE, "integrations.memcached")
    assert ("patch.py", "EXTRA", "only in the notebooks") in result.differences()


def test_a_changed_raise_or_docstring_is_caught(built, package_copy):
    patch = package_copy / "patch.py"
    text = patch.read_text()
    assert '"""Put the library back exactly as it was."""' in text
    patch.write_text(text.replace('"""Put the library back exactly as it was."""', '"""Undo."""'))
    assert drift.compare(built, package_copy, "integrations.memcached").differences() == [
        ("patch.py", "unpatch()", "different")]


def test_layout_and_comments_do_not_count(built, package_copy):
    patch = package_copy / "patch.py"
    patch.write_text("# a new comment\n" + patch.read_text().replace("\n\n\n", "\n\n\n\n"))
    assert drift.compare(built, package_copy, "integrations.memcached").same


def test_absolute_and_relative_imports_of_the_package_itself_are_the_same(tmp_path):
    package = tmp_path / "memcached"
    package.mkdir()
    (package / "__init__.py").write_text("from integrations.memcached.patch import patch\n")
    relative = {"__init__.py": "from .patch import patch\n"}
    assert drift.compare(relative, package, "integrations.memcached").same
    (package / "__init__.py").write_text("from integrations.other.patch import patch\n")
    assert not drift.compare(relative, package, "integrations.memcached").same


# -- the solutions in the dropdowns are code the notebooks really run ---------------------
SOLUTION = re.compile(r"^:::\{dropdown\} Solution\n(.*?)^:::$", re.S | re.M)
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def _solutions(chapter: Path) -> list[str]:
    return [block for dropdown in SOLUTION.findall(chapter.read_text())
            for block in PYTHON_BLOCK.findall(dropdown)]


def test_every_solution_is_code_a_workbench_cell_writes():
    """A Solution dropdown shows definitions exactly as some workbench cell (up to its
    chapter) writes them, so a solution cannot fall behind the code that runs."""
    chapters = sorted(replay.NOTEBOOK_DIR.glob("0[3-7]-*.md"))
    written: dict[object, set[str]] = {}
    checked = 0
    for chapter in chapters:
        for step in replay.steps_in(chapter):
            for unit in parse_units(step.source) if step.kind == "file" else []:
                written.setdefault(unit.key, set()).add(unit.normalized())
        for block in _solutions(chapter):
            for unit in parse_units(block):
                assert unit.normalized() in written.get(unit.key, set()), (
                    f"{chapter.name}: the solution's {unit.label} is not what any workbench "
                    "cell up to this chapter writes")
                checked += 1
    assert checked >= 4


def test_a_solution_that_differs_is_caught():
    block = "def patch() -> None:\n    return None\n"
    unit = parse_units(block)[0]
    written = {step_unit.normalized() for step in replay.steps_in(replay.chapter_path("03-skeleton"))
               if step.kind == "file" for step_unit in parse_units(step.source)
               if step_unit.key == unit.key}
    assert written and unit.normalized() not in written
