"""harness.traced_run: a small program in its own traced process, and the spans it made."""

from harness.traced_run import run_traced

_TWO_SPANS = """
from ddtrace.trace import tracer
with tracer.trace("guide.first", service="guide"):
    pass
with tracer.trace("guide.second", service="guide"):
    pass
"""


def test_a_program_that_ends_well_gives_its_spans(services):
    run = run_traced(services, _TWO_SPANS, label="good", spans=2)
    assert run.returncode == 0, run.stderr
    assert [span["name"] for span in run.spans] == ["guide.first", "guide.second"]
    assert repr(run) == "good: ok; 2 span(s)"


def test_a_program_that_fails_gives_the_spans_it_made_and_its_error(services):
    # It asks for three spans and makes one: the one it made reached the agent as the
    # process exited, and the run reports it with the exception that ended the program.
    code = _TWO_SPANS.replace('with tracer.trace("guide.second"', 'raise KeyError("cart:42")\nwith tracer.trace("x"')
    run = run_traced(services, code, label="broken", spans=3)
    assert run.returncode == 1
    assert [span["name"] for span in run.spans] == ["guide.first"]
    assert run.last_error_line == "KeyError: 'cart:42'"
    assert repr(run) == "broken: exit 1: KeyError: 'cart:42'; 1 span(s)"
