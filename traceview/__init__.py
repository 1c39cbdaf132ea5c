"""Show spans and code the way a person reads them: span tables, waterfalls, spans side by
side (compare), plain tables (tables.Table) and highlighted source (source, loaded on its
own: it needs IPython).

Every view renders twice: rich HTML/SVG for Jupyter and the site, and a plain-text form
that holds no ids, timestamps, durations or ports, so notebook regression tests can
compare it exactly.
"""

from traceview.compare import compare_spans
from traceview.table import SpanTable, span_table
from traceview.tables import Table
from traceview.waterfall import Waterfall, waterfall

__all__ = ["SpanTable", "Table", "Waterfall", "compare_spans", "span_table", "waterfall"]
