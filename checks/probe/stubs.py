"""Starter stubs: functions of the integration whose body still raises NotImplementedError.

In exercise mode a learner's package is filled in chapter by chapter, and what is not
written yet raises NotImplementedError. That is not a defect to diagnose but work to do,
so the probe tells a stub apart from every other exception: a NotImplementedError whose
raise point (the innermost frame of its traceback) is in the integration's own files.
One raised by the library or ddtrace is theirs, and stays an ordinary exception.

Stubs are noticed twice: when one escapes into the workload (``origin(error)``), and, with
a trace function limited to the integration's own frames, when one is raised and caught
by the integration itself (the guide's tagging helpers log and swallow their errors, so a
stub inside them would otherwise only show up as a missing tag).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def describe_function(code) -> str:
    """'_traced_command.<locals>.traced' -> 'traced() inside _traced_command()'."""
    return " inside ".join(f"{part}()" for part in reversed(code.co_qualname.split(".<locals>.")))


def _raise_point(traceback):
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    return traceback


class StubWatch:
    def __init__(self, root: str | os.PathLike):
        root = Path(root).resolve()
        self._root = root
        self._base = root if root.is_dir() else root.parent
        self._own_files: dict[str, bool] = {}
        self._noted: list[BaseException] = []  # kept alive: identity, not a reusable id()
        self.seen: list[dict] = []              # every stub that raised, caught or not

    def _own(self, filename: str) -> bool:
        own = self._own_files.get(filename)
        if own is None:
            path = Path(filename).resolve()
            own = path == self._root or (self._root.is_dir() and self._root in path.parents)
            self._own_files[filename] = own
        return own

    def origin(self, error: BaseException | None) -> dict | None:
        """Where a stub raised ``error``: {'function', 'file', 'line'}; None if it is no stub."""
        if not isinstance(error, NotImplementedError) or error.__traceback__ is None:
            return None
        return self._origin_of(_raise_point(error.__traceback__))

    def _origin_of(self, entry) -> dict | None:
        code = entry.tb_frame.f_code
        if not self._own(code.co_filename):
            return None
        return {"function": describe_function(code),
                "file": Path(code.co_filename).resolve().relative_to(self._base).as_posix(),
                "line": entry.tb_lineno}

    # -- stubs the integration catches itself ---------------------------------------------
    def install(self) -> None:
        sys.settrace(self._on_call)

    def uninstall(self) -> None:
        sys.settrace(None)

    def _on_call(self, frame, event, arg):
        # Called for every new frame: only the integration's own get a local trace function.
        if not self._own(frame.f_code.co_filename):
            return None
        frame.f_trace_lines = False  # exceptions only, no per-line events
        return self._in_own_frame

    def _in_own_frame(self, frame, event, arg):
        if event == "exception":
            self._note(arg[1], arg[2])
        return self._in_own_frame

    def _note(self, error, traceback) -> None:
        if not isinstance(error, NotImplementedError) or any(error is seen for seen in self._noted):
            return
        self._noted.append(error)
        found = self._origin_of(_raise_point(traceback))
        if found and found not in self.seen:
            self.seen.append(found)
