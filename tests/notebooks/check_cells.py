"""Find a chapter's check cells: cells that do nothing but run the check kit.

A check run happens in fresh processes, against services it starts itself; what it takes
from the kernel is its arguments. So a check cell's output follows from a few inputs
(kernel_inputs.py collects them), and the re-run pass runs it again only when one of them
changed (rerun.py). Recognising one is kept strict: anything this module does not
recognise is an ordinary cell, and an ordinary cell always runs again.

A check cell holds imports, assignments and, last, the call of the check kit: as a
statement, as the value of an assignment, or assigned and then shown (`report = check.all(…)`
then `report`). Its expressions are names, attributes, constants, lists, tuples, dicts and
calls; the only calls are the check call itself and `workbench.target()` /
`workbench.variant(...)`, which name folders of the kernel's workbench (whose path and
files are among the inputs).
"""

from __future__ import annotations

import ast
import builtins
import threading
from dataclasses import dataclass

import nbformat

CHECK_KIT = "checks.notebook"
WORKBENCH_CALLS = {("workbench", "target"), ("workbench", "variant")}
_PLAIN_NODES = (ast.Name, ast.Attribute, ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.Call,
                ast.keyword, ast.Load, ast.Store)


@dataclass(frozen=True)
class CheckCell:
    reads: tuple[str, ...]     # the names it reads from the kernel, bound by earlier cells
    literals: tuple[str, ...]  # its string constants: a target folder may be named by one


def _kit_aliases(statement: ast.stmt) -> set[str]:
    """The names an import statement binds to the check kit."""
    if isinstance(statement, ast.ImportFrom) and statement.module == "checks":
        return {alias.asname or alias.name for alias in statement.names if alias.name == "notebook"}
    if isinstance(statement, ast.Import):
        return {alias.asname for alias in statement.names if alias.name == CHECK_KIT and alias.asname}
    return set()


def _call_name(call: ast.Call) -> tuple[str, str] | None:
    function = call.func
    if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
        return function.value.id, function.attr
    return None


def _check_call(statements: list[ast.stmt], kit: set[str]) -> ast.Call | None:
    """The check call that ends the cell, if it ends with one."""
    last = statements[-1]
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Name) and len(statements) > 1:
        shown, last = last.value.id, statements[-2]  # `report = check.all(...)`, then `report`
        if not (isinstance(last, ast.Assign) and [getattr(t, "id", None) for t in last.targets] == [shown]):
            return None
    value = last.value if isinstance(last, (ast.Expr, ast.Assign)) else None
    if isinstance(value, ast.Call) and (_call_name(value) or ("",))[0] in kit:
        return value
    return None


def _plain(node: ast.AST, check_call: ast.Call) -> bool:
    """Only plain nodes, and no call but the check call and the workbench's folder names."""
    return all(isinstance(child, _PLAIN_NODES)
               and (not isinstance(child, ast.Call) or child is check_call
                    or _call_name(child) in WORKBENCH_CALLS)
               for child in ast.walk(node))


def _allowed(statement: ast.stmt, check_call: ast.Call) -> bool:
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(statement, ast.Assign):
        return all(isinstance(t, ast.Name) for t in statement.targets) and _plain(statement.value, check_call)
    # The check call itself, or a name shown (the check's result, assigned just before).
    return isinstance(statement, ast.Expr) and (
        (statement.value is check_call and _plain(check_call, check_call)) or isinstance(statement.value, ast.Name))


def _reads(statements: list[ast.stmt]) -> tuple[str, ...]:
    """Names loaded before this cell binds them, builtins left out, in order of appearance."""
    bound, read = set(dir(builtins)), []
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in bound | set(read):
                read.append(node.id)
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            bound |= {(alias.asname or alias.name).split(".")[0] for alias in statement.names}
        elif isinstance(statement, ast.Assign):
            bound |= {target.id for target in statement.targets}
    return tuple(read)


# CPython 3.11's ast.parse is not safe in two threads at once: it can fail with "SystemError:
# AST constructor recursion depth mismatch". test_notebook finds a chapter's check cells in
# two threads when a second kernel runs the same chapter beside the first (CI saw it fail).
_PARSING = threading.Lock()


def _statements(source: str) -> list[ast.stmt] | None:
    """The cell's statements; None for a cell Python cannot parse (IPython magics)."""
    with _PARSING:
        try:
            return ast.parse(source).body
        except SyntaxError:
            return None


def as_check_cell(source: str, kit: set[str]) -> CheckCell | None:
    """What a check cell takes from the kernel; None when it is not a check cell.
    ``kit``: the names earlier cells bound to the check kit (this cell's imports count too)."""
    statements = _statements(source)
    return None if statements is None else _check_cell(statements, kit)


def _check_cell(statements: list[ast.stmt], kit: set[str]) -> CheckCell | None:
    kit = kit | {alias for statement in statements for alias in _kit_aliases(statement)}
    check_call = _check_call(statements, kit) if statements else None
    if check_call is None or not all(_allowed(statement, check_call) for statement in statements):
        return None
    literals = tuple(dict.fromkeys(node.value for statement in statements for node in ast.walk(statement)
                                   if isinstance(node, ast.Constant) and isinstance(node.value, str)))
    return CheckCell(_reads(statements), literals)


def find(notebook: nbformat.NotebookNode) -> dict[int, CheckCell]:
    """The check cells of a notebook, by their index in ``notebook.cells``."""
    found, kit = {}, set()
    for index, cell in enumerate(notebook.cells):
        statements = _statements(cell.source) if cell.cell_type == "code" else None
        if statements is None:
            continue
        expected_to_raise = "raises-exception" in cell.get("metadata", {}).get("tags", [])
        check_cell = None if expected_to_raise else _check_cell(statements, kit)
        if check_cell is not None:
            found[index] = check_cell
        kit |= {alias for statement in statements for alias in _kit_aliases(statement)}
    return found
