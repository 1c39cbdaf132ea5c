"""Half written: _rows_returned() is still the starter stub of exercise mode, and the
integration catches its NotImplementedError (the guide's _tag_response() logs and swallows
its own errors), so only a missing db.row_count would show it. The checks still name it."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _rows_returned(command: str, result, default) -> int | None:
    """db.row_count for read commands: how many keys were found."""
    # TODO: write _rows_returned() as the chapter describes.
    raise NotImplementedError("_rows_returned() is not written yet")


good._rows_returned = _rows_returned
