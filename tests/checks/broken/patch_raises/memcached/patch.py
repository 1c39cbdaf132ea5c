"""Broken: patch() raises."""

from integrations.memcached.patch import get_version, unpatch  # noqa: F401


def patch():
    raise RuntimeError("cannot find the client to patch")
