"""One workload per check family, run inside the probe subprocess.

Each module has ``run(context) -> dict``: it drives pymemcache through the integration
under test inside time windows (context.window) and returns what only this process can
see (exceptions, identities of objects, errors of patch()/unpatch()). The spans are read
from the test agent by the parent.
"""


def describe_error(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
