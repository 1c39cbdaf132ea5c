"""MyST Markdown as plain Jupyter Markdown, for notebooks opened outside the site.

JupyterLab, VS Code and classic Jupyter render CommonMark with HTML, not MyST directives.
So the exercise notebooks turn the chapters' directives into what every front end shows:
a dropdown becomes a collapsed ``<details>``, an admonition a quoted block with its title,
tabs become bold headings, a glued figure a pointer to the cell that shows it, and
cross-references plain text.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(?P<colons>:{3,})\{(?P<name>[\w-]+)\}\s*(?P<title>.*)$")
_GLUE_BLOCK = re.compile(r"^```\{glue\}[^\n]*\n```\n?", re.MULTILINE)
_DOC_ROLE = re.compile(r"\{doc\}`(?:(?P<text>[^<`]+?)\s*<(?P<target>[^>`]+)>|(?P<bare>[^`]+))`")
_OTHER_ROLE = re.compile(r"\{[\w:-]+\}`([^`]+)`")
GLUED = "*(shown in the output of the code cell above)*"


def details(summary: str, body: str, open_: bool = False) -> str:
    """A collapsed block that JupyterLab, VS Code and GitHub all render."""
    return (f"<details{' open' if open_ else ''}>\n<summary>{summary}</summary>\n\n"
            f"{body.strip()}\n\n</details>")


def _convert_block(name: str, title: str, body: str) -> str:
    body = to_jupyter(body)
    if name == "dropdown":
        return details(title or "Details", body)
    if name == "tab-set":
        return body
    if name == "tab-item":
        return f"**{title}**\n\n{body}\n"  # a blank line: the next tab is a paragraph of its own
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.splitlines())
    heading = title or name.capitalize()
    return f"> **{heading}**\n>\n{quoted}"


def to_jupyter(text: str) -> str:
    """Directives and roles of one Markdown cell, as plain Markdown and HTML."""
    # A glued figure is shown in the site where the text names it; in a notebook, it is the
    # output of the cell that glued it.
    text = _GLUE_BLOCK.sub(GLUED + "\n", text)
    lines = text.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            out.append(lines[index])
            index += 1
            continue
        colons = opening["colons"]
        end = index + 1
        depth = 0
        while end < len(lines):
            inner = _FENCE.match(lines[end])
            if inner and len(inner["colons"]) == len(colons):
                depth += 1
            elif lines[end].strip() == colons:
                if depth == 0:
                    break
                depth -= 1
            end += 1
        body_lines = [line for line in lines[index + 1:end] if not line.startswith(":class:")]
        out.append(_convert_block(opening["name"], opening["title"].strip(), "\n".join(body_lines)))
        index = end + 1
    text = "\n".join(out)
    text = _DOC_ROLE.sub(lambda m: f"*{(m['text'] or m['target'] or m['bare']).strip()}*", text)
    return _OTHER_ROLE.sub(r"`\1`", text)
