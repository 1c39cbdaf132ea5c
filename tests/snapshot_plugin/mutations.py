"""One deliberate change per snapshot file, to prove that the file is really compared.

Files get different kinds of change (a deleted or a changed attribute; top-level, meta or
metrics) by rotating through a representative list of fields, so that across the
committed snapshots every kind is exercised.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# (kind, field): fields every integration span carries, plus a few specific ones.
CANDIDATES = (
    ("change", "meta.component"),
    ("delete", "metrics.db.row_count"),
    ("change", "resource"),
    ("delete", "meta.span.kind"),
    ("change", "service"),
    ("delete", "meta.out.host"),
    ("change", "metrics._dd.measured"),
    ("delete", "type"),
    ("change", "name"),
    ("delete", "meta.db.system"),
    ("change", "error"),
    ("delete", "meta.error.type"),
    ("change", "meta.peer.service"),
    ("delete", "meta.redis.raw_command"),
)
# The agent reads a missing top-level error/type/service as 0/""/"" (its cross-platform
# normalisation), so deleting one that already has that value changes nothing it compares.
_AGENT_DEFAULTS = {"error": 0, "type": "", "service": ""}


@dataclass(frozen=True)
class Mutation:
    kind: str    # "delete" or "change"
    field: str   # "resource", "meta.out.host", "metrics.db.row_count"
    trace: int
    span: int

    @property
    def key(self) -> str:
        """The name the agent uses in its explanation (without meta./metrics.)."""
        return self.field.split(".", 1)[1] if self.field.startswith(("meta.", "metrics.")) else self.field

    def apply(self, traces: list) -> None:
        container, key = _locate(traces[self.trace][self.span], self.field)
        if self.kind == "delete":
            del container[key]
        elif isinstance(container[key], str):
            container[key] += "-mutated"
        else:
            container[key] += 1

    def __str__(self) -> str:
        return f"{self.kind} {self.field} (trace {self.trace}, span {self.span})"


def _locate(span: dict, field: str) -> tuple[dict, str]:
    section, _, key = field.partition(".")
    if section in ("meta", "metrics") and key:
        return span.get(section, {}), key
    return span, field


def _applicable(span: dict, kind: str, field: str) -> bool:
    container, key = _locate(span, field)
    if key not in container:
        return False
    if kind == "delete" and field in _AGENT_DEFAULTS:
        return container[key] != _AGENT_DEFAULTS[field]
    return True


def choose(traces: list, ignored: set[str], index: int, used: Counter | None = None) -> Mutation:
    """The ``index``-th file's mutation: a compared field, rotating the field and the span.

    ``used`` counts the candidates chosen for earlier files; the least used applicable one
    wins, so that across all files every candidate some file has gets its turn.
    """
    used = Counter() if used is None else used
    spans = [(t, s) for t, trace in enumerate(traces) for s in range(len(trace))]
    rotated = [CANDIDATES[(index + offset) % len(CANDIDATES)] for offset in range(len(CANDIDATES))]
    for kind, field in sorted(rotated, key=lambda candidate: used[candidate]):  # stable sort
        if field in ignored:
            continue
        for step in range(len(spans)):
            t, s = spans[(index + step) % len(spans)]
            if _applicable(traces[t][s], kind, field):
                used[(kind, field)] += 1
                return Mutation(kind, field, t, s)
    raise ValueError("none of the candidate fields is present and compared in this snapshot")


def ownership_problems(manifest: list[dict], snapshot_files: list[Path]) -> list[str]:
    """Every committed file belongs to exactly one snapshot test, and every test has its file."""
    owners: dict[str, list[str]] = {}
    for entry in manifest:
        owners.setdefault(Path(entry["file"]).name, []).append(entry["nodeid"])
    present = {path.name for path in snapshot_files}
    problems = [f"{name}: no test compares with it (left over from a renamed or deleted test?)"
                for name in sorted(present - owners.keys())]
    problems += [f"{name}: missing, but {', '.join(nodeids)} compares with it (record it: make snapshots)"
                 for name, nodeids in sorted(owners.items()) if name not in present]
    problems += [f"{name}: shared by {', '.join(nodeids)}"
                 for name, nodeids in sorted(owners.items()) if len(nodeids) > 1]
    return problems


def round_problems(run, mutations: dict[str, Mutation], everyone: list[str]) -> list[str]:
    """After one run over a partly mutated copy (a ChildRun): exactly the owners of the
    mutated files failed, each on its mutated attribute, and every other test passed."""
    problems = []
    if set(run.outcomes) != set(everyone):
        problems.append(f"tests that did not run: {sorted(set(everyone) - run.outcomes.keys())}\n"
                        f"{run.output[-2000:]}")
    if run.failed() != set(mutations):
        problems.append(f"expected exactly the {len(mutations)} tests of the mutated files to fail; "
                        f"also failed: {sorted(run.failed() - set(mutations))}, "
                        f"passed anyway: {sorted(set(mutations) - run.failed())}")
    for nodeid, mutation in mutations.items():
        message = run.messages.get(nodeid, "")
        if nodeid in run.failed() and f"'{mutation.key}'" not in message:
            problems.append(f"{nodeid} failed, but not on the mutated {mutation}:\n{message[:800]}")
    return problems
