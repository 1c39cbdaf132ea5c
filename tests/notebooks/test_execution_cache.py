"""The execution cache the tests fill and the site reads (docs/_ext/execution_cache.py): a
stored run is what myst-nb finds for the page, a failed run is not stored, a change in the
guide's code empties it, and a build into a fresh doctree folder (`make test-site`) keeps it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_cache import get_cache
from myst_nb.core.read import read_myst_markdown_notebook

from tests.notebooks import runs
from tests.notebooks.runs import execution_cache, library_fingerprint

CHAPTER = runs.ROOT / "notebooks" / "00-setup.md"
FRONT_MATTER = CHAPTER.read_text().split("---\n")[1]
SAMPLE = f"---\n{FRONT_MATTER}---\n\n# Sample\n\n```{{code-cell}} ipython3\nprint(6 * 7)\n```\n"


@pytest.fixture
def guide(tmp_path) -> Path:
    """A copy of the guide's packages (what the fingerprint reads) and one notebook."""
    root = tmp_path / "guide"
    for directory in library_fingerprint.LIBRARY_DIRS:
        if (runs.ROOT / directory).is_dir():
            shutil.copytree(runs.ROOT / directory, root / directory,
                            ignore=shutil.ignore_patterns("__pycache__"))
    (root / "notebooks").mkdir()
    (root / "notebooks" / "sample.md").write_text(SAMPLE)
    return root


def _found_by_myst_nb(cache_dir: Path, source: Path) -> bool:
    try:
        get_cache(str(cache_dir)).match_cache_notebook(read_myst_markdown_notebook(source.read_text()))
    except KeyError:
        return False
    return True


def test_a_stored_run_is_what_myst_nb_finds_for_the_page(guide, tmp_path):
    cache_dir, source = tmp_path / "cache", guide / "notebooks" / "sample.md"
    assert not _found_by_myst_nb(cache_dir, source)
    assert execution_cache.execute_into_cache(cache_dir, guide, source, timeout=60)
    assert _found_by_myst_nb(cache_dir, source)
    outputs = get_cache(str(cache_dir)).get_cache_bundle(1).nb.cells[0].outputs
    assert outputs[0]["text"] == "42\n"


def test_a_change_in_the_guides_code_empties_the_cache(guide, tmp_path):
    cache_dir, source = tmp_path / "cache", guide / "notebooks" / "sample.md"
    execution_cache.execute_into_cache(cache_dir, guide, source, timeout=60)
    with (guide / "harness" / "__init__.py").open("a") as module:
        module.write("\n# changed\n")
    execution_cache.validate(cache_dir, guide)
    assert not _found_by_myst_nb(cache_dir, source)


def test_the_fingerprint_follows_the_workbench_cells_of_the_guides_own_notebooks(guide):
    # The guide at `root`, not the real one: a scratch project's build replays nothing else.
    before = library_fingerprint.execution_fingerprint(guide)
    workbench_cell = "```{code-cell} ipython3\n%%integration_file patch.py\nVALUE = 1\n```\n"
    (guide / "notebooks" / "other.md").write_text(f"{SAMPLE}\n{workbench_cell}")
    changed = library_fingerprint.execution_fingerprint(guide)
    assert changed != before
    (guide / "notebooks" / "other.md").write_text(f"{SAMPLE}\n{workbench_cell.replace('1', '2')}")
    assert library_fingerprint.execution_fingerprint(guide) not in (before, changed)


def test_a_notebook_whose_cell_raises_is_not_stored(guide, tmp_path):
    cache_dir, source = tmp_path / "cache", guide / "notebooks" / "sample.md"
    source.write_text(SAMPLE.replace("print(6 * 7)", "raise ValueError('broken')"))
    assert not execution_cache.execute_into_cache(cache_dir, guide, source, timeout=60)
    assert not _found_by_myst_nb(cache_dir, source)


def _build(source: Path, doctrees: str) -> str:
    """A build of ``source`` (the site's conf.py and extensions, one page) into a scratch folder."""
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-d",
         str(source / "_build" / doctrees), str(source), str(source / "_build" / "html")],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "GUIDE_BUILD_DIR": str(source / "_build")})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_a_build_into_a_fresh_doctree_folder_executes_nothing_the_cache_holds(guide, capfd):
    shutil.copy(runs.ROOT / "conf.py", guide / "conf.py")
    shutil.copytree(runs.ROOT / "docs" / "_ext", guide / "docs" / "_ext",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (guide / "docs" / "_static").mkdir()
    (guide / "docs" / "_static" / "guide.css").write_text("")
    (guide / "docs" / "index.md").write_text("# Index\n\n```{toctree}\n../notebooks/sample\n```\n")
    # What the notebook tests do (the site's own build calls the same function for what they
    # did not run), into the cache the build reads (conf.py: under GUIDE_BUILD_DIR).
    source = guide / "notebooks" / "sample.md"
    assert execution_cache.execute_into_cache(guide / "_build" / ".jupyter_cache", guide, source, timeout=60)
    assert "Kernel is running over TCP" not in "".join(capfd.readouterr())  # the kernel's stderr is ours
    built = _build(guide, "doctrees")  # what `make test-site` does after the notebook tests
    assert "executing notebooks/sample" not in built and "Executing notebook" not in built
    assert "42" in (guide / "_build" / "html" / "notebooks" / "sample.html").read_text()
