"""One deliberate change per snapshot file, to prove that the file is really compared.

Files get different kinds of change (a deleted or a changed attribute; top-level, meta or
metrics) by rotating through a representative list of fields, so that across the
committed snapshots every kind is exercised. A changed value carries the file's index, so
the agent's verdict on it names one file's change and no other's.
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
    value: object = None  # a change's new value

    @property
    def key(self) -> str:
        """The name the agent uses in its explanation (without meta./metrics.)."""
        return self.field.split(".", 1)[1] if self.field.startswith(("meta.", "metrics.")) else self.field

    @property
    def evidence(self) -> tuple[str, ...]:
        """What the test agent's verdict says when it finds this mutation: the phrases of
        its message for a missing or a different attribute (ddapm-test-agent's trace_snapshot)."""
        if self.kind == "delete" and self.field in _AGENT_DEFAULTS:  # read back as its default
            expected = _AGENT_DEFAULTS[self.field]
        elif self.kind == "delete":
            return (f"value '{self.key}' in received span but is not in the expected span",)
        else:
            expected = self.value
        return (f"mismatch on '{self.key}': got ", f" which does not match expected '{expected}'")

    def apply(self, traces: list) -> None:
        container, key = _locate(traces[self.trace][self.span], self.field)
        if self.kind == "delete":
            del container[key]
        else:
            container[key] = self.value

    def __str__(self) -> str:
        change = f" to {self.value!r}" if self.kind == "change" else ""
        return f"{self.kind} {self.field}{change} (trace {self.trace}, span {self.span})"


def _changed(value: object, index: int) -> object:
    """A new value that only the ``index``-th file gets."""
    return f"{value}-mutated-{index}" if isinstance(value, str) else value + 1 + index


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
                if kind == "delete":
                    return Mutation(kind, field, t, s)
                container, key = _locate(traces[t][s], field)
                return Mutation(kind, field, t, s, _changed(container[key], index))
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


AGENT_SAYS = "The test agent says: "  # agent_snapshots.check puts the agent's verdict after it


def verdict(message: str) -> str:
    """The test agent's verdict in a snapshot test's failure message ('' if it has none)."""
    return next((line[len(AGENT_SAYS):] for line in message.splitlines() if line.startswith(AGENT_SAYS)), "")


def run_problems(run, mutations: dict[str, Mutation], files: dict[str, Path]) -> list[str]:
    """After one run over a copy with every file mutated (a ChildRun): each test ran and
    failed comparing with its own file (``files``: node id -> file), on its own mutation."""
    problems = []
    if set(run.outcomes) != set(mutations):
        problems.append(f"tests that did not run: {sorted(set(mutations) - run.outcomes.keys())}\n"
                        f"{run.output[-2000:]}")
    if set(mutations) - run.failed():
        problems.append(f"passed with their file mutated: {sorted(set(mutations) - run.failed())}")
    for nodeid, mutation in mutations.items():
        if nodeid not in run.failed():
            continue
        message = run.messages.get(nodeid, "")
        if f"snapshot check failed for {files[nodeid]}\n" not in message:
            problems.append(f"{nodeid} failed, but not comparing with {files[nodeid]}:\n{message[:800]}")
        elif not all(phrase in verdict(message) for phrase in mutation.evidence):
            problems.append(f"{nodeid} failed, but not on its {mutation}:\n{message[:800]}")
    return problems
