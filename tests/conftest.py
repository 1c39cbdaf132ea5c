# Shared by every test under tests/. Keep it to what all of them need.

# @pytest.mark.snapshot and its fixtures: snapshot tests through the real APM test agent.
pytest_plugins = ["agent_snapshots.pytest_plugin"]
