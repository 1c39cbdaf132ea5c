"""Broken: only the commands' own names are wrapped, so get_multi, set_multi and delete_multi
(the same functions under a second name) are left untraced."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

good.COMMANDS = {attribute: command for attribute, command in good.COMMANDS.items() if attribute == command}
