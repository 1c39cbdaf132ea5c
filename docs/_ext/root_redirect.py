"""The landing page lives at docs/index; make the site's top-level index.html point to it."""

from pathlib import Path

PAGE = '<!doctype html><meta http-equiv="refresh" content="0; url=docs/index.html">' \
       '<a href="docs/index.html">Writing a ddtrace integration</a>\n'


def _write(app, exception):
    if exception is None and app.builder.format == "html":
        Path(app.outdir, "index.html").write_text(PAGE)


def setup(app):
    app.connect("build-finished", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
