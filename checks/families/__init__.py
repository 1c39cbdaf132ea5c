"""The checks, one module per family, each with ``ID``, ``TITLE``, ``PROMISE``, ``CHAPTER`` (the
guide's chapter that teaches it) and ``run(context)``; ``NEEDS_SERVICES = False`` marks a
static check that reads the package's files and starts nothing.

``run`` starts the probe(s) its family needs (checks.runner), reads their spans from the
test agent and turns what it saw into a CheckResult: one Case per promise, with the
observed and expected values and a hint on how to fix a failure.
"""

from checks.families import (concurrency, continuity, coverage, data_exposure, documented, exceptions, invisible,
                             patching, schema, snapshot, span_shape)

# The front door last: chapter 7 writes the docstring once the rest works.
FAMILIES = {module.ID: module for module in
            (patching, coverage, span_shape, schema, exceptions, continuity, invisible, concurrency, data_exposure,
             snapshot, documented)}
ORDER = tuple(FAMILIES)
