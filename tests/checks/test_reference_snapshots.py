"""The committed reference snapshots of each profile are what ddtrace's own integration records today."""

import pytest

from checks.profiles import get_profile, profiles
from checks.record_reference import record_profile
from checks.snapshots import CASES


@pytest.mark.parametrize("library", list(profiles()))
def test_rerecording_gives_the_committed_files(library, tmp_path, capsys):
    written = record_profile(library, tmp_path)
    assert [path.name for path in written] == [f"{case}.json" for case, _ in CASES]
    for path in written:
        committed = get_profile(library).reference_dir / path.name
        assert path.read_text() == committed.read_text(), (
            f"{committed} is out of date: run .venv/bin/python -m checks.record_reference --library {library}")
