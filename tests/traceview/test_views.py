"""Span views: parents before children, and a text form that never carries volatile values."""

from traceview import compare_spans, span_table, waterfall


def span(span_id, parent_id, start, name="memcached.command", resource="get", error=0, **meta):
    return {"span_id": span_id, "parent_id": parent_id, "trace_id": 77, "start": start,
            "duration": 1234, "name": name, "resource": resource, "service": "memcached",
            "type": "cache", "error": error,
            "meta": {"runtime-id": "abc123", **meta},
            "metrics": {"network.destination.port": 41234, "db.row_count": 1.0}}


TRACE = [span(3, 1, 300, resource="child-late"), span(1, 0, 100, name="web.request", resource="GET /"),
         span(2, 1, 200, resource="child-early", error=1, **{"error.type": "KeyError"})]


def test_table_orders_parents_before_children_and_indents_them():
    rows = span_table([TRACE], columns=("name", "resource")).rows
    assert [row[1] for row in rows] == ["GET /", "child-early", "child-late"]
    assert rows[1][0].startswith("  ")


def test_text_forms_hold_no_ids_ports_or_durations():
    text = repr(span_table(TRACE, all_tags=True)) + repr(waterfall(TRACE))
    for volatile in ("41234", "1234", "abc123", "77"):
        assert volatile not in text
    assert "db.row_count" in text and "error.type" in text


def test_integer_metrics_show_as_integers():
    assert "1.0" not in repr(span_table(TRACE, tags=("db.row_count",)))


def test_waterfall_marks_errors_and_draws_one_bar_per_span():
    view = waterfall(TRACE, title="t")
    assert "child-early  ✗ error" in repr(view)
    assert view._repr_svg_().count("<rect") == 3


def test_compared_spans_show_volatile_values_as_placeholders():
    ours, theirs = span(1, 0, 100), span(2, 0, 100, component="other")
    rows = compare_spans({"ours": ours, "theirs": theirs},
                         ["network.destination.port", "runtime-id", "component", "db.row_count"]).rows
    assert rows == [["network.destination.port", "(port)", "(port)", ""],
                    ["runtime-id", "(varies)", "(varies)", ""],
                    ["component", "", "other", "≠"],
                    ["db.row_count", "1", "1", ""]]
