"""A Python module as a sequence of named top-level definitions.

The notebooks write the integration a piece at a time: a cell defines a few functions,
and a later cell may define one of them again. So a module is kept as *units*, one per
top-level statement, each with a key saying what it defines:

    "__doc__"                       the module docstring
    ("import", "a.b")               ``import a.b`` (keyed by the names it binds)
    ("from", ".patch")              ``from .patch import ...`` (keyed by the module)
    ("def", "patch")                a function or class
    ("name", "COMMANDS")            an assignment to one or more names
    ("stmt", <ast dump>)            anything else

A unit with a key already present replaces the old one; a new one is added. The module is
written in a fixed order: docstring, imports (sorted as isort would), constants,
functions, other statements; within each part, in the order first written. Comments just
above a statement belong to it, so they travel with the definition.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass

Key = str | tuple


@dataclass(frozen=True)
class Unit:
    key: Key
    source: str   # the statement's text, with the comments just above it
    node: ast.stmt

    @property
    def kind(self) -> str:
        return "doc" if self.key == "__doc__" else self.key[0]

    @property
    def is_import(self) -> bool:
        return isinstance(self.node, (ast.Import, ast.ImportFrom))

    @property
    def is_future(self) -> bool:
        return isinstance(self.node, ast.ImportFrom) and self.node.module == "__future__"

    @property
    def label(self) -> str:
        """How a person names this unit: ``patch()``, ``COMMANDS``, ``import wrapt``."""
        if self.kind == "doc":
            return "module docstring"
        kind, name = self.key
        if kind == "def":
            return f"{name}()" if isinstance(self.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else name
        if kind == "name":
            return name
        if kind in ("import", "from"):
            return self.source.strip().splitlines()[-1]
        return self.source.strip().splitlines()[0]

    def normalized(self) -> str:
        """The statement's meaning without layout or comments, for comparisons."""
        return ast.dump(self.node)


def key_of(node: ast.stmt) -> Key:
    if isinstance(node, ast.Import):
        return ("import", ", ".join(alias.asname or alias.name for alias in node.names))
    if isinstance(node, ast.ImportFrom):
        return ("from", "." * node.level + (node.module or ""))
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return ("def", node.name)
    if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
        return ("name", ", ".join(t.id for t in node.targets))
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return ("name", node.target.id)
    return ("stmt", ast.dump(node))


def _is_docstring(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str))


def parse_units(source: str, filename: str = "<cell>") -> list[Unit]:
    """Split source into units. A leading string literal is the module docstring."""
    tree = ast.parse(source, filename=filename)  # a SyntaxError names the cell's line
    lines = source.splitlines()
    units: list[Unit] = []
    previous_end = 0
    for index, node in enumerate(tree.body):
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        # Comment lines between the previous statement and this one belong to this one.
        start = first - 1
        while start > previous_end and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        text = "\n".join(lines[start:node.end_lineno]).rstrip()
        previous_end = node.end_lineno
        key = "__doc__" if index == 0 and _is_docstring(node) else key_of(node)
        units.append(Unit(key, text, node))
    return units


def merge(units: list[Unit], new: list[Unit]) -> tuple[list[Unit], list[str], list[str]]:
    """Apply new units to a module's units. Returns (units, redefined labels, added labels)."""
    merged = list(units)
    redefined, added = [], []
    for unit in new:
        positions = [i for i, u in enumerate(merged) if u.key == unit.key]
        if positions:
            merged[positions[0]] = unit
            redefined.append(unit.label)
        else:
            merged.append(unit)
            added.append(unit.label)
    return merged, redefined, added


def _section(unit: Unit) -> int:
    """Where a unit goes in the module: docstring, imports, constants, functions, the rest."""
    if unit.kind == "doc":
        return 0
    if unit.is_future:
        return 1
    if unit.is_import:
        top = (unit.node.module if isinstance(unit.node, ast.ImportFrom) and unit.node.level == 0
               else unit.node.names[0].name if isinstance(unit.node, ast.Import) else "")
        return 2 if top.split(".")[0] in sys.stdlib_module_names else 3 if top else 4
    if unit.kind == "name":
        return 5
    if unit.kind == "def":
        return 6
    return 7  # other statements may use anything defined above them


def _import_order(unit: Unit) -> tuple:
    # isort's default within a section: plain imports first, then from-imports, by module.
    node = unit.node
    if isinstance(node, ast.Import):
        return (0, node.names[0].name)
    return (1, "." * node.level + (node.module or ""))


def ordered(units: list[Unit]) -> list[Unit]:
    """Units in module order; imports sorted, everything else in the order first written."""
    return sorted(units, key=lambda u: (_section(u), _import_order(u) if u.is_import else ()))


def render(units: list[Unit]) -> str:
    """Module text: docstring, imports by section, constants, functions (two blank lines)."""
    out: list[str] = []
    previous = None
    for unit in ordered(units):
        if previous is not None:
            same_section = _section(unit) == _section(previous)
            tight = same_section and (unit.is_import or (
                unit.kind == "name" and "\n" not in unit.source and "\n" not in previous.source))
            is_def = lambda u: isinstance(u.node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            out.append("\n" if tight else "\n\n\n" if is_def(unit) or is_def(previous) else "\n\n")
        out.append(unit.source)
        previous = unit
    return "".join(out) + "\n" if out else ""
