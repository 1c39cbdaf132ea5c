import pytest

from harness import Services


@pytest.fixture(scope="module")
def services():
    with Services() as running:
        yield running
