"""The schema workload is the pymemcache one: it names no command of its own (one ``get``,
which both clients have) and reaches the library only through the context."""

from checks.probe.workloads.schema import run

__all__ = ["run"]
