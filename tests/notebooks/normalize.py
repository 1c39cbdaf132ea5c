"""What varies between two correct runs of a notebook, and is masked before comparing.

Each entry: (diff path, regular expression, replacement). Our renderers already keep
timings and ids out of their plain-text form; these catch what the reader's own code
prints (addresses, versions, ids) and what ddtrace puts in messages.
"""

import re

from harness.tracing import VOLATILE_TAGS

OUTPUTS = "/cells/*/outputs"
# A span tag that changes on every run, printed with its value ('runtime-id': '…', process_id=…).
_VOLATILE_TAG_VALUE = (r"""(['"]?(?:""" + "|".join(re.escape(tag) for tag in sorted(VOLATILE_TAGS))
                       + r""")['"]?\s*[:=]\s*)(['"]?)[^'",}\s]+""")

DIFF_REPLACE = (
    (OUTPUTS, r"127\.0\.0\.1:\d+", "127.0.0.1:PORT"),
    (OUTPUTS, r"\b(port[ =:]+)\d{2,5}\b", r"\1PORT"),
    (OUTPUTS, r"http://127\.0\.0\.1:\d+", "http://127.0.0.1:PORT"),
    (OUTPUTS, r"\b[0-9a-f]{32}\b", "HEX32"),                       # trace ids, runtime ids
    (OUTPUTS, r"\bguide-[0-9a-f]{12}\b", "SESSION-TOKEN"),
    (OUTPUTS, r"\b\d{16,20}\b", "BIG-ID"),                          # span ids, start times
    (OUTPUTS, r"\b\d+(\.\d+)? ?(ms|µs|us|s)\b(?! *\|)", "DURATION"),
    (OUTPUTS, r"/tmp/[\w./-]+", "/tmp/PATH"),
    (OUTPUTS, r"\b0x[0-9a-f]+\b", "0xADDR"),
    (OUTPUTS, _VOLATILE_TAG_VALUE, r"\1\2VOLATILE"),
)

# Only plain-text outputs are compared; rich outputs and execution bookkeeping are not.
DIFF_IGNORE = (
    "/cells/*/outputs/*/data/text/html",
    "/cells/*/outputs/*/data/image/svg+xml",
    "/cells/*/outputs/*/data/image/png",
    "/cells/*/outputs/*/data/application/vnd.jupyter.widget-view+json",
    "/cells/*/outputs/*/execution_count",
    "/cells/*/outputs/*/metadata",
    "/cells/*/execution_count",
    "/cells/*/metadata",
    "/metadata",
)
