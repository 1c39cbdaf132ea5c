"""Broken: the database system is tagged under the wrong key (db.type), so db.system is missing."""

import importlib
from types import SimpleNamespace

from ddtrace.ext import db
from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

good.db = SimpleNamespace(SYSTEM="db.type", ROWCOUNT=db.ROWCOUNT)
