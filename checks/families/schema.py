"""Service naming: the service (and peer.service) under each naming schema and override.

ddtrace reads the schema once, when it is imported, so every configuration runs in a
process of its own. The processes run in parallel; the result is one table, a row per
configuration and tag, observed beside expected.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from checks.expectations import APP_SERVICE, DEFAULT_SERVICE, OVERRIDE_SERVICE
from checks.families.common import new_result, no_spans_case, record_probe_failure
from checks.report import Case
from checks.snapshots import SCHEMA
from traceview.spans import tag

ID = "schema"
TITLE = "Service naming schema"
CHAPTER = "05-service-naming"
PROMISE = ("the service is the integration's default on v0, the application's DD_SERVICE on v1 "
           "(or when integration service names are removed), DD_<NAME>_SERVICE overrides both, "
           "and v1 adds peer.service from out.host")

REMOVE_NAMES = "DD_TRACE_REMOVE_INTEGRATION_SERVICE_NAMES_ENABLED"

HINT_DEFAULT = ("pass service=schematize_service_name('memcached') (ddtrace.internal.schema): "
                "it gives 'memcached' on v0 and the application's service on v1")
HINT_OVERRIDE = ("read {env} (read it when the span is made, or at import) and use it, when set, "
                 "instead of the schematized default")
HINT_PEER = ("peer.service is added by ddtrace on v1 for client spans from out.host: tag "
             "span.kind 'client' and out.host")


def configurations(service_env: str) -> list[tuple[str, dict, str]]:
    """(label, environment, expected service) for each case of the matrix."""
    return [
        ("no schema set", {}, DEFAULT_SERVICE),
        ("v0", {SCHEMA: "v0"}, DEFAULT_SERVICE),
        ("v1", {SCHEMA: "v1"}, APP_SERVICE),
        (f"v0 + {REMOVE_NAMES}=true", {SCHEMA: "v0", REMOVE_NAMES: "true"}, APP_SERVICE),
        (f"v0 + {service_env}", {SCHEMA: "v0", service_env: OVERRIDE_SERVICE}, OVERRIDE_SERVICE),
        (f"v1 + {service_env}", {SCHEMA: "v1", service_env: OVERRIDE_SERVICE}, OVERRIDE_SERVICE),
    ]


def _cases(label: str, env: dict, expected: str, probe, service_env: str) -> list[Case]:
    spans = probe.spans_in("get")
    if not spans:
        case = no_spans_case("service")
        case.setting = label
        return [case]
    span = spans[0]
    hint = HINT_OVERRIDE.format(env=service_env) if service_env in env else HINT_DEFAULT
    service = span.get("service")
    cases = [Case("service", service == expected, observed=repr(service), expected=repr(expected),
                  hint=hint, setting=label)]
    if env.get(SCHEMA) == "v1" and service_env not in env:
        host = probe.result["host"]
        peer = tag(span, "peer.service")
        cases.append(Case("peer.service", peer == host, observed=repr(peer) if peer else "(missing)",
                          expected=f"{host!r} (from out.host)", hint=HINT_PEER, setting=label))
    return cases


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    matrix = configurations(context.target.service_env)
    with ThreadPoolExecutor(max_workers=len(matrix)) as pool:
        probes = list(pool.map(lambda config: context.probe("schema", extra_env=config[1]), matrix))
    for (label, env, expected), probe in zip(matrix, probes):
        if record_probe_failure(probe, result, context.timeout):
            return result
        result.cases += _cases(label, env, expected, probe, context.target.service_env)
    return result
