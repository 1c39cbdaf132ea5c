"""What a good build makes, read from one scratch build of four pages (tests/site/scratch_site.py):
a notebook executed over IPC with its output on the page, a cell tagged `raises-exception`
let through, each notebook offered for download as `.ipynb` (executed) and `.md` (the MyST
source), and a chapter with exercises linking its exercise notebook, which the site ships.
One build serves every test here: a build costs about three CPU-seconds."""

from __future__ import annotations

import nbformat
import pytest

from tests.site.scratch_site import build, notebook

PRINTS_42 = notebook("```{code-cell} ipython3\nprint(6 * 7)\n```\n")
RAISES_ON_PURPOSE = notebook("```{code-cell} ipython3\n:tags: [raises-exception]\n\nraise ValueError('expected')\n```\n")
WITH_EXERCISES, WITHOUT_EXERCISES = "04-tracing-commands", "02-researching-the-library"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("good-site")
    result = build(folder, {"page": PRINTS_42, "tagged": RAISES_ON_PURPOSE,
                            WITH_EXERCISES: notebook("Some text.\n"), WITHOUT_EXERCISES: notebook("Some text.\n")})
    assert result.returncode == 0, result.stderr
    return result, folder / "_build" / "html"


def test_a_notebook_executes_over_ipc_and_shows_its_output(site):
    result, html = site
    # The build started a kernel to execute the page: over IPC, so no warning about TCP.
    assert "Kernel is running over TCP" not in result.stdout + result.stderr
    assert "42" in (html / "notebooks" / "page.html").read_text()


def test_a_cell_tagged_raises_exception_is_allowed(site):
    _, html = site  # the build passed (the fixture), and the error is on the page
    assert "ValueError" in (html / "notebooks" / "tagged.html").read_text()


def test_a_notebook_page_offers_ipynb_and_md(site):
    _, html = site
    page = (html / "notebooks" / "page.html").read_text()
    for ext in ("ipynb", "md"):
        assert f'href="../_sources/notebooks/page.{ext}"' in page, f"no .{ext} download link"
        assert (html / "_sources" / "notebooks" / f"page.{ext}").is_file()
    executed = nbformat.read(html / "_sources" / "notebooks" / "page.ipynb", as_version=4)
    nbformat.validate(executed)
    outputs = [output for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs]
    assert any("42" in output.get("text", "") for output in outputs), outputs


def test_a_page_of_docs_offers_no_notebook(site):
    _, html = site
    assert ".ipynb" not in (html / "docs" / "index.html").read_text()


def test_an_exercise_chapter_links_its_exercise_notebook_and_the_site_ships_it(site):
    _, html = site
    page = (html / "notebooks" / f"{WITH_EXERCISES}.html").read_text()
    assert "Practise this chapter" in page
    for ext in ("ipynb", "md"):
        assert f'href="../_exercises/{WITH_EXERCISES}.{ext}"' in page
        assert (html / "_exercises" / f"{WITH_EXERCISES}.{ext}").is_file()
    nbformat.validate(nbformat.read(html / "_exercises" / f"{WITH_EXERCISES}.ipynb", as_version=4))


def test_only_chapters_with_exercises_have_a_box_and_a_download(site):
    _, html = site
    for name in ("page", WITHOUT_EXERCISES):
        assert "Practise this chapter" not in (html / "notebooks" / f"{name}.html").read_text(), name
    # exercise_downloads ships the exercise notebooks of the guide's chapters among the pages, no more
    assert sorted(path.name for path in (html / "_exercises").iterdir()) == [
        f"{WITH_EXERCISES}.ipynb", f"{WITH_EXERCISES}.md"]
