"""Fail the build when a page under notebooks/ was read as plain Markdown.

myst-nb treats a .md file as a notebook only when its front matter declares a jupytext
MyST format and a kernel. A notebook that lost that header would still build, silently,
with its code never run: this guard turns that into an error.
"""

from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _check(app, env):
    for docname in sorted(env.found_docs):
        if docname.startswith("notebooks/") and NbMetadataCollector.get_exec_data(env, docname) is None:
            logger.error(
                "%s was not executed as a notebook: its front matter needs the jupytext "
                "MyST header and a kernelspec (copy it from notebooks/00-setup.md).",
                docname, location=docname)


def setup(app):
    app.connect("env-check-consistency", _check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
