"""The ids of the probe's workloads: how a check names the workload it runs.

A profile's workload package (checks.profiles) holds one module per id it supports, each
with ``run(context) -> dict``. tests/checks/test_profiles.py proves that every id a
profile declares has its module, and that every check's workload is one of these.
"""

PATCHING = "patching"
COVERAGE = "coverage"
SPAN_SHAPE = "span_shape"
SCHEMA = "schema"
EXCEPTIONS = "exceptions"
CONTINUITY = "continuity"
INVISIBLE = "invisible"
CONCURRENCY = "concurrency"
DATA_EXPOSURE = "data_exposure"
SNAPSHOT = "snapshot"
OVERHEAD = "overhead"

ALL = (PATCHING, COVERAGE, SPAN_SHAPE, SCHEMA, EXCEPTIONS, CONTINUITY, INVISIBLE, CONCURRENCY,
       DATA_EXPOSURE, SNAPSHOT, OVERHEAD)
