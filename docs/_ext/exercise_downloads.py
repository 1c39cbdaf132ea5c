"""Offer each chapter's exercise notebook on its page, and ship the notebooks with the site.

The exercise notebooks are generated from the chapters (practice/), so the site writes its
own copies into ``_exercises/`` at the end of the build, and each chapter that has
exercises gets a box, just under its title, with the downloads and the local route
(``make exercises``, ``make lab``).
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


def _exercise_stems(app) -> set[str]:
    if not hasattr(app.env, "guide_exercise_stems"):
        from practice.chapters import walk
        app.env.guide_exercise_stems = {c.stem for c in walk() if c.has_exercises}
    return app.env.guide_exercise_stems


def _add_box(app, docname: str, source: list[str]) -> None:
    if not docname.startswith("notebooks/"):
        return
    stem = docname.split("/", 1)[1]
    if stem not in _exercise_stems(app):
        return
    lines = source[0].split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    source[0] = "\n".join(lines[:title + 1] + _box(stem).split("\n") + lines[title + 1:])


def _write_notebooks(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from practice.write import write_notebooks

    write_notebooks(Path(app.outdir) / DOWNLOAD_DIR)


def setup(app):
    app.connect("source-read", _add_box)
    app.connect("build-finished", _write_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
