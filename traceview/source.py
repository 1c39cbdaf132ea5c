"""Show source code with syntax highlighting: ddtrace's, read from the installed package.

The guide never copies ddtrace's source into its own files; it reads it at run time. The
plain-text form of an installed source (what the notebook tests record in their baselines,
which are committed) is therefore only a fingerprint: the file, the object, the line range.
The code itself appears in the HTML form, highlighted, in Jupyter and on the site.
"""

from __future__ import annotations

import html
import inspect
import sys
from dataclasses import dataclass
from pathlib import Path

from IPython.display import Code


@dataclass(frozen=True)
class CodeView:
    code: str
    title: str = ""
    plain: bool = False  # True: the text form is the code (our own code only)

    def _repr_html_(self) -> str:
        caption = (f'<div class="traceview-code-title"><code>{html.escape(self.title)}</code></div>'
                   if self.title else "")
        return caption + Code(self.code, language="python")._repr_html_()

    def __repr__(self) -> str:
        if self.plain:
            return (f"# {self.title}\n" if self.title else "") + self.code.rstrip("\n")
        lines = self.code.count("\n") + (not self.code.endswith("\n"))
        return f"[source: {self.title}, {lines} lines; highlighted in Jupyter and on the site]"


def installed_path(path: str | Path) -> str:
    """A path inside site-packages, shown from the top-level package down."""
    path = Path(path).resolve()
    for entry in sorted((Path(p).resolve() for p in sys.path if p), key=lambda p: -len(p.parts)):
        if entry.is_dir() and path.is_relative_to(entry) and path != entry:
            return str(path.relative_to(entry))
    return str(path)


def installed_source(obj) -> CodeView:
    """The source of a module, class or function as installed, or of a file path."""
    if isinstance(obj, (str, Path)):
        path = Path(obj)
        if not path.is_file():
            raise FileNotFoundError(f"{path} is not a file")
        return CodeView(path.read_text(), title=installed_path(path))
    obj = inspect.unwrap(obj)  # a decorated function: show the function, not the decorator
    try:
        lines, first = inspect.getsourcelines(obj)
        file = inspect.getsourcefile(obj)
    except (TypeError, OSError) as error:
        raise TypeError(f"no source for {obj!r}: {error}") from None
    where = installed_path(file)
    name = getattr(obj, "__qualname__", None)
    if inspect.ismodule(obj) or name is None:
        title = where
    else:
        title = f"{where}: {name}{'()' if callable(obj) and not inspect.isclass(obj) else ''}" \
                f", lines {first}-{first + len(lines) - 1}"
    return CodeView("".join(lines), title=title)


def our_source(*objects) -> CodeView:
    """The source of the guide's own functions (its text form is the code itself)."""
    first = inspect.unwrap(objects[0])
    title = Path(inspect.getsourcefile(first)).resolve()
    try:
        title = title.relative_to(Path(__file__).resolve().parents[1])
    except ValueError:
        pass
    code = "\n\n".join(inspect.getsource(inspect.unwrap(obj)).rstrip("\n") for obj in objects)
    return CodeView(code + "\n", title=str(title), plain=True)
