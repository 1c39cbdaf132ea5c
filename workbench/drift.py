"""Compare the integration the notebooks write with the package in integrations/.

Definition by definition, as syntax trees (layout and comments do not count). One
normalization: the package's ``__init__.py`` may import its own modules absolutely
(``from integrations.memcached.patch import ...``) where the notebooks' package, which
lives in a temporary directory, imports them relatively (``from .patch import ...``).
Both mean "from this package's patch module".
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from traceview.tables import Table
from workbench.units import Unit, parse_units

REPO = Path(__file__).resolve().parents[1]
FILES = ("__init__.py", "patch.py")


def _relative_imports(units: list[Unit], package: str) -> list[Unit]:
    fixed = []
    for unit in units:
        node = unit.node
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.startswith(package + "."):
            node = ast.ImportFrom(module=node.module[len(package) + 1:], names=node.names, level=1)
            unit = Unit(("from", "." + node.module), unit.source, node)
        fixed.append(unit)
    return fixed


@dataclass
class Drift:
    rows: list[tuple[str, str, str]]  # (file, definition, status)

    @property
    def same(self) -> bool:
        return all(status == "same" for _, _, status in self.rows)

    def differences(self) -> list[tuple[str, str, str]]:
        return [row for row in self.rows if row[2] != "same"]

    def table(self, only_differences: bool = False) -> Table:
        rows = self.differences() if only_differences else self.rows
        return Table(["file", "definition", "notebooks vs package"], [list(r) for r in rows])

    def __repr__(self) -> str:
        count = len(self.rows)
        if self.same:
            return f"notebooks and package agree: {count} definitions, all the same"
        return f"notebooks and package differ in {len(self.differences())} of {count} definitions:\n" \
               + repr(self.table(only_differences=True))


def compare(notebook_files: dict[str, str], package_dir: Path, package: str) -> Drift:
    """notebook_files: {file name: text} as the notebooks build them."""
    rows = []
    for file in sorted(set(notebook_files) | {p.name for p in package_dir.glob("*.py")}):
        ours = parse_units(notebook_files.get(file, ""), filename=f"notebooks:{file}")
        path = package_dir / file
        theirs = _relative_imports(parse_units(path.read_text(), filename=str(path)) if path.exists() else [],
                                   package)
        by_key = {u.key: u for u in theirs}
        for unit in ours:
            other = by_key.pop(unit.key, None)
            status = ("only in the notebooks" if other is None
                      else "same" if other.normalized() == unit.normalized() else "different")
            rows.append((file, unit.label, status))
        rows.extend((file, unit.label, "only in the package") for unit in by_key.values())
    return Drift(rows)


def notebooks_vs_package(name: str = "memcached", notebook_dir: Path | None = None,
                         package_dir: Path | None = None) -> Drift:
    """Replay every chapter's workbench cells and compare the result with integrations/<name>."""
    from workbench import replay
    from workbench.bench import Workbench

    bench = Workbench(name)
    try:
        steps = replay.all_steps(notebook_dir or replay.NOTEBOOK_DIR)
        replay.replay(bench, steps, load=False)
        built = {file: bench.source(file) for file in bench.files}
    finally:
        bench.close()
    return compare(built, package_dir or REPO / "integrations" / name, f"integrations.{name}")
