"""Broken: importing the integration already patches the client."""

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

patch()
