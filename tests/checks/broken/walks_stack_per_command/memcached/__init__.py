"""A memcached integration broken on purpose (see patch.py). Switch it on with patch()."""

from .patch import _supported_versions, get_version, patch, unpatch  # noqa: F401
