"""The execution report says each notebook's status in words: "✓ passed" or "✗ failed".

myst-nb's `nb-exec-table` marks a status with the emoji ✅ or ❌, which shows as an empty
box where no emoji font is installed (most servers and many Linux desktops). This runs
after myst-nb has built the table and rewrites its Status column: a check or cross mark
that ordinary text fonts have, the word that carries the meaning, and a class for colour
(docs/_static/guide.css). A failure keeps myst-nb's hover text (the error).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

STATUS_HEADER = "Status"
WORDS = {"✅": ("✓ passed", "passed"), "❌": ("✗ failed", "failed")}


class StatusInWords(SphinxPostTransform):
    default_priority = 9  # after myst-nb builds the table (8)

    def run(self, **kwargs) -> None:
        for table in self.document.findall(nodes.table):
            header = [entry.astext() for entry in next(table.findall(nodes.thead), []).findall(nodes.entry)]
            if STATUS_HEADER not in header:
                continue
            column = header.index(STATUS_HEADER)
            for row in next(table.findall(nodes.tbody)).findall(nodes.row):
                self._reword(row.children[column])

    @staticmethod
    def _reword(entry: nodes.Element) -> None:
        for text in list(entry.findall(nodes.Text)):
            if text.astext().strip() not in WORDS:
                continue
            words, status = WORDS[text.astext().strip()]
            holder = text.parent
            holder.replace(text, nodes.Text(words))
            holder["classes"] = [*holder.get("classes", []), "exec-status", status]


def setup(app):
    app.add_post_transform(StatusInWords)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
