"""`make soak` (scripts/soak.py) counts failed runs and shows the first failure's log."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SOAK = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"


def soak(tmp_path: Path, script: str, runs: int = 3) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SOAK), "--runs", str(runs), "--log-dir", str(tmp_path / "logs"),
                           "--", sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def test_every_run_passing_exits_0(tmp_path):
    done = soak(tmp_path, "print('fine')")
    assert done.returncode == 0, done.stdout
    assert "3 of 3 runs passed, 0 failed" in done.stdout
    assert "one core busy" in done.stdout and "no extra load" in done.stdout


def test_a_failing_run_is_counted_and_its_log_shown(tmp_path):
    counter = tmp_path / "count"
    # The second run fails, the others pass: a flake.
    script = (f"import pathlib, sys; p = pathlib.Path({str(counter)!r}); n = int(p.read_text()) + 1 "
              f"if p.exists() else 1; p.write_text(str(n)); print('run', n, 'snapshot missing' if n == 2 else 'ok'); "
              f"sys.exit(1 if n == 2 else 0)")
    done = soak(tmp_path, script)
    assert done.returncode == 1
    assert "2 of 3 runs passed, 1 failed" in done.stdout
    assert "the first failure" in done.stdout and "run 2 snapshot missing" in done.stdout
