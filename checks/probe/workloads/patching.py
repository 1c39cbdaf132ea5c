"""patch() traces, a second patch() changes nothing, unpatch() restores, patch() again works."""

from __future__ import annotations

from importlib.metadata import version

import pymemcache
import pymemcache.client.base
import pymemcache.client.hash

from checks.probe import describe_error

_MODULES = (pymemcache, pymemcache.client.base, pymemcache.client.hash)


def _describe(value) -> str:
    name = getattr(value, "__qualname__", None)
    module = getattr(value, "__module__", None)
    if name and module and not hasattr(value, "__wrapped__"):
        return f"{module}.{name}"
    return f"a {type(value).__name__}"  # e.g. a wrapt FunctionWrapper, an ObjectProxy


def library_classes(modules=_MODULES, prefix: str = "pymemcache") -> list[type]:
    found = {id(v): v for m in modules for v in vars(m).values()
             if isinstance(v, type) and v.__module__.startswith(prefix)}
    return list(found.values())


def library_state(classes: list[type], modules=_MODULES) -> dict[str, tuple[object, str]]:
    """Every class and function the library's modules expose, and the methods of ``classes``
    (the library's own, found before patching), with a readable name. The objects themselves
    are kept, not their id(): a freed original's id could be reused by its replacement."""
    state: dict[str, tuple[object, str]] = {}
    for module in modules:
        for attr, value in vars(module).items():
            if callable(value):
                state[f"{module.__name__}.{attr}"] = (value, _describe(value))
    for cls in classes:
        for attr, value in vars(cls).items():
            if callable(value) or isinstance(value, (staticmethod, classmethod, property)):
                state[f"{cls.__module__}.{cls.__qualname__}.{attr}"] = (value, _describe(value))
    return state


def _difference(before: dict, after: dict) -> list[str]:
    changed = [f"{name} is now {after[name][1]}" for name in before
               if name in after and after[name][0] is not before[name][0]]
    removed = [f"{name} is gone" for name in before if name not in after]
    added = [f"{name} was added" for name in after if name not in before]
    return sorted(changed) + sorted(removed) + sorted(added)


def _commands(context, label: str) -> None:
    client = context.new_client()
    with context.window(label, commands=2):
        client.set(context.key("k"), "v", noreply=False)
        client.get(context.key("k"))
    client.close()


def declared_versions(context) -> dict:
    """What _supported_versions() declares, beside the installed library."""
    found = {"installed": version(context.profile.library),
             "defined": context.integration.supported_versions is not None}
    if found["defined"]:
        try:
            found["declared"] = context.integration.supported_versions()
        except Exception as error:
            found["error"] = describe_error(error)
            found["not_written"] = context.stubs.origin(error)
    return found


def run(context, commands=None, modules=_MODULES, prefix: str = "pymemcache") -> dict:
    """The patch cycle; ``commands(context, label)`` runs a set and a get in a window
    (another library's workload passes its own, with its modules and their name prefix)."""
    _commands_in = commands or _commands
    # First: a stub that stops the patch cycle below must not hide this answer.
    context.facts["supported_versions"] = declared_versions(context)
    errors: dict[str, str] = {}
    not_written: dict[str, dict] = {}

    def record(step: str, error: Exception) -> None:
        errors[step] = describe_error(error)
        stub = context.stubs.origin(error)
        if stub:
            not_written[step] = stub

    classes = library_classes(modules, prefix)
    before = library_state(classes, modules)
    _commands_in(context, "before patch()")

    context.patch()
    _commands_in(context, "after patch()")

    try:
        context.patch()
    except Exception as error:
        record("second patch()", error)
    _commands_in(context, "after a second patch()")

    try:
        context.integration.unpatch()
    except Exception as error:
        record("unpatch()", error)
    restored = _difference(before, library_state(classes, modules))
    _commands_in(context, "after unpatch()")

    try:
        context.patch()
    except Exception as error:
        record("patch() after unpatch()", error)
    _commands_in(context, "after patch() again")

    try:
        context.integration.unpatch()
    except Exception:
        pass  # already reported above if unpatch() is broken
    return {"errors": errors, "not_written": not_written, "not_restored": restored}
