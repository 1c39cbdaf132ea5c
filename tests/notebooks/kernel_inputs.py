"""Runs inside a chapter's kernel (the test asks for it between cells): a digest of what a
check cell takes from the kernel.

A check run starts its own services and fresh processes; from the kernel it gets only:
the values of the names the cell reads; the files of every folder (or file) those values
or the cell's string constants name, relative to the working directory; the workbench's
package and the variants the cell names; the environment the processes inherit; and the
working directory itself. Two equal digests before the same cell mean that the check
would be asked the same question again.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path, PurePath
from types import ModuleType

UNPROVABLE = ""  # a value with no faithful text form, or too many files: the cell must run again
MAX_FILES = 2000  # a literal such as "." would name the working directory's whole tree
_TEXT_VALUES = (str, bytes, int, float, bool, type(None), PurePath)


def _describe(value) -> str | None:
    """A text that changes whenever the value does, or None when there is none."""
    if isinstance(value, ModuleType):
        return f"module {value.__name__}"
    if isinstance(value, _TEXT_VALUES):
        return f"{type(value).__name__} {value!r}"
    return None


def _files(place: Path) -> list[Path] | None:
    """The files at or under ``place`` ([] when it names nothing); None when too many."""
    try:
        if place.is_file():
            return [place]
        files = []
        for path in place.rglob("*"):
            # Compiled copies carry the time they were written, not new content.
            if path.is_file() and "__pycache__" not in path.parts:
                files.append(path)
                if len(files) > MAX_FILES:
                    return None
        return sorted(files)
    except (OSError, ValueError):  # a text that cannot name a path
        return []


def _workbench_folders(literals: list[str]) -> list[Path]:
    """The kernel's workbench package, and the variants the cell names (`workbench.variant("…")`)."""
    bench = getattr(sys.modules.get("workbench.kernel"), "_bench", None)
    if bench is None:
        return []
    folders = [Path(bench.package_dir)]
    for text in literals:
        try:
            folders.append(Path(bench.variant_target(text)))
        except Exception:  # not a variant's name (WorkbenchError)
            continue
    return folders


def digest(names: list[str], literals: list[str], namespace: dict | None = None) -> str:
    """The digest of a check cell's inputs, or UNPROVABLE. ``namespace``: where the names
    are looked up (default: the kernel's user namespace)."""
    if namespace is None:
        from IPython import get_ipython

        namespace = get_ipython().user_ns
    digest = hashlib.sha256()
    places = [Path(text) for text in literals]
    for name in names:
        value = namespace[name] if name in namespace else None
        described = _describe(value) if name in namespace else "unbound"
        if described is None:
            return UNPROVABLE
        digest.update(f"name {name} = {described}\n".encode())
        if isinstance(value, (str, PurePath)):
            places.append(Path(value))
    for place in [*places, *_workbench_folders(literals)]:
        files = _files(place)
        if files is None:
            return UNPROVABLE
        digest.update(f"place {place}\n".encode())
        for path in files:
            digest.update(f"file {path}\n".encode() + path.read_bytes())
    digest.update(f"cwd {os.getcwd()}\n".encode())
    for key, value in sorted(os.environ.items()):
        digest.update(f"env {key}={value}\n".encode())
    return digest.hexdigest()
