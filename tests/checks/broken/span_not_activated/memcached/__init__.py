"""A memcached integration broken on purpose (see patch.py). Switch it on with patch()."""

from .patch import get_version, patch, unpatch
