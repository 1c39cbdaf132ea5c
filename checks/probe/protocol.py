"""The one line the probe prints for the parent: a marker, then JSON."""

import json

RESULT_MARKER = "@@checks-probe-result@@ "


def encode(payload: dict) -> str:
    return RESULT_MARKER + json.dumps(payload, default=repr)


def decode(stdout: str) -> dict | None:
    """The probe's payload, or None when it printed none (it crashed or was killed)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_MARKER):
            return json.loads(line[len(RESULT_MARKER):])
    return None
