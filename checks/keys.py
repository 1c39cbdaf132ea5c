"""Keys of a probe: namespaced so parallel probes on one memcached never meet.

The namespace is random, so it is scrubbed from anything shown to the reader.
"""

import re
import uuid

_NAMESPACE = re.compile(r"checks-[0-9a-f]{10}-")


def new_namespace() -> str:
    return f"checks-{uuid.uuid4().hex[:10]}-"


def scrub(text):
    """``text`` without key namespaces (non-strings are returned as they are)."""
    return _NAMESPACE.sub("", text) if isinstance(text, str) else text
