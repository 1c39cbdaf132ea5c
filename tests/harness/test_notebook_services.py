"""A notebook re-run in the same kernel gets the agent back on the port its tracer knows."""

import os

from harness import notebook


def test_rerun_reuses_running_services_and_agent_port(monkeypatch):
    monkeypatch.delenv("DD_TRACE_AGENT_URL", raising=False)
    first = notebook.start_services()
    try:
        assert notebook.start_services() is first
        port = first.agent.port
        assert os.environ["DD_TRACE_AGENT_URL"] == f"http://127.0.0.1:{port}"
        notebook.stop_services()
        second = notebook.start_services()
        assert second is not first and second.agent.port == port
    finally:
        notebook.stop_services()
