"""Show spans the way a person reads them: a table of spans and tags, and a waterfall.

Every view renders twice: rich HTML/SVG for Jupyter and the site, and a plain-text form
that holds no ids, timestamps, durations or ports, so notebook regression tests can
compare it exactly.
"""

from traceview.table import SpanTable, span_table
from traceview.waterfall import Waterfall, waterfall

__all__ = ["SpanTable", "Waterfall", "span_table", "waterfall"]
