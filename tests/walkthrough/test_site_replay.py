"""The site re-executes replaying chapters when a replayed cell changes (docs/_ext/workbench_replay.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "docs" / "_ext"))

import workbench_replay  # noqa: E402


def test_the_fingerprint_follows_workbench_cells_only(tmp_path):
    shutil.copy(REPO / "notebooks" / "03-skeleton.md", tmp_path)
    chapter = tmp_path / "03-skeleton.md"
    before = workbench_replay.fingerprint(tmp_path)

    chapter.write_text(chapter.read_text().replace("## What to wrap", "## What to wrap, again"))
    assert workbench_replay.fingerprint(tmp_path) == before  # prose does not count

    text = chapter.read_text()
    assert 'OPERATION_NAME = "memcached.command"' in text
    chapter.write_text(text.replace('OPERATION_NAME = "memcached.command"', 'OPERATION_NAME = "mc.cmd"'))
    assert workbench_replay.fingerprint(tmp_path) != before
