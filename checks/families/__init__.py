"""The checks, one module per family, each declaring ``CHECK`` (checks.check.Check): its id,
title, chapter, promise, the workload it runs (a checks.workload_ids id) and its judge.

The judge reads what the workload's probe(s) saw (spans from the test agent, the
workload's own result) and returns one Case per promise, with the observed and expected
values and a hint on how to fix a failure. Starting probes and reporting a probe that hung
or crashed is checks.check's, once for all.
"""

from checks.families import (concurrency, continuity, coverage, data_exposure, documented, exceptions, invisible,
                             overhead, patching, schema, snapshot, span_shape)

# The front door last: chapter 7 writes the docstring once the rest works.
CHECKS = {module.CHECK.id: module.CHECK for module in
          (patching, coverage, span_shape, schema, exceptions, continuity, invisible, concurrency, data_exposure,
           snapshot, overhead, documented)}
ORDER = tuple(CHECKS)
