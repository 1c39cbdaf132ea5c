"""See what reaches the library: every call of pymemcache's own Client command methods.

Installed before the integration is imported, the recorder sits between the integration
and the real library code: each command method is replaced by a function that calls the
original and remembers the arguments it got, and the value or exception it produced.
Nothing is faked: the real method talks to the real memcached. This lets the checks see,
object for object, whether an integration passes arguments, results and exceptions through
unchanged, and whether it runs a command more than once.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass

from pymemcache.client.base import Client

from checks.profiles.pymemcache import PROFILE

RECORDED_METHODS = PROFILE.covered_commands + tuple(PROFILE.aliases)


@dataclass
class LibraryCall:
    command: str          # the function's own name: aliases are reported as their target
    args: tuple
    kwargs: dict
    result: object = None
    error: BaseException | None = None


def recording(original, calls: list[LibraryCall], command_of=None):
    """``original``, a library method, as a function that calls it and appends a LibraryCall
    to ``calls``: the command, the arguments, the value or exception. ``command_of(args)``
    names the command; by default it is the method's own name."""

    def method(client, *args, **kwargs):
        call = LibraryCall(command_of(args) if command_of else original.__name__, args, kwargs)
        calls.append(call)
        try:
            call.result = original(client, *args, **kwargs)
            return call.result
        except BaseException as error:
            call.error = error
            raise

    # Look like the library's method (name, docstring, signature), but without __wrapped__:
    # unwrapping helpers must see this as the original, not as a wrapper to remove.
    functools.update_wrapper(method, original)
    del method.__wrapped__
    method.__signature__ = inspect.signature(original)  # for integrations that bind arguments
    return method


class LibraryRecorder:
    def __init__(self):
        self.calls: list[LibraryCall] = []

    def install(self) -> None:
        # Aliases are one function under two names; keep them one function afterwards.
        replacements: dict[int, object] = {}
        for attribute in RECORDED_METHODS:
            original = Client.__dict__[attribute]
            if id(original) not in replacements:
                replacements[id(original)] = recording(original, self.calls)
            setattr(Client, attribute, replacements[id(original)])

    def since(self, index: int) -> list[LibraryCall]:
        return self.calls[index:]
