"""The checks, one module per family, each with ``ID``, ``TITLE``, ``PROMISE`` and ``run(context)``.

``run`` starts the probe(s) its family needs (checks.runner), reads their spans from the
test agent and turns what it saw into a CheckResult: one Case per promise, with the
observed and expected values and a hint on how to fix a failure.
"""

from checks.families import coverage, exceptions, invisible, patching, schema, snapshot, span_shape

FAMILIES = {module.ID: module for module in
            (patching, coverage, span_shape, schema, exceptions, invisible, snapshot)}
ORDER = tuple(FAMILIES)
