"""The one error type the harness raises: what went wrong, and what to do about it."""


class ServiceError(RuntimeError):
    """A service could not be started or reached.

    ``str(error)`` is a single readable paragraph: the cause first, then the fix.
    """

    def __init__(self, cause: str, fix: str):
        self.cause = cause
        self.fix = fix
        super().__init__(f"{cause}\n  fix: {fix}")
