"""Offer each chapter's exercise notebook on its page, and ship the notebooks with the site.

The exercise notebooks are generated from the chapters (practice/), so the site writes its
own copies into ``_exercises/`` at the end of the build, and each chapter that has
exercises gets a box, just under its title, with the downloads and the local route
(``make exercises``, ``make lab``).

Which chapters have exercises comes from replaying every chapter (practice.chapters.walk),
which is slow: a build walks them once, and only when one of its pages is a chapter; it
writes the exercise notebooks of the chapters that are pages of this build.
"""

from __future__ import annotations

from pathlib import Path

DOWNLOAD_DIR = "_exercises"


def _box(stem: str) -> str:
    links = " · ".join(
        f'<a href="../{DOWNLOAD_DIR}/{stem}.{ext}" download>{stem}.{ext}</a>' for ext in ("ipynb", "md"))
    return f"""
:::{{admonition}} Practise this chapter
:class: seealso exercise-downloads
Reading is half of it: write this chapter's code yourself, and let the checks judge it.
Download the exercise notebook ({links}), or in a clone of the guide run `make exercises`
and `make lab`, then open `exercises/{stem}.md`. Your code goes into your own package,
`exercises/memcached/`; `.venv/bin/python -m checks exercises/memcached` judges it from a shell.
:::
"""


def _exercise_chapters(app) -> list:
    """(chapter, the exercise chapter before it) for every chapter with exercises, walked
    once per build. Kept on the app, not the environment: a pickled environment would
    keep offering what an earlier version of the chapters had."""
    if not hasattr(app, "guide_exercise_chapters"):
        from practice.chapters import walk
        from practice.write import exercise_chapters
        app.guide_exercise_chapters = exercise_chapters(walk())
    return app.guide_exercise_chapters


def _chapter_stem(docname: str) -> str | None:
    """The chapter a page is, if any (a scratch project's page usually is none)."""
    from workbench.replay import NOTEBOOK_DIR

    stem = docname.removeprefix("notebooks/")
    return stem if stem != docname and (NOTEBOOK_DIR / f"{stem}.md").is_file() else None


def _add_box(app, docname: str, source: list[str]) -> None:
    stem = _chapter_stem(docname)
    if stem is None or stem not in {chapter.stem for chapter, _ in _exercise_chapters(app)}:
        return
    lines = source[0].split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    source[0] = "\n".join(lines[:title + 1] + _box(stem).split("\n") + lines[title + 1:])


def _write_notebooks(app, exception) -> None:
    """The exercise notebook of each exercise chapter that is a page of this build (on the
    site, every one): the pages' boxes link nothing else."""
    if exception is not None or app.builder.format != "html":
        return
    if not any(_chapter_stem(docname) for docname in app.env.found_docs):
        return  # no chapter among the pages: no need to walk them
    pages = [(chapter, previous) for chapter, previous in _exercise_chapters(app)
             if f"notebooks/{chapter.stem}" in app.env.found_docs]
    if not pages:
        return
    from practice.write import write_notebook

    dest = Path(app.outdir) / DOWNLOAD_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for chapter, previous in pages:
        write_notebook(dest, chapter, previous)


def setup(app):
    app.connect("source-read", _add_box)
    app.connect("build-finished", _write_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
