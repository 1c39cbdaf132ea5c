"""See what reaches redis-py: every call of ``Redis.execute_command``, the one method through
which redis-py sends a command (and the one ddtrace's integration wraps).

Installed before the integration is imported, so an integration wraps the recorder, which
calls the real method: it remembers the arguments the method got and the value or exception
it produced, object for object.
"""

from __future__ import annotations

import redis.client

from checks.probe.recorder import LibraryCall, recording


class LibraryRecorder:
    def __init__(self):
        self.calls: list[LibraryCall] = []

    def install(self) -> None:
        original = redis.client.Redis.__dict__["execute_command"]
        # The command is execute_command's first argument, as redis names it ("GET" -> "get").
        execute_command = recording(original, self.calls,
                                    command_of=lambda args: str(args[0]).lower() if args else "")
        redis.client.Redis.execute_command = execute_command

    def since(self, index: int) -> list[LibraryCall]:
        return self.calls[index:]
