"""Put the pictures notebooks output as SVG (span waterfalls, version timelines) into the
page itself instead of behind an <img>.

Behind an <img> a picture is sealed off from the page: its <title> elements (a waterfall
bar's span and duration) never show on hover, and the page's theme cannot reach its
colours. Inline, docs/_static/svg-tooltips.js shows each part's title next to the pointer
and docs/_static/guide.css gives the picture the theme's treatment. A picture that names
ids (markers, gradients) stays an <img>: two copies on one page would clash.
A picture wider than the column shrinks to fit it.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes

_XML_PROLOGUE = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.I)


def _scalable(svg: str) -> str:
    """Mark the picture for the stylesheet and, when it has none, give it a viewBox from its
    width and height: with one, a picture wider than the column shrinks to fit
    (guide.css) instead of running past the output's edge."""
    tag = re.match(r"<svg\b[^>]*>", svg).group(0)
    extra = ' class="notebook-svg"'
    size = re.search(r'\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"', tag)
    if "viewBox" not in tag and size:
        extra += f' viewBox="0 0 {size.group(1)} {size.group(2)}"'
    return svg.replace("<svg", "<svg" + extra, 1)


def _inline(app, doctree, docname) -> None:
    if app.builder.format != "html":
        return
    for image in list(doctree.findall(nodes.image)):
        output = image.parent
        if not image["uri"].endswith(".svg") or "cell_output" not in output.get("classes", []):
            continue
        path = Path(image["uri"]) if Path(image["uri"]).is_absolute() else Path(app.srcdir, image["uri"])
        svg = _XML_PROLOGUE.sub("", path.read_text(encoding="utf-8"))
        if re.search(r"\sid=", svg):
            continue
        image.replace_self(nodes.raw("", _scalable(svg), format="html"))


def setup(app):
    app.connect("doctree-resolved", _inline)
    app.add_js_file("svg-tooltips.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
