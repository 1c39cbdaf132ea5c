"""A memcached integration broken on purpose (see patch.py). Switch it on with patch().

It reads DD_TRACE_MEMCACHED_COMMAND_ENABLED, wrongly.
"""

from .patch import get_version, patch, unpatch
