"""The kernel's workbench: the integration the reader is writing, as a real package on disk.

Each kernel gets its own temporary directory (notebooks run in parallel; nothing is shared)
holding ``<root>/package/<name>/`` with ``__init__.py`` and ``patch.py``. Every cell the
reader writes is merged into those files definition by definition (see workbench.units),
the files are rewritten, and the package is imported again, so the next cell and the next
check see the new code. Variants (deliberately broken copies) live next to it, under
``<root>/variants/<variant>/<name>/``, and never change the main package.
"""

from __future__ import annotations

import atexit
import importlib
import importlib.util
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from workbench.units import Unit, merge, parse_units, render


class WorkbenchError(ValueError):
    """Bad input to the workbench: the message says what to do instead."""


@dataclass(frozen=True)
class Change:
    """What one cell did to one file; its text form is what the cell prints."""
    file: str
    redefined: tuple[str, ...]
    added: tuple[str, ...]
    variant: str | None = None
    note: str = ""
    kept_own: tuple[str, ...] = ()  # the learner's definitions a starter left as they were
    own_cell: str = ""  # then, the cell with the learner's versions in place of those starters

    def __repr__(self) -> str:
        parts = []
        for verb, labels in (("added", self.added), ("redefined", self.redefined)):
            imports = sum(label.startswith(("import ", "from ")) for label in labels)
            named = [label for label in labels if not label.startswith(("import ", "from "))]
            if imports:
                named.append(f"{imports} import{'s' if imports > 1 else ''}")
            if named:
                parts.append(f"{verb} " + ", ".join(named))
        if self.kept_own:
            parts.append(f"kept your own {', '.join(self.kept_own)}: this cell held the guide's earlier "
                         "version, so it was not written. The cell now holds yours (in JupyterLab; "
                         f"elsewhere, copy it from {self.file}): change it and run the cell again")
        where = f"variant {self.variant!r}, " if self.variant else ""
        text = f"{where}{self.file}: {'; '.join(parts) or 'no change'}"
        return text + (f"\n{self.note}" if self.note else "")


def check_file_name(file: str) -> str:
    path = PurePosixPath(file)
    if path.suffix != ".py" or path.is_absolute() or ".." in path.parts or len(path.parts) != 1:
        raise WorkbenchError(f"{file!r} is not a module of the package: name a file such as "
                             "'patch.py' or '__init__.py'.")
    return file


class Workbench:
    """The package a kernel writes: in a temporary directory, or (``package_dir``) a folder
    the learner keeps, such as exercises/memcached, which is read back before every write
    so that edits made in an editor are kept."""

    def __init__(self, name: str = "memcached", package_dir: str | Path | None = None):
        if not name.isidentifier():
            raise WorkbenchError(f"{name!r} cannot name a package: use letters, digits and underscores.")
        self.name = name
        self.root = Path(tempfile.mkdtemp(prefix=f"workbench-{name}-"))
        self.kept = package_dir is not None
        self.package_dir = Path(package_dir).resolve() if self.kept else self.root / "package" / name
        self.files: dict[str, list[Unit]] = {}
        self.origins: dict[tuple[str, object], str] = {}  # (file, unit key) -> chapter
        # Exercise mode: (file, unit key) -> the starters (normalized) that hand the learner the
        # guide's earlier version of a definition to change. A starter run unchanged must not
        # replace the learner's own, different version (practice.magics sets these).
        self.starters: dict[tuple[str, object], set[str]] = {}
        self._variants: dict[str, Path] = {}
        self._module = None
        atexit.register(self.close)
        if self.kept:
            self.read_back()

    # -- where things are ------------------------------------------------------------

    @property
    def target(self) -> str:
        return str(self.package_dir)

    @property
    def module_name(self) -> str:
        # Not the bare name: a package called "redis" must not shadow redis-py.
        return f"{self.name}_workbench"

    def variant_target(self, variant: str) -> str:
        if variant not in self._variants:
            known = ", ".join(sorted(self._variants)) or "none yet"
            raise WorkbenchError(f"no variant named {variant!r} (known: {known}): write one with "
                                 f"%%integration_file patch.py --variant {variant}")
        return str(self._variants[variant])

    # -- writing -----------------------------------------------------------------------
    def scaffold(self, library: str | None = None, origin: str = "", load: bool = True) -> list[Change]:
        """Start the package afresh from the skeleton in templates/integration."""
        # Imported here: `python -m workbench.scaffold` imports this package first, and
        # runpy warns when the module it is about to run is already loaded.
        from workbench.scaffold import render_template

        self.reset()
        changes = [self._apply(file, parse_units(text, filename=f"<{file}>"), origin)
                   for file, text in render_template(self.name, library or self.name).items()]
        self._write(self.package_dir, self.files)
        if load:
            self.reload()
        return changes

    def reset(self) -> None:
        """Forget everything written so far (the library is unpatched first).

        A kept package loses only the files the workbench writes; anything else the learner
        put in the folder stays."""
        self._unpatch_loaded()
        if self.kept:
            for file in self.files:
                (self.package_dir / file).unlink(missing_ok=True)
        else:
            shutil.rmtree(self.root / "package", ignore_errors=True)
        self.files.clear()
        self.origins.clear()
        self._module = None

    def read_back(self) -> None:
        """Take the kept package's files as they are on disk (edits from an editor count)."""
        self.files.clear()
        for path in sorted(self.package_dir.glob("*.py")):
            try:
                self.files[path.name] = parse_units(path.read_text(), filename=str(path))
            except SyntaxError as error:
                raise WorkbenchError(
                    f"{path} line {error.lineno}: {error.msg}. Fix it in your editor (nothing was "
                    "written), or start the file again from the guide's solution with "
                    "%integration_catch_up CHAPTER.") from None

    def write(self, file: str, source: str, origin: str = "", load: bool = True) -> Change:
        """Merge a cell into one of the package's files, write it, and re-import the package."""
        if self.kept:
            self.read_back()
        file = check_file_name(file)
        new = parse_units(source, filename=f"<{file}>")
        kept_own = self._learners_own(file, new)
        own_cell = self._with_learners_own(file, source, new, kept_own) if kept_own else ""
        change = self._apply(file, [unit for unit in new if unit.label not in kept_own], origin)
        self._write(self.package_dir, self.files)
        note = self.reload() if load else ""
        return Change(change.file, change.redefined, change.added, note=note, kept_own=tuple(kept_own),
                      own_cell=own_cell)

    def _learners_own(self, file: str, new: list[Unit]) -> list[str]:
        """The units of ``new`` that are an unchanged starter where the package holds a version
        of the learner's own (none of the guide's), which the starter must not overwrite."""
        current = {unit.key: unit.normalized() for unit in self.files.get(file, [])}
        own = []
        for unit in new:
            guides = self.starters.get((file, unit.key), set())
            # (A chapter that changes a definition twice hands over its first solution as the
            # second starter: typed into the first cell, it replaces a guide's version.)
            if unit.normalized() in guides and current.get(unit.key) not in guides | {unit.normalized(), None}:
                own.append(unit.label)
        return own

    def _with_learners_own(self, file: str, source: str, new: list[Unit], kept_own: list[str]) -> str:
        """The cell's text with the learner's version of each definition in ``kept_own`` in
        place of the starter: what the learner should be changing."""
        current = {unit.key: unit.source for unit in self.files.get(file, [])}
        for unit in new:
            if unit.label in kept_own:
                source = source.replace(unit.source, current[unit.key], 1)  # a unit's text is the cell's own
        return source

    def write_variant(self, variant: str, file: str, source: str) -> Change:
        """A copy of the package with this cell merged in; the package itself is untouched."""
        if not variant.replace("-", "_").isidentifier():
            raise WorkbenchError(f"variant name {variant!r}: use letters, digits and dashes.")
        check_file_name(file)
        if self.kept:
            self.read_back()
        files = dict(self.files)
        new = parse_units(source, filename=f"<{variant}: {file}>")
        files[file], redefined, added = merge(files.get(file, []), new)
        directory = self.root / "variants" / variant / self.name
        self._write(directory, files)
        self._variants[variant] = directory
        return Change(file, tuple(redefined), tuple(added), variant=variant)

    def _apply(self, file: str, new: list[Unit], origin: str) -> Change:
        self.files[file], redefined, added = merge(self.files.get(file, []), new)
        for unit in new:
            self.origins[(file, unit.key)] = origin
        return Change(file, tuple(redefined), tuple(added))

    @staticmethod
    def _write(directory: Path, files: dict[str, list[Unit]]) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        # A rewrite within the same second can keep size and mtime: drop cached bytecode.
        shutil.rmtree(directory / "__pycache__", ignore_errors=True)
        for file, units in files.items():
            (directory / file).write_text(render(units))

    # -- reading -----------------------------------------------------------------------
    def source(self, file: str = "patch.py") -> str:
        if self.kept:
            self.read_back()
        if file not in self.files:
            raise WorkbenchError(f"the package has no {file!r} yet (it has: "
                                 f"{', '.join(sorted(self.files)) or 'nothing'}).")
        return render(self.files[file])

    def definition(self, label: str, file: str = "patch.py") -> str:
        """The source of one definition, by its name (``_traced_command`` or ``COMMANDS``)."""
        for unit in self.files.get(file, []):
            if unit.kind in ("def", "name") and label.rstrip("()") in unit.key[1].split(", "):
                return unit.source
        raise WorkbenchError(f"{file} defines no {label!r}.")

    # -- importing ---------------------------------------------------------------------
    def module(self):
        """The package as imported in this kernel (imported on first use)."""
        if self._module is None:
            self.reload()
        return self._module

    def reload(self) -> str:
        """Import the package's current files. Returns a note for the reader, or ''."""
        if not (self.package_dir / "__init__.py").exists():
            raise WorkbenchError("the package has no __init__.py yet: start it with "
                                 "%integration_scaffold (chapter 3).")
        was_patched = self._unpatch_loaded()
        importlib.invalidate_caches()
        spec = importlib.util.spec_from_file_location(
            self.module_name, self.package_dir / "__init__.py",
            submodule_search_locations=[str(self.package_dir)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[self.module_name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[self.module_name]
            self._module = None
            raise
        self._module = module
        if was_patched:
            module.patch()
            return "the library was patched: re-patched with the new code"
        return ""

    def _unpatch_loaded(self) -> bool:
        """Unpatch and forget the imported package, if any. Returns whether it was patched."""
        old_patch = sys.modules.get(f"{self.module_name}.patch")
        was_patched = bool(getattr(old_patch, "_patched", False))
        try:
            if was_patched:
                # The old code's wrappers would stay on the library: take them off first.
                old_patch.unpatch()
        except Exception as error:
            raise WorkbenchError(
                f"the previous unpatch() raised {type(error).__name__}: {error}; its wrappers may "
                "still be on pymemcache (restart the kernel to be sure)") from None
        finally:
            # Forget the old code even when its unpatch() failed, so the fixed code loads.
            for loaded in [m for m in sys.modules
                           if m == self.module_name or m.startswith(self.module_name + ".")]:
                del sys.modules[loaded]
            self._module = None
        return was_patched

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
