"""The guide's packages stand in layers, as the landing page draws them (docs/_static/layers.svg).

A package imports only from the layers below its own, and no module imports another in a
circle. Imports are read from the code (every import statement, including those inside
functions), nothing is run.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Bottom to top; keep docs/_static/layers.svg the same.
LAYERS = (
    ("harness", "integrations"),
    ("traceview", "agent_snapshots"),
    ("workbench", "checks", "chapter_helpers", "crosswalk", "library_support"),
    ("practice", "benchmarks"),
)
LAYER_OF = {package: number for number, packages in enumerate(LAYERS) for package in packages}


def packages(root: Path = REPO) -> set[str]:
    return {path.parent.name for path in root.glob("*/__init__.py") if path.parent.name != "tests"}


def modules(root: Path, package_names) -> dict[str, Path]:
    """{dotted module name: file} of every module of the packages."""
    found = {}
    for package in package_names:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ``known`` that the file imports. ``from package import module`` counts
    as importing the module only (the package's __init__ is a face, not a dependency)."""
    named = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            named.update(submodules if submodules <= known.keys() else {node.module, *submodules})
    found = set()
    for name in named:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name:
            found.add(name)
    return found


def graph(root: Path = REPO) -> dict[str, set[str]]:
    known = modules(root, packages(root))
    return {module: imports(path, known) - {module} for module, path in known.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or around a loop (Tarjan)."""
    order, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for other in edges.get(module, ()):
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in order:
            visit(module)
    return found


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    top = lambda module: module.partition(".")[0]  # noqa: E731
    return [f"{module} imports {other}" for module, targets in sorted(edges.items())
            for other in sorted(targets)
            if top(other) != top(module) and LAYER_OF[top(other)] >= LAYER_OF[top(module)]]


def test_every_package_has_a_layer():
    unplaced = packages() - LAYER_OF.keys()
    assert not unplaced, (f"place {sorted(unplaced)} in LAYERS here and in docs/_static/layers.svg "
                          "(above every package it imports)")


def test_each_package_imports_only_from_the_layers_below():
    assert upward_imports(graph()) == []


def test_no_module_imports_another_in_a_circle():
    found = circles(graph())
    assert not found, f"modules that import each other in a circle: {found}"


def test_a_circle_and_an_upward_import_are_found(tmp_path):
    for module, text in {"harness/__init__.py": "", "harness/a.py": "from harness import b\n",
                         "harness/b.py": "import harness.a\nfrom traceview import table\n",
                         "traceview/__init__.py": "", "traceview/table.py": "import harness.a\n"}.items():
        (tmp_path / module).parent.mkdir(exist_ok=True)
        (tmp_path / module).write_text(text)
    edges = graph(tmp_path)
    assert circles(edges) == [["harness.a", "harness.b", "traceview.table"]]
    assert upward_imports(edges) == ["harness.b imports traceview.table"]
