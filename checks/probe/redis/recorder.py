"""See what reaches redis-py: every call of ``Redis.execute_command``, the one method through
which redis-py sends a command (and the one ddtrace's integration wraps).

Installed before the integration is imported, so an integration wraps the recorder, which
calls the real method: it remembers the arguments the method got and the value or exception
it produced, object for object.
"""

from __future__ import annotations

import functools
import inspect

import redis.client

from checks.probe.recorder import LibraryCall


class LibraryRecorder:
    def __init__(self):
        self.calls: list[LibraryCall] = []

    def install(self) -> None:
        original = redis.client.Redis.__dict__["execute_command"]
        calls = self.calls

        def execute_command(client, *args, **options):
            call = LibraryCall(str(args[0]).lower() if args else "", args, options)
            calls.append(call)
            try:
                call.result = original(client, *args, **options)
                return call.result
            except BaseException as error:
                call.error = error
                raise

        # Look like the library's method, without __wrapped__: unwrapping helpers must see
        # this as the original, not as a wrapper to remove.
        functools.update_wrapper(execute_command, original)
        del execute_command.__wrapped__
        execute_command.__signature__ = inspect.signature(original)
        redis.client.Redis.execute_command = execute_command

    def since(self, index: int) -> list[LibraryCall]:
        return self.calls[index:]
