"""Compare one session's traces with its snapshot file, through the test agent."""

from __future__ import annotations

import json
import re
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from harness.agent import AgentSession, TestAgentClient
from harness.tracing import AGENT_IGNORED_FIELDS, VOLATILE_SNAPSHOT_FIELDS, flush_tracer

# The fields the agent ignores on every comparison are left out of the files as well, so
# re-recording an unchanged workload rewrites a byte-identical file.
NOT_STORED = AGENT_IGNORED_FIELDS
# The agent needs these to rebuild the trace tree from a file; they are never removed.
_STRUCTURE = frozenset({"trace_id", "span_id", "parent_id"})


class SnapshotMismatch(AssertionError):
    """The traces differ from the snapshot, or there was nothing to compare.

    ``agent_report``: the test agent's own explanation ('' when it gave none)."""

    def __init__(self, message: str, agent_report: str = ""):
        super().__init__(message)
        self.agent_report = agent_report


@dataclass(frozen=True)
class AgentReport:
    """The agent's explanation of a mismatch, read once for every way of showing it.

    The agent reports nested frames, one per trace compared so far (indented, after an
    "At request ..." line), and ends with one unindented line: the verdict. Only the last
    trace's frame concerns the verdict.
    """
    verdict: str                          # the unindented lines but "At request ..."
    last_trace: str                       # the last trace's frame, dedented ('' if none)
    compared: tuple[str, ...]             # the "At compare of ..." lines: where the agent was
    expected_resources: tuple[str, ...]   # the resource of each expected span it showed


def read_report(agent_report: str) -> AgentReport:
    lines = agent_report.strip().splitlines()
    frames = lines[:-1]
    last = max((i for i, line in enumerate(frames) if line.lstrip().startswith("At trace ")), default=None)
    return AgentReport(
        verdict=" ".join(line.strip() for line in lines
                         if line.strip() and not line.startswith((" ", "\t", "At request"))),
        last_trace=textwrap.dedent("\n".join(frames[last:])) if last is not None else "",
        compared=tuple(line.strip() for line in lines if line.strip().startswith("At compare of")),
        expected_resources=tuple(re.findall(r"- Expected span:\s*\{.*?'resource': '([^']*)'", agent_report, re.S)))


def explain(agent_report: str) -> str:
    """The agent's verdict first, then the span it was comparing (expected vs received)."""
    report = read_report(agent_report)
    if not report.verdict:
        return "(the test agent gave no explanation)"
    return "\n".join(part for part in (report.verdict, report.last_trace) if part)


@dataclass(frozen=True)
class SnapshotOutcome:
    path: Path
    written: bool  # True when this comparison recorded a new file


def token_for(nodeid: str) -> str:
    """A file-safe token from a pytest node id.

    ``tests/contrib/memcached/test_x.py::test_get[v1]`` -> ``tests.contrib.memcached.test_x.test_get_v1``
    """
    path, _, name = nodeid.partition("::")
    module = path[:-3] if path.endswith(".py") else path
    token = ".".join([*module.replace("\\", "/").split("/"), *name.split("::")])
    token = token.replace("[", "_").replace("]", "")
    return re.sub(r"[^A-Za-z0-9_.-]", "_", token).strip("._")


def snapshot_path(directory: str | Path, token: str) -> Path:
    return Path(directory) / f"{token}.json"


def validated_ignores(ignores: Iterable[str]) -> tuple[str, ...]:
    if isinstance(ignores, str) or not all(isinstance(field, str) for field in ignores):
        raise TypeError(f"ignores must be a list of field names such as 'meta.out.host', "
                        f"got {ignores!r}")
    return tuple(ignores)


def check(session: AgentSession, directory: str | Path, ignores: Iterable[str] = (),
          update: bool = False, refuse_missing: bool = False) -> SnapshotOutcome:
    """Have the agent compare ``session``'s traces with ``<directory>/<token>.json``.

    A missing file is written, unless the agent runs in CI mode (it fails instead) or
    ``refuse_missing`` is set (the same rule, for an agent started elsewhere). ``update``
    sets the file aside first, so the agent records it anew; it is put back if nothing was
    recorded. Raises SnapshotMismatch with the
    agent's own explanation when the traces differ.
    """
    ignored = tuple(dict.fromkeys((*VOLATILE_SNAPSHOT_FIELDS, *validated_ignores(ignores))))
    removed = tuple(field for field in dict.fromkeys((*NOT_STORED, *ignored))
                    if field not in _STRUCTURE)
    path = snapshot_path(directory, session.token)
    path.parent.mkdir(parents=True, exist_ok=True)
    previous = None
    if update and path.exists():
        # Set aside, not deleted: if no traces arrive, the committed file comes back.
        previous = path.with_name(path.name + ".previous")
        path.replace(previous)
    existed = path.exists()
    if refuse_missing and not existed:
        raise SnapshotMismatch(f"snapshot file {path} not found, and CI mode never records one. "
                               "Record it outside CI (`make snapshots`), review it and commit it.")
    # The agent appends ".json" to the name it is given.
    try:
        result = session.snapshot(ignores=ignored, file=str(path.parent / path.stem), removes=removed)
    finally:
        recorded = path.exists()
        if previous is not None:
            if recorded:
                previous.unlink()
            else:
                previous.replace(path)
    if not result.matched:
        raise SnapshotMismatch(
            f"snapshot check failed for {path}\n"
            f"The test agent says: {explain(result.message)}\n"
            f"(ignored fields: {', '.join(ignored)})\n"
            f"If the new traces are right, re-record the file (pytest --snapshot-update, or "
            f"`make snapshots`) and review the diff.", agent_report=result.message)
    if not recorded:
        raise SnapshotMismatch(
            f"the test agent received no traces under token {session.token!r}, so there is "
            f"nothing to compare with or record in {path}. Did the traced code run, and was "
            f"it given the session's environment (session.env())?")
    return SnapshotOutcome(path=path, written=not existed)


@contextmanager
def snapshot(client: TestAgentClient, token: str, directory: str | Path,
             ignores: Iterable[str] = (), update: bool = False) -> Iterator[AgentSession]:
    """Start a session, run the block, then compare its traces with the snapshot file.

        with snapshot(services.agent_client, "cache-hello", "tests/snapshots") as session:
            subprocess.run([...], env={**os.environ, **session.env()}, check=True)

    If the block raises, its exception propagates and nothing is compared.
    """
    ignores = validated_ignores(ignores)
    session = client.session(token).start()
    yield session
    flush_tracer()  # an in-process tracer's spans; a subprocess flushed when it exited
    check(session, directory, ignores, update)


def read_spans(path: str | Path) -> list[dict]:
    """A snapshot file's spans, flattened for traceview: ids made unique across its traces,
    and file order as start order (the files leave timestamps out)."""
    spans = []
    for trace_number, trace in enumerate(json.loads(Path(path).read_text())):
        for span in trace:
            renumber = {"span_id": trace_number * 1000 + span["span_id"],
                        "parent_id": trace_number * 1000 + span["parent_id"] if span["parent_id"] else 0}
            spans.append({**span, **renumber, "start": len(spans)})
    return spans
