"""Broken: the package defines unpatch() and get_version(), but no patch()."""

from integrations.memcached.patch import get_version, unpatch  # noqa: F401
