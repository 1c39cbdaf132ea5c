"""What the tests ask about processes they started, through psutil: is one still running
(a zombie, dead but not yet reaped, is not), and which running processes are another's
children."""

from __future__ import annotations

import psutil


def running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def running_children(*parents: int) -> list[int]:
    """The running processes whose parent is one of ``parents``."""
    found = []
    for parent in parents:
        try:
            children = psutil.Process(parent).children()
        except psutil.NoSuchProcess:
            continue
        found += [child.pid for child in children if running(child.pid)]
    return found
