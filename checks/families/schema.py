"""Service naming: the service (and peer.service) under each naming schema and override.

ddtrace reads the schema once, when it is imported, so every configuration runs in a
process of its own. The processes run in parallel; the result is one table, a row per
configuration and tag, observed beside expected.
"""

from __future__ import annotations

from checks import workload_ids
from checks.cases import no_spans_case
from checks.check import Check, Setting
from checks.profiles import APP_SERVICE, OVERRIDE_SERVICE
from checks.report import Case
from checks.snapshots import SCHEMA
from traceview.spans import tag

REMOVE_NAMES = "DD_TRACE_REMOVE_INTEGRATION_SERVICE_NAMES_ENABLED"
TRACING_OFF = "DD_TRACE_ENABLED=false"

HINT_DEFAULT = ("open the span without a service and give it schematize_service_name({service!r}) "
                "(ddtrace.internal.schema) through set_service_and_source "
                "(ddtrace.contrib.internal.trace_utils): {service!r} on v0, the application's "
                "service on v1, and _dd.svc_src as the built-ins set it (a service= would mark it 'm')")
# The default given as it is, where the schema would have given the application's service:
# the most common slip (an override read with the raw default as its fallback).
HINT_NOT_SCHEMATIZED = ("the service stayed {service!r} where the schema gives the application's: "
                        "when no override is set, the service must be schematize_service_name({service!r}) "
                        "(ddtrace.internal.schema), not {service!r} itself; an override read with "
                        "os.environ.get(NAME, default) needs the schematized default as its fallback")
HINT_OVERRIDE = ("read {env} (read it when the span is made, or at import) and use it, when set, "
                 "instead of the schematized default")
HINT_TRACING_OFF = ("with DD_TRACE_ENABLED=false nothing is sent, so a span is work for nothing: check "
                    "tracer.enabled first in the wrapper and, when it is false, only make the call "
                    "(`return wrapped(*args, **kwargs)`), as chapter 5 does")
HINT_PEER = ("peer.service is added by ddtrace on v1 for client spans from out.host: tag "
             "span.kind 'client' and out.host")


def configurations(context) -> list[Setting]:
    """One setting per case of the matrix, expecting its service."""
    env, default = context.target.service_env, context.profile.default_service
    tracing_off = [Setting(TRACING_OFF, {"DD_TRACE_ENABLED": "false"}, None)]  # no span, no service
    return [
        Setting("no schema set", {}, default),
        Setting("v0", {SCHEMA: "v0"}, default),
        Setting("v1", {SCHEMA: "v1"}, APP_SERVICE),
        Setting(f"v0 + {REMOVE_NAMES}=true", {SCHEMA: "v0", REMOVE_NAMES: "true"}, APP_SERVICE),
        Setting(f"v0 + {env}", {SCHEMA: "v0", env: OVERRIDE_SERVICE}, OVERRIDE_SERVICE),
        Setting(f"v1 + {env}", {SCHEMA: "v1", env: OVERRIDE_SERVICE}, OVERRIDE_SERVICE),
    ] + (tracing_off if context.profile.no_span_when_tracing_off else [])


def _judge(context, probe, setting: Setting) -> list[Case]:
    label, env, expected, service_env = setting.label, setting.env, setting.expect, context.target.service_env
    if label == TRACING_OFF:
        started = probe.facts["spans_started"]
        return [Case("no span while tracing is off", started == 0,
                     observed=f"{started} span{'s' if started != 1 else ''} started", expected="none",
                     hint=HINT_TRACING_OFF, setting=label)]
    spans = probe.spans_in("get")
    if not spans:
        case = no_spans_case(context.profile, "service")
        case.setting = label
        return [case]
    span = spans[0]
    service, default = span.get("service"), context.profile.default_service
    if service_env in env:
        hint = HINT_OVERRIDE.format(env=service_env)
    elif service == default and expected != default:
        hint = HINT_NOT_SCHEMATIZED.format(service=default)
    else:
        hint = HINT_DEFAULT.format(service=default)
    cases = [Case("service", service == expected, observed=repr(service), expected=repr(expected),
                  hint=hint, setting=label)]
    if env.get(SCHEMA) == "v1" and service_env not in env:
        host = probe.result["host"]
        peer = tag(span, "peer.service")
        cases.append(Case("peer.service", peer == host, observed=repr(peer) if peer else "(missing)",
                          expected=f"{host!r} (from out.host)", hint=HINT_PEER, setting=label))
    return cases


CHECK = Check(
    id="schema", title="Service naming schema", chapter="05-service-naming", workload=workload_ids.SCHEMA,
    promise=lambda profile: (
        "the service is the integration's default on v0, the application's DD_SERVICE on v1 "
        "(or when integration service names are removed), DD_<NAME>_SERVICE overrides both, "
        "and v1 adds peer.service from out.host" + (
            "; with DD_TRACE_ENABLED=false no span is started" if profile.no_span_when_tracing_off else "")),
    summary="The service under each naming schema and DD_<NAME>_SERVICE, side by side.",
    settings=configurations, judge=_judge, needs_spans=False)
