"""Tracing for __library__, written outside ddtrace.

Call ``patch()`` once at start-up::

    from integrations.__integration__ import patch
    patch()
"""

from .patch import get_version, patch, unpatch

__all__ = ["get_version", "patch", "unpatch"]
