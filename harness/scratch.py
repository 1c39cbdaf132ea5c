"""Scratch folders named by the process that owns them, so a later run can remove those of a
process that was killed before it could clean up (SIGKILL runs no atexit hook)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owned_scratch_dir(prefix: str) -> Path:
    """A new folder ``<tmp>/<prefix><our pid>-<random>``, after removing every folder of that
    prefix whose process is gone."""
    for path in Path(tempfile.gettempdir()).glob(f"{prefix}*-*"):
        pid = path.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))
