"""What the workloads of every library agree on with the checks: the labels of their windows
and spans, and the sizes of their runs. A profile's workload (checks.profiles) uses these,
so one check judges the workloads of every library alike.
"""

# Trace continuity: commands inside an application span (one succeeding, one failing), and
# two outside any span.
CONTINUITY_APP_SPAN = "checks.request"
INSIDE = (  # (window label, whether the command fails)
    ("inside an application span", False),
    ("inside an application span, the command failing", True),
)
OUTSIDE = "outside any span"
APP_SPAN = CONTINUITY_APP_SPAN

# Concurrency: threads, each with an application span of its own around its commands.
THREADS = 8
COMMANDS = 50  # per thread
THREAD_SPAN = "checks.thread"
THREADS_WINDOW = "threads"


def thread_resource(thread: int) -> str:
    return f"thread {thread}"


def describe_span(span) -> str:
    """How a workload names the span active at some moment."""
    return f"{span.name} (resource {span.resource})" if span else "none"
