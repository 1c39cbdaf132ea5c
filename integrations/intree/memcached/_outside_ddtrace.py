"""What being inside ddtrace gives an integration, done at run time from outside it.

In-tree, three edits to ddtrace's own files make the integration known:
``"memcached"`` in ``INTEGRATION_CONFIGS`` (ddtrace/internal/settings/_config.py), so that
``config._add("memcached", ...)`` is accepted; ``PATCH_MODULES`` and ``_MODULES_FOR_CONTRIB``
in ddtrace/_monkey.py, so that ``patch(memcached=True)`` and ``ddtrace-run`` find it; and an
import of the subscriber in ddtrace/_trace/subscribers/__init__.py, so that its handlers are
registered when ddtrace starts. This module does the first and the last, which the spans
need; ``register_patch_module()`` does the middle one on request. All three touch private
names of ddtrace 4.16 and are for this guide's demonstration only: an integration that
lives outside ddtrace uses the public route (chapters 3 to 7).
"""

from __future__ import annotations

import sys

from ddtrace.internal.settings import _config

INTEGRATION_NAME = "memcached"
LIBRARY_MODULE = "pymemcache"


def _accept_integration_config() -> None:
    if INTEGRATION_NAME not in _config.INTEGRATION_CONFIGS:
        _config.INTEGRATION_CONFIGS = _config.INTEGRATION_CONFIGS | {INTEGRATION_NAME}


def register_patch_module() -> None:
    """Let ``ddtrace.patch(memcached=True, raise_errors=False)`` find this package, as it would
    find ddtrace/contrib/internal/memcached/patch.py (with raise_errors=True it also looks for
    that file on disk, which only an in-tree integration has)."""
    from ddtrace import _monkey

    from integrations.intree.memcached import patch as patch_module

    package = sys.modules[__package__]
    sys.modules.setdefault(f"ddtrace.contrib.internal.{INTEGRATION_NAME}", package)
    sys.modules.setdefault(f"ddtrace.contrib.internal.{INTEGRATION_NAME}.patch", patch_module)
    # Off by default, as ddtrace's pymemcache integration is on: both mark the library with
    # pymemcache._datadog_patch, so whichever patches first wins and the other does nothing.
    _monkey.PATCH_MODULES.setdefault(INTEGRATION_NAME, False)
    _monkey._MODULES_FOR_CONTRIB.setdefault(INTEGRATION_NAME, (LIBRARY_MODULE,))


_accept_integration_config()
# Importing the subscriber registers its handlers (TracingSubscriber.__init_subclass__).
from integrations.intree.memcached import subscriber  # noqa: E402,F401
