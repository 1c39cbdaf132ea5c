"""A chapter with exercises offers its exercise notebook, and the site ships it."""

from __future__ import annotations

import nbformat

from tests.site.test_build_guards import build, notebook


def test_an_exercise_chapter_links_its_exercise_notebook_and_the_site_ships_it(tmp_path):
    result = build(tmp_path, notebook("Some text.\n"), page="04-tracing-commands")
    assert result.returncode == 0, result.stderr
    html = tmp_path / "_build" / "html"
    page = (html / "notebooks" / "04-tracing-commands.html").read_text()
    assert "Practise this chapter" in page
    for ext in ("ipynb", "md"):
        assert f'href="../_exercises/04-tracing-commands.{ext}"' in page
        assert (html / "_exercises" / f"04-tracing-commands.{ext}").is_file()
    nbformat.validate(nbformat.read(html / "_exercises" / "04-tracing-commands.ipynb", as_version=4))


def test_a_chapter_without_exercises_has_no_box(tmp_path):
    result = build(tmp_path, notebook("Some text.\n"), page="02-researching-the-library")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "_build" / "html" / "notebooks" / "02-researching-the-library.html").read_text()
    assert "Practise this chapter" not in page
