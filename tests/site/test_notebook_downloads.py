"""Each notebook page offers the notebook for download as `.ipynb` (executed, with its
outputs) and as `.md` (the MyST source), and the site ships both files."""

from __future__ import annotations

import nbformat

from tests.site.test_build_guards import build, notebook


def test_a_notebook_page_offers_ipynb_and_md(tmp_path):
    result = build(tmp_path, notebook("```{code-cell} ipython3\nprint(6 * 7)\n```\n"))
    assert result.returncode == 0, result.stderr
    html = tmp_path / "_build" / "html"
    page = (html / "notebooks" / "page.html").read_text()
    for ext in ("ipynb", "md"):
        assert f'href="../_sources/notebooks/page.{ext}"' in page, f"no .{ext} download link"
        assert (html / "_sources" / "notebooks" / f"page.{ext}").is_file()
    executed = nbformat.read(html / "_sources" / "notebooks" / "page.ipynb", as_version=4)
    nbformat.validate(executed)
    outputs = [output for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs]
    assert any("42" in output.get("text", "") for output in outputs), outputs


def test_a_page_of_docs_offers_no_notebook(tmp_path):
    result = build(tmp_path, notebook("Some text.\n"))
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "_build" / "html" / "docs" / "index.html").read_text()
    assert ".ipynb" not in index
