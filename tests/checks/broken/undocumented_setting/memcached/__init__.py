"""Tracing for the pymemcache memcached client.

Call ``patch()`` once at start-up::

    from memcached import patch
    patch()

(Broken: the service variable that patch.py reads is not named here.)
"""

from .patch import get_version, patch, unpatch
