"""The pymemcache profile's workloads, run inside the probe subprocess, with its client and recorder.

Each module (named by its id, checks.workload_ids) has ``run(context) -> dict``: it drives
pymemcache through the integration
under test inside time windows (context.window) and returns what only this process can
see (exceptions, identities of objects, errors of patch()/unpatch()). The spans are read
from the test agent by the parent.
"""


def new_client(server: tuple[str, int], **kwargs):
    # Looked up at call time (an integration may replace the class), and the server
    # passed positionally as a (host, port) tuple, the form every integration reads.
    import pymemcache.client.base

    return pymemcache.client.base.Client(server, connect_timeout=5, timeout=5, **kwargs)


def __getattr__(name: str):
    # The recorder imports pymemcache: only when the probe asks for it.
    if name == "LibraryRecorder":
        from checks.probe.recorder import LibraryRecorder

        return LibraryRecorder
    raise AttributeError(name)
