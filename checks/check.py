"""One check, declared: its id, title and promise, the workload it runs, and how it judges.

Each family module declares ``CHECK = Check(...)``. Running one is the same for all
(``run_check``): start its probes (one per setting, side by side), turn a probe that did
not finish into the result's error, and let the judge turn what each probe saw into cases.
A judge never starts a process and never handles a hung or crashed probe.
"""

from __future__ import annotations

import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Sequence

from harness import ServiceError

from checks.cases import blame_stubs, no_spans_case, record_probe_failure
from checks.profiles import Profile
from checks.report import Case, CheckResult
from checks.runner import DEFAULT_TIMEOUT, ProbeRun, run_probe
from checks.target import Target


@dataclass(frozen=True)
class Setting:
    """One configuration a check runs its workload under: a label for its cases ('' when the
    check has one), the environment of the traced process, and what the judge expects there."""
    label: str = ""
    env: dict = field(default_factory=dict)
    expect: object = None


@dataclass
class CheckContext:
    services: object
    target: Target
    profile: Profile
    timeout: float = DEFAULT_TIMEOUT
    result: CheckResult | None = None                   # the judge may add evidence (detail)
    runs: list[ProbeRun] = field(default_factory=list)  # this check's probes, for blame_stubs


def _one_setting(context: CheckContext) -> Sequence[Setting]:
    return (Setting(),)


@dataclass(frozen=True)
class Check:
    id: str                 # e.g. "span_shape": the CLI's --check and the notebook's check.<id>()
    title: str              # e.g. "Span shape"
    chapter: str            # the guide's chapter that teaches it, e.g. "04-tracing-commands"
    promise: Callable[[Profile], str]  # one sentence, in the words of the profile's library
    summary: str            # one line: the notebook function's docstring
    # judge(context, probe, setting) -> the cases of that setting (probe None: a static check)
    judge: Callable[[CheckContext, ProbeRun | None, Setting], list[Case]]
    workload: str | None = None  # a checks.workloads id; None: static, starts nothing
    settings: Callable[[CheckContext], Sequence[Setting]] = _one_setting
    needs_spans: bool = True     # no span at all fails the setting before the judge is asked
    # what a check still says when a starter stub stopped its workload (patching's versions)
    when_stopped: Callable[[CheckContext, ProbeRun], list[Case]] | None = None

    @property
    def needs_services(self) -> bool:
        return self.workload is not None

    def applies_to(self, profile: Profile) -> bool:
        return self.workload is None or self.workload in profile.workloads_available


def _probe(check: Check, context: CheckContext, setting: Setting) -> ProbeRun | None:
    if check.workload is None:
        return None
    run = run_probe(context.services, context.target, context.profile, check.workload,
                    timeout=context.timeout, extra_env=setting.env)
    context.runs.append(run)
    return run


def _judge(check: Check, context: CheckContext) -> None:
    result = context.result
    settings = list(check.settings(context))
    with ThreadPoolExecutor(max_workers=len(settings)) as pool:
        probes = list(pool.map(lambda setting: _probe(check, context, setting), settings))
    for setting, probe in zip(settings, probes):
        if probe is not None and record_probe_failure(probe, result, context.timeout):
            if result.cases and check.when_stopped:  # stopped by a stub: still judge what it can
                result.cases += check.when_stopped(context, probe)
            return
        if probe is not None and check.needs_spans and not probe.spans:
            case = no_spans_case(context.profile)
            case.setting = setting.label
            result.cases += [case] + (check.when_stopped(context, probe) if check.when_stopped else [])
            continue
        result.cases += check.judge(context, probe, setting)


def run_check(check: Check, services, target: Target, profile: Profile, timeout: float) -> CheckResult:
    """Run one check; never raises: what goes wrong is the result's error."""
    result = CheckResult(check=check.id, title=check.title, promise=check.promise(profile), chapter=check.chapter)
    context = CheckContext(services, target, profile, timeout, result)  # one per check: its own probes
    try:
        _judge(check, context)
        blame_stubs(result, context.runs)
    except ServiceError as error:
        result.cases = []
        result.error = f"a service stopped answering during the check: {error.cause}"
        result.error_hint = error.fix
        exited = [server.exit_note() for server in services.servers()] if services else []
        result.detail = "\n".join(note for note in exited if note)  # which one died, and its log
    except Exception as error:  # a defect of the kit itself: report it, never raise
        result.cases = []
        result.error = f"the check kit failed: {type(error).__name__}: {error}"
        result.error_hint = "this is a bug of checks/, not of the integration: please report it"
        result.detail = traceback.format_exc(limit=-4)
    return result
