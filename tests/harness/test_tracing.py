"""harness.tracing: what every traced child process starts from."""

from harness.tracing import CHILD_DEFAULTS, VOLATILE_SNAPSHOT_FIELDS, VOLATILE_TAGS, child_env


def test_a_child_inherits_nothing_of_the_parents_tracer_settings():
    parent = {"PATH": "/bin", "DD_SERVICE": "shell", "_DD_TRACE_WRITER_ADDITIONAL_HEADERS": "x",
              "OTEL_SERVICE_NAME": "shell", "DD_TRACE_PYMEMCACHE_ENABLED": "true"}
    env = child_env(parent=parent)
    assert env == {"PATH": "/bin", **CHILD_DEFAULTS}


def test_settings_apply_in_order_and_none_removes():
    env = child_env({"DD_SERVICE": "a", "KEEP": "1"}, {"DD_SERVICE": "b", "DD_TRACE_STARTUP_LOGS": None},
                    parent={"PATH": "/bin"})
    assert env["DD_SERVICE"] == "b" and env["KEEP"] == "1"
    assert "DD_TRACE_STARTUP_LOGS" not in env


def test_volatile_tags_are_the_fields_names_inside_a_span():
    assert "runtime-id" in VOLATILE_TAGS and "network.destination.port" in VOLATILE_TAGS
    assert {f"meta.{tag}" for tag in VOLATILE_TAGS} | {f"metrics.{tag}" for tag in VOLATILE_TAGS} \
        >= set(VOLATILE_SNAPSHOT_FIELDS)
