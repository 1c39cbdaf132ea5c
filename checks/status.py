"""The words a report uses for the state of a case or a check, shared by report.py and render.py."""

PASS, FAIL = "✓", "✗"
# The observed value of a case that failed because a starter stub still raises
# NotImplementedError: work to do, not a defect (see checks/probe/stubs.py).
NOT_WRITTEN = "not written yet"
KEPT, BROKEN = "kept", "broken"  # with NOT_WRITTEN: a check's status in the progress view
