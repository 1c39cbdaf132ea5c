"""What a library profile holds (see checks/profiles/__init__.py); standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# The application's service in every traced subprocess: fixed, so v1 results and
# snapshots do not depend on how the process was started.
APP_SERVICE = "checks-app"
# The value a check puts in DD_<NAME>_SERVICE to see that the integration honours it.
OVERRIDE_SERVICE = "checks-custom-cache"
REFERENCE_ROOT = Path(__file__).resolve().parent.parent / "reference_snapshots"


@dataclass(frozen=True)
class Profile:
    name: str                # --library NAME
    library: str             # the distribution an integration instruments (its version is judged)
    server: str              # the harness service the workloads talk to: "memcached" or "redis"
    workloads: str           # the package holding one module per workload id
    workloads_available: tuple[str, ...]  # the workload ids it has: checks needing others do not apply
    builtin: str             # ddtrace's own integration of the library (the reference)
    builtin_setting: str     # DD_TRACE_<this>_ENABLED switches the built-in on or off
    client_class: str        # what an integration wraps, as hints name it
    # What each span must be
    operation_name: str
    span_type: str
    span_type_constant: str  # its name in ddtrace.ext.SpanTypes, for the hint
    db_system: str
    default_service: str     # the integration's own service on the v0 schema
    # The data commands that must each make one span, and the resource each span carries
    covered_commands: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)  # a second name -> its command
    upper_case_resources: bool = False
    row_count_rule: str = "1 when a key was found, 0 when none was"  # what db.row_count counts
    # Data exposure: the opt-in to the command text, and the tag that holds it
    command_text_setting: str = ""
    command_text_tag: str = ""
    span_kind: str = "client"
    # Whether the schema check asks for no span under DD_TRACE_ENABLED=false: only where the
    # built-in, the profile's reference, keeps that promise itself.
    no_span_when_tracing_off: bool = True
    reference_dir: Path = REFERENCE_ROOT

    def resource(self, command: str) -> str:
        """The resource of a span of ``command`` (its canonical name)."""
        return command.upper() if self.upper_case_resources else command

    @property
    def alias_example(self) -> str:
        """An alias to name in the words of a check: a read's when there is one."""
        reads = [alias for alias, command in self.aliases.items() if command.startswith("get")]
        return (reads or list(self.aliases) or [""])[0]

    @property
    def cache_provider(self) -> str:
        return self.db_system
