"""The redis profile's workloads, run inside the probe subprocess, with its client and recorder.

Each module (named by its id, checks.workload_ids) has ``run(context) -> dict`` and returns
what the pymemcache workload of the same id returns, so that one check judges both: the
window labels and plans they share are in checks.probe.plans. Commands are named as redis
names them (``del``, ``incrby``); the checks expect each span's resource in capitals.
"""


def new_client(server: tuple[str, int], **kwargs):
    # No retries: a refused connection must fail at once, as the exception check expects.
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    host, port = server
    return redis.Redis(host=host, port=port, socket_connect_timeout=5, socket_timeout=5,
                       retry=Retry(NoBackoff(), 0), **kwargs)


def __getattr__(name: str):
    # The recorder imports redis: only when the probe asks for it.
    if name == "LibraryRecorder":
        from checks.probe.redis.recorder import LibraryRecorder

        return LibraryRecorder
    raise AttributeError(name)
