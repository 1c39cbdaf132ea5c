"""The pymemcache profile (the default): the guide's own library, against a real memcached.

Its reference snapshots were recorded from ddtrace's pymemcache integration:
checks/reference_snapshots/<case>.json (``python -m checks.record_reference``).
"""

from checks.profiles.profile import REFERENCE_ROOT, Profile

WORKLOADS = ("patching", "coverage", "span_shape", "schema", "exceptions", "continuity", "invisible",
             "concurrency", "data_exposure", "snapshot", "overhead")

PROFILE = Profile(
    name="pymemcache",
    library="pymemcache",
    server="memcached",
    workloads="checks.probe.workloads",
    workloads_available=WORKLOADS,
    builtin="ddtrace.contrib.internal.pymemcache",
    builtin_setting="PYMEMCACHE",
    client_class="pymemcache.client.base.Client",
    operation_name="memcached.command",
    span_type="cache",
    span_type_constant="CACHE",
    db_system="memcached",
    default_service="memcached",
    # Writes, reads, deletes, counters, multi-key commands, compare-and-set and touch.
    # Administrative commands (stats, version, flush_all, quit) are not required.
    covered_commands=(
        "set", "set_many", "add", "replace", "append", "prepend", "cas",
        "get", "get_many", "gets", "gets_many",
        "delete", "delete_many", "incr", "decr", "touch",
    ),
    # pymemcache stores these functions under a second name: an integration reports an
    # alias under the canonical command's name.
    aliases={"set_multi": "set_many", "get_multi": "get_many", "delete_multi": "delete_many"},
    # Named as ddtrace's own pymemcache integration names them. Keys only when it is on;
    # stored values never.
    row_count_rule=("1 when the key was found, 0 when the call returned the caller's default; the "
                    "default is the second positional argument of get and gets, or the keyword default="),
    command_text_setting="DD_TRACE_MEMCACHED_COMMAND_ENABLED",
    command_text_tag="memcached.query",
    reference_dir=REFERENCE_ROOT,
)
