"""Snapshot tests through the real APM test agent.

A snapshot test runs traced code, and the test agent compares the traces it received with
a committed JSON file (``tests/snapshots/<token>.json``), writing the file when it is
missing. Two ways to use it:

- pytest: ``@pytest.mark.snapshot`` (see ``agent_snapshots.pytest_plugin``);
- anywhere: ``with snapshot(agent_client, token, directory) as session: ...``.

Fields that differ between two correct runs are ignored through one list,
``harness.tracing.VOLATILE_SNAPSHOT_FIELDS``; a test adds its own with ``ignores=``.
"""

from agent_snapshots.snapshots import (
    NOT_STORED, SnapshotMismatch, SnapshotOutcome, check, read_spans, snapshot, snapshot_path,
    token_for,
)

__all__ = ["NOT_STORED", "SnapshotMismatch", "SnapshotOutcome", "check", "read_spans", "snapshot",
           "snapshot_path", "token_for"]
