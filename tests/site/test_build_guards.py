"""The site build refuses what would otherwise slip through: a notebook read as plain
Markdown, a failing cell, a broken cross-reference. Each case builds a scratch copy of
the real configuration (conf.py and docs/_ext) with one bad page."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRONT_MATTER = (ROOT / "notebooks" / "00-setup.md").read_text().split("---\n")[1]


def build(tmp_path: Path, notebook: str, page: str = "page") -> subprocess.CompletedProcess:
    shutil.copy(ROOT / "conf.py", tmp_path / "conf.py")
    shutil.copytree(ROOT / "docs" / "_ext", tmp_path / "docs" / "_ext", dirs_exist_ok=True)
    (tmp_path / "docs" / "_static").mkdir(exist_ok=True)
    (tmp_path / "docs" / "_static" / "guide.css").write_text("")
    (tmp_path / "docs" / "index.md").write_text(
        f"# Index\n\n```{{toctree}}\n../notebooks/{page}\n```\n")
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    (tmp_path / "notebooks" / f"{page}.md").write_text(textwrap.dedent(notebook))
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "html",
         str(tmp_path), str(tmp_path / "_build" / "html")],
        capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "GUIDE_BUILD_DIR": str(tmp_path / "_build"),
             "HOME": str(tmp_path)})


def notebook(body: str) -> str:
    return f"---\n{FRONT_MATTER}---\n\n# Page\n\n{textwrap.dedent(body)}"


def test_a_good_notebook_builds(tmp_path):
    result = build(tmp_path, notebook("```{code-cell} ipython3\nprint(6 * 7)\n```\n"))
    assert result.returncode == 0, result.stderr
    # The build started a kernel to execute the page: over IPC, so no warning about TCP.
    assert "Kernel is running over TCP" not in result.stdout + result.stderr
    assert "42" in (tmp_path / "_build" / "html" / "notebooks" / "page.html").read_text()
    # No chapter of the guide among the pages: no exercise notebook to ship (exercise_downloads).
    assert not (tmp_path / "_build" / "html" / "_exercises").exists()


def test_notebook_without_front_matter_fails_the_build(tmp_path):
    result = build(tmp_path, "# Page\n\n```{code-cell} ipython3\nprint(1)\n```\n")
    assert result.returncode != 0
    assert "was not executed as a notebook" in result.stderr


def test_failing_cell_fails_the_build_with_its_traceback(tmp_path):
    result = build(tmp_path, notebook(
        "```{code-cell} ipython3\nraise ValueError('the reader broke this cell')\n```\n"))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "ValueError" in output and "the reader broke this cell" in output


def test_cell_tagged_raises_exception_is_allowed(tmp_path):
    result = build(tmp_path, notebook(
        "```{code-cell} ipython3\n:tags: [raises-exception]\n\nraise ValueError('expected')\n```\n"))
    assert result.returncode == 0, result.stderr


def test_broken_cross_reference_fails_the_build(tmp_path):
    result = build(tmp_path, notebook("See {doc}`no-such-page`.\n"))
    assert result.returncode != 0
    assert "no-such-page" in result.stderr


def test_change_in_the_guides_packages_re_executes_notebooks(tmp_path):
    # The notebook's own code does not change between the two builds; only a module it
    # imports from one of the guide's packages does.
    (tmp_path / "harness").mkdir()
    (tmp_path / "harness" / "__init__.py").write_text("")  # found before the real harness
    value = tmp_path / "harness" / "scratch_value.py"
    page = notebook("```{code-cell} ipython3\nimport sys; sys.path.insert(0, '..')\n"
                    "from harness.scratch_value import VALUE\nprint('value is', VALUE)\n```\n")
    html = tmp_path / "_build" / "html" / "notebooks" / "page.html"

    value.write_text("VALUE = 'first'\n")
    assert build(tmp_path, page).returncode == 0
    assert "value is first" in html.read_text()

    value.write_text("VALUE = 'second'\n")
    assert build(tmp_path, page).returncode == 0
    assert "value is second" in html.read_text()
