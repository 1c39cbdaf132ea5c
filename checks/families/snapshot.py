"""Snapshot: the spans of a fixed workload match those of ddtrace's own integration of the library.

The test agent compares the spans it received with the committed reference snapshot
(checks.snapshots, through agent_snapshots), and explains any difference in its own
words; the reader sees that explanation.
"""

from __future__ import annotations

import re

from agent_snapshots.snapshots import read_report

from checks import workload_ids
from checks.cases import no_spans_case
from checks.check import Check, Setting
from checks.report import Case
from checks.runner import ROOT
from checks.snapshots import CASES, compare, reference_path

HINT = ("read the test agent's explanation: it names the span and the field that differ; make "
        "your spans carry the same names, tags and metrics as the reference (in "
        "{directory}), db.row_count included")
# The one difference whose fix is not to add or change a tag: who set the service.
HINT_SERVICE_SOURCE = ("_dd.svc_src differs: open the span without service= and give it its service "
                       "through set_service_and_source (ddtrace.contrib.internal.trace_utils), "
                       "as chapter 5 does; a service= on tracer.trace marks it 'm', the user's choice. "
                       "Already so? Then the '_default_service' you pass it must be schematized too "
                       "(schematize_service_name): otherwise, on v1 only, the application's service "
                       "is taken for a name the user chose ('m')")


def _summary(message: str) -> tuple[str, str]:
    """(the agent's conclusion, where it was reached): the parts of its explanation that
    are the same on every run. The full message, with the received span's ids, ports and
    timings, goes to the HTML report only."""
    report = read_report(message)
    # "'memcached.command','memcached.command',..." (one per missing trace) -> "'memcached.command' ×8"
    conclusion = re.sub(r"('[^']*')(?:,\1)+", lambda m: f"{m.group(1)} ×{m.group(0).count(m.group(1))}",
                        report.verdict)
    where = [line.rstrip(":").replace("At compare of", "compared") for line in report.compared]
    if report.expected_resources:
        where.append(f"in the span of the {report.expected_resources[-1]!r} command")
    return conclusion or message.strip(), "; ".join(where)


def _settings(context) -> list[Setting]:
    return [Setting(f"{case} schema", env, case) for case, env in CASES]


def _judge(context, probe, setting: Setting) -> list[Case]:
    case, profile = setting.expect, context.profile
    if not probe.spans:
        return [no_spans_case(profile, setting.label)]
    expected = f"matches {case}.json"
    if not reference_path(profile, case).is_file():
        message = (f"the reference snapshot {reference_path(profile, case)} is missing: record it with "
                   f"`.venv/bin/python -m checks.record_reference --library {profile.name}`")
    else:
        message = compare(probe.session, profile, case, context.target.name, probe.result["namespace"],
                          context.services.snapshot_dir)
    if message is None:
        return [Case(setting.label, True, observed=expected, expected=expected)]
    conclusion, where = _summary(message)
    result = context.result
    result.detail = "\n".join(filter(None, [result.detail, f"{setting.label}, the test agent {where}: {conclusion}"
                                            if where else f"{setting.label}: {conclusion}"]))
    result.raw_detail = "\n\n".join(filter(None, [result.raw_detail, f"--- {setting.label} ---\n{message.strip()}"]))
    directory = profile.reference_dir.relative_to(ROOT).as_posix() + "/"
    hint = HINT_SERVICE_SOURCE if "'_dd.svc_src'" in conclusion else HINT.format(directory=directory)
    return [Case(setting.label, False, observed=f"differs: {conclusion}", expected=expected, hint=hint)]


def _promise(profile) -> str:
    return ("on the default and v1 schemas, the spans of a fixed workload (hits, misses, multi-key "
            "reads, counters, deletes, a failing command) match the reference recorded from "
            f"ddtrace's own {profile.library} integration, all but volatile fields; component and "
            f"_dd.svc_src carry the integration's own name where the reference has "
            f"{profile.builtin.rsplit('.', 1)[-1]!r}")


CHECK = Check(
    id="snapshot", title="Snapshot", chapter="07-putting-it-together", workload=workload_ids.SNAPSHOT,
    promise=_promise,
    summary="The spans of a fixed workload match the reference from ddtrace's own integration.",
    settings=_settings, judge=_judge, needs_spans=False)
