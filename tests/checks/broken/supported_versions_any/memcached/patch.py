"""Broken: _supported_versions() keeps the skeleton's "*": any pymemcache version at all."""

from integrations.memcached.patch import get_version, patch, unpatch  # noqa: F401


def _supported_versions() -> dict[str, str]:
    return {"pymemcache": "*"}
