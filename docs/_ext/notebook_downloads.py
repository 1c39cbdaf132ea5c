"""Offer each chapter as a notebook: the page's download menu gets `.ipynb` beside `.md`.

The theme's download menu (sphinx-book-theme) already links the page's source, the MyST
notebook (`.md`), and shows `.ipynb` when the page context names one in `_sources/`; it
does that only when launch buttons are set up. So for each notebook page this writes the
notebook, with the outputs the page shows, into `_sources/` and names it, before the theme
builds its buttons (priority 501).

The outputs come from the execution cache: the copy myst-nb writes for each page has them
only when myst-nb itself executed the page, not when it took them from the cache.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from jupyter_cache import get_cache


def _offer_ipynb(app, pagename, templatename, context, doctree) -> None:
    if not (pagename.startswith("notebooks/") and context.get("sourcename", "").endswith(".md")):
        return
    written = Path(app.env.mystnb_config.output_folder) / f"{pagename}.ipynb"  # myst-nb's copy
    if not written.is_file():  # a page that is not a notebook (no front matter)
        return
    notebook = nbformat.read(written, as_version=4)
    cache_path = app.env.mystnb_config.execution_cache_path
    if cache_path and Path(cache_path).is_dir():
        try:
            _, notebook = get_cache(cache_path).merge_match_into_notebook(notebook)
        except KeyError:  # no record for this code: keep the notebook as myst-nb wrote it
            pass
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app):
    app.connect("html-page-context", _offer_ipynb, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
