"""Turn a solution cell into the starter a learner fills in.

A workbench cell is a list of units (workbench.units). Each unit of a solution cell is
either *given* (imports, plain constants, a docstring written for the first time: the
learner copies nothing by hand) or a *task*:

- a definition that replaces an earlier one starts from that earlier version (the learner
  changes it, as the chapter explains);
- a new function keeps its signature and docstring; its body becomes a TODO that raises
  NotImplementedError. A factory that returns an inner function (``_traced_command``
  returning ``traced``) keeps both signatures, so the wrapper's calling convention shows;
- a new collection (``COMMANDS = {...}``) starts empty.

Starters are computed, never kept by hand, so they follow the chapters.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

from workbench.units import Unit, parse_units

STUB_MARK = "NotImplementedError"


@dataclass(frozen=True)
class Task:
    """One unit the learner writes: the starter shown, the solution kept for the dropdown."""
    key: object      # the unit's key (workbench.units): where it lives in the module
    label: str
    starter: str
    solution: str
    rewrites: bool   # the starter is an earlier version to change, not a stub to fill in


def _is_collection(node: ast.stmt) -> bool:
    value = getattr(node, "value", None)
    return isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(
        value, (ast.Dict, ast.List, ast.Set, ast.Tuple))


def _empty_collection(unit: Unit) -> str:
    lines = unit.source.splitlines()
    statement_at = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    value = unit.node.value
    empty = {ast.Dict: "{}", ast.List: "[]", ast.Set: "set()", ast.Tuple: "()"}[type(value)]
    target = ast.unparse(unit.node.targets[0] if isinstance(unit.node, ast.Assign) else unit.node.target)
    return "\n".join(lines[:statement_at] + [f"{target} = {empty}  # TODO: fill in"])


def _stub_body(function: ast.FunctionDef, lines: list[str], indent: str) -> list[str]:
    """Signature and docstring of a function, then a TODO body (lines of source text)."""
    body = function.body
    keep_until = body[0].end_lineno if ast.get_docstring(function) is not None else body[0].lineno - 1
    kept = lines[function.lineno - 1 - _decorator_lines(function):keep_until]
    inner = [node for node in body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    returns = body[-1] if isinstance(body[-1], ast.Return) else None
    if inner and returns is not None and isinstance(returns.value, ast.Name) \
            and returns.value.id == inner[-1].name:
        # A factory: keep the inner function's signature and the return, stub the inside.
        nested = inner[-1]
        inner_indent = indent + " " * 4
        return kept + _stub_body(nested, lines, inner_indent) + [""] + \
            lines[returns.lineno - 1:returns.end_lineno]
    step = indent + " " * 4
    return kept + [f"{step}# TODO: write {function.name}() as the chapter describes.",
                   f"{step}raise NotImplementedError(\"{function.name}() is not written yet\")"]


def _decorator_lines(function: ast.FunctionDef) -> int:
    return function.lineno - min([function.lineno] + [d.lineno for d in function.decorator_list])


def _function_stub(unit: Unit) -> str:
    lines = unit.source.splitlines()
    tree = ast.parse(unit.source)
    function = tree.body[0]
    comments = lines[:function.lineno - 1 - _decorator_lines(function)]
    return "\n".join(comments + _stub_body(function, lines, indent=""))


def task_for(unit: Unit, earlier: Unit | None, alone: bool = False) -> Task | None:
    """The task a solution unit becomes, or None when the unit is given as it is.

    A docstring is a task only in a cell of its own (the cell exists to write it).
    """
    if unit.is_import or (unit.kind == "doc" and not alone):
        return None
    if earlier is not None:
        if earlier.normalized() == unit.normalized():
            return None
        return Task(unit.key, unit.label, earlier.source, unit.source, rewrites=True)
    if isinstance(unit.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return Task(unit.key, unit.label, _function_stub(unit), unit.source, rewrites=False)
    if unit.kind == "name" and _is_collection(unit.node):
        return Task(unit.key, unit.label, _empty_collection(unit), unit.source, rewrites=False)
    return None


@dataclass(frozen=True)
class StarterCell:
    """A solution cell as a learner meets it."""
    source: str              # the starter: given units as written, tasks as starters
    solution: str            # the cell as the chapter has it
    tasks: tuple[Task, ...]

    @property
    def is_exercise(self) -> bool:
        return bool(self.tasks)


def starter_cell(solution: str, earlier_units: list[Unit]) -> StarterCell:
    """The starter for one cell, given the units its file held before the cell."""
    earlier = {unit.key: unit for unit in earlier_units}
    parts, tasks = [], []
    units = parse_units(solution)
    for unit in units:
        task = task_for(unit, earlier.get(unit.key), alone=len(units) == 1)
        if task is not None:
            tasks.append(task)
        parts.append(task.starter if task else unit.source)
    return StarterCell(_join(parts), solution, tuple(tasks))


def _join(parts: list[str]) -> str:
    out = []
    for part in parts:
        if out:
            out.append("\n\n\n" if part.lstrip().startswith(("def ", "async def ", "class ", "@"))
                       or out[-1].lstrip().startswith(("def ", "class ", "@")) else "\n\n")
        out.append(part)
    return "".join(out)


def names_used(task: Task) -> list[str]:
    """Names and attributes the solution uses that its starter does not: the hint."""
    def names(source: str) -> set[str]:
        found = set()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Attribute):
                found.add(ast.unparse(node))
            elif isinstance(node, ast.Name) and node.id not in vars(builtins):
                found.add(node.id)
        return found

    solution = names(task.solution)
    starter = names(task.starter)
    own = {node.id for node in ast.walk(ast.parse(task.solution))
           if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    own |= {arg.arg for node in ast.walk(ast.parse(task.solution))
            if isinstance(node, ast.arguments) for arg in node.args + node.kwonlyargs}
    useful = sorted(solution - starter - own)
    # "a.b.c" already tells the reader about "a.b": keep the longest.
    return [name for name in useful if not any(other.startswith(name + ".") for other in useful)]


def is_unwritten(unit: Unit) -> bool:
    """Whether a unit is still a starter stub (its body raises NotImplementedError)."""
    for node in ast.walk(unit.node):
        if isinstance(node, ast.Raise) and node.exc is not None and STUB_MARK in ast.unparse(node.exc):
            return True
    return False
