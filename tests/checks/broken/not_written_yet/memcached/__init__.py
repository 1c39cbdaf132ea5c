"""A memcached integration half written (exercise mode, see patch.py). Switch it on with patch()."""

from .patch import get_version, patch, unpatch
