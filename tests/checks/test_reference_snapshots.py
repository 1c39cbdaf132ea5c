"""The committed reference snapshots are what ddtrace's own integration records today."""

from checks.record_reference import record
from checks.snapshots import CASES, REFERENCE_DIR


def test_rerecording_gives_the_committed_files(tmp_path, capsys):
    written = record(tmp_path)
    assert [path.name for path in written] == [f"{case}.json" for case, _ in CASES]
    for path in written:
        assert path.read_text() == (REFERENCE_DIR / path.name).read_text(), (
            f"{path.name} is out of date: run .venv/bin/python -m checks.record_reference")
