"""Broken: the caller's default is read by position for get only, so gets(key, default)
on a miss reports a row (the guide's own bug until the row-count case found it)."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

good = importlib.import_module("integrations.memcached.patch")
_rows_returned = good._rows_returned


def _positional_default_for_get_only(span, command, result, args, kwargs):
    default = kwargs.get("default", args[1] if command == "get" and len(args) > 1 else None)
    rows = _rows_returned(command, result, default)
    if rows is not None:
        span.set_metric("db.row_count", rows)


good._tag_response = _positional_default_for_get_only
