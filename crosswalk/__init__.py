"""The same memcached commands traced by ddtrace and by OpenTelemetry, side by side (chapter 9).

- ``workload``: the workload and the four ways of tracing it, each in its own process;
- ``otel_run``: runs a workload under OpenTelemetry's pymemcache instrumentation, reads its spans;
- ``otlp_export``: inside that child, sends the SDK's spans to the test agent as OTLP;
- ``otel_spans``: the agent's OTLP JSON as flat span records;
- ``table``: the crosswalk, computed from the spans of every way;
- ``semconv`` and ``vocabulary``: what the installed semantic conventions say about each key.
"""
