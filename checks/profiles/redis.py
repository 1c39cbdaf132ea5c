"""The redis profile: redis-py against a real redis-server, judged by ddtrace's redis conventions.

redis-py sends every command through one method, ``Redis.execute_command``; ddtrace's
integration wraps it (and the pipeline's) and names each span's resource after the
command sent (``GET``, ``INCRBY``). Its reference snapshots were recorded from
ddtrace.contrib.internal.redis: checks/reference_snapshots/redis/<case>.json
(``python -m checks.record_reference --library redis``).

Not every family applies: ddtrace's redis integration always records the command with its
arguments in ``redis.raw_command`` (truncated, obfuscated by the Datadog Agent), with no
setting to opt in, so the data exposure check, written for an opt-in, is left out.
"""

from checks.profiles.profile import REFERENCE_ROOT, Profile

WORKLOADS = ("patching", "coverage", "span_shape", "schema", "exceptions", "continuity", "invisible",
             "concurrency", "snapshot", "overhead")

PROFILE = Profile(
    name="redis",
    library="redis",
    server="redis",
    workloads="checks.probe.redis",
    workloads_available=WORKLOADS,
    builtin="ddtrace.contrib.internal.redis",
    builtin_setting="REDIS",
    client_class="redis.Redis (its execute_command)",
    operation_name="redis.command",
    span_type="redis",
    span_type_constant="REDIS",
    db_system="redis",
    default_service="redis",
    # The commands redis-py sends for strings, counters, keys, hashes and lists; each must
    # make one span whose resource is the command sent, in capitals.
    covered_commands=("set", "get", "mset", "mget", "append", "incrby", "decrby", "exists", "expire",
                      "hset", "hget", "lpush", "lrange", "del"),
    # redis-py stores decrby under a second name; either way DECRBY is sent.
    aliases={"decr": "decrby"},
    upper_case_resources=True,
    # ddtrace's redis integration (4.16) starts its spans even with DD_TRACE_ENABLED=false:
    # it does not ask is_tracing_enabled(), as pymemcache's does. The spans are never sent,
    # but the schema check's tracing-off row would fail the reference itself.
    no_span_when_tracing_off=False,
    row_count_rule="1 when GET found the key, 0 when it did not; for MGET, the number of keys found",
    reference_dir=REFERENCE_ROOT / "redis",
)
