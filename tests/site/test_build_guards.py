"""The site build refuses what would otherwise slip through: a notebook read as plain
Markdown, a failing cell, a broken cross-reference. Each case builds a scratch copy of
the real configuration (conf.py and docs/_ext) with one bad page."""

from __future__ import annotations

from pathlib import Path

from tests.site import scratch_site
from tests.site.scratch_site import notebook


def build(tmp_path: Path, page_text: str):
    return scratch_site.build(tmp_path, {"page": page_text})


def test_notebook_without_front_matter_fails_the_build(tmp_path):
    result = build(tmp_path, "# Page\n\n```{code-cell} ipython3\nprint(1)\n```\n")
    assert result.returncode != 0
    assert "was not executed as a notebook" in result.stderr


def test_failing_cell_fails_the_build_with_its_traceback(tmp_path):
    # Beside a good page, so that both are executed at once before reading: the failed one is
    # executed again by myst-nb, which reports the cell and its traceback.
    result = scratch_site.build(tmp_path, {
        "good": notebook("```{code-cell} ipython3\nprint(1)\n```\n"),
        "broken": notebook("```{code-cell} ipython3\nraise ValueError('the reader broke this cell')\n```\n")})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "ValueError" in output and "the reader broke this cell" in output


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
