# Shared by every test under tests/. Keep it to what all of them need.

import importlib.util

# @pytest.mark.snapshot and its fixtures: snapshot tests through the real APM test agent.
pytest_plugins = ["agent_snapshots.pytest_plugin"]


def pytest_addoption(parser):
    # pyproject.toml sets pytest-notebook's nb_test_files. The riot matrix's venvs
    # (tests/contrib) do not install that plugin, and pytest would warn of an unknown
    # key on every run: declare it there, and only there.
    if importlib.util.find_spec("pytest_notebook") is None:
        parser.addini("nb_test_files", "pytest-notebook's setting (the plugin is not installed here)")
