"""Half written: patch() is still the starter stub of exercise mode. The package can be
checked (exit status 1, not 2): every check that needs patch() says it is not written yet."""

from integrations.memcached.patch import _supported_versions, get_version, unpatch  # noqa: F401


def patch() -> None:
    """Trace every pymemcache command. Calling it again changes nothing."""
    # TODO: write patch() as the chapter describes.
    raise NotImplementedError("patch() is not written yet")
