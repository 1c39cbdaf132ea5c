"""Broken: patch() wraps again on every call, so a second patch() doubles the spans."""

import importlib

import wrapt

from integrations.memcached.patch import _supported_versions, get_version  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def patch():
    for attribute, command in good.COMMANDS.items():  # no "already patched?" test
        wrapt.wrap_function_wrapper(good.Client, attribute, good._traced_command(command))


def unpatch():
    # Remove every layer, so that only the idempotence of patch() is broken.
    for attribute in good.COMMANDS:
        while isinstance(vars(good.Client)[attribute], wrapt.FunctionWrapper):
            setattr(good.Client, attribute, vars(good.Client)[attribute].__wrapped__)
