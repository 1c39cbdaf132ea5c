"""What is being checked: an integration package given as a directory or a module name.

Resolving a target happens in the parent process and imports nothing: the integration's
own code only ever runs inside a probe subprocess (it may hang, crash, or import
ddtrace with settings of its own). What can be told from the file system is reported
here; import errors and a missing ``patch()`` are reported by the probe.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

_MODULE_NAME = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class TargetError(Exception):
    """The target cannot be checked at all (no such package, it does not import, it lacks
    patch()): raised here in the parent, and by the probe (checks.probe.loader), which
    reports it. ``str(error)`` is one line: what and why."""


@dataclass(frozen=True)
class Target:
    spec: str               # as the user wrote it
    module: str             # the dotted name the probe imports
    path_entry: str | None  # directory the probe puts first on sys.path (None: importable as is)
    name: str               # sets `component` and DD_<NAME>_SERVICE

    @property
    def builtin(self) -> bool:
        """ddtrace's own integrations are switched on and off by DD_TRACE_<NAME>_ENABLED."""
        return self.module.startswith("ddtrace.contrib.")

    @property
    def service_env(self) -> str:
        return f"DD_{self.name.upper()}_SERVICE"

    def to_probe(self) -> dict:
        return {"module": self.module, "path_entry": self.path_entry}

    def source(self) -> Path | None:
        """The package's folder (or the module's file), found without importing anything,
        as the probe would import it; None when it is not on the path."""
        entries = [self.path_entry] if self.path_entry else sys.path
        relative = Path(*self.module.split("."))
        for entry in entries:
            base = Path(entry or ".") / relative
            if (base / "__init__.py").is_file():
                return base
            if base.with_suffix(".py").is_file():
                return base.with_suffix(".py")
        return None


def _looks_like_path(spec: str) -> bool:
    return "/" in spec or "\\" in spec or spec.startswith(".") or spec.endswith(".py") or Path(spec).exists()


def _package_of(directory: Path) -> tuple[str, str]:
    """Dotted name and sys.path entry of a package directory.

    A directory inside other packages (integrations/memcached) is imported under its full
    name (integrations.memcached), so that its absolute imports of itself keep working.
    """
    parts = [directory.name]
    parent = directory.parent
    while (parent / "__init__.py").is_file() and parent != parent.parent:
        parts.insert(0, parent.name)
        parent = parent.parent
    return ".".join(parts), str(parent)


def load_target(spec: str, name: str | None = None) -> Target:
    """Resolve ``spec`` (a package directory or a module name) into a Target, or raise TargetError."""
    spec = str(spec).strip()
    if not spec:
        raise TargetError("no target given: pass a directory holding the integration package, "
                          "or an importable module name")
    if _looks_like_path(spec):
        path = Path(spec).expanduser().resolve()
        if not path.exists():
            raise TargetError(f"{spec}: no such directory (pass the folder that holds the "
                              "integration's __init__.py)")
        if not path.is_dir():
            raise TargetError(f"{spec}: is a file; pass the directory that holds the integration "
                              "package (its __init__.py and patch.py)")
        if not (path / "__init__.py").is_file():
            raise TargetError(f"{spec}: not a Python package (no __init__.py in it)")
        if not _MODULE_NAME.match(path.name):
            raise TargetError(f"{spec}: '{path.name}' cannot be imported as a package name "
                              "(use letters, digits and underscores)")
        module, path_entry = _package_of(path)
        default_name = path.name
    else:
        if not _MODULE_NAME.match(spec):
            raise TargetError(f"{spec}: neither an existing directory nor a module name")
        module, path_entry = spec, None
        default_name = spec.rsplit(".", 1)[-1]
    name = name or default_name
    if not _NAME.match(name):
        raise TargetError(f"--name {name!r}: use letters, digits and underscores, starting with a letter")
    return Target(spec=spec, module=module, path_entry=path_entry, name=name)
