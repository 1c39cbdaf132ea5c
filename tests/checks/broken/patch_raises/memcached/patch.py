"""Broken: patch() raises."""

from integrations.memcached.patch import _supported_versions, get_version, unpatch  # noqa: F401


def patch():
    raise RuntimeError("cannot find the client to patch")
