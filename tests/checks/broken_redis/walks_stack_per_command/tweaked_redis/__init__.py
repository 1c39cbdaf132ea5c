"""ddtrace's redis integration that, for a debug log line, looks up which application function
sent each command with inspect.stack(): the log is off, but the stack walk (it reads every
frame's source line) runs on every command, about a millisecond where a span costs tens of
microseconds. The spans are right. Switch it on with patch()."""

import inspect
import logging

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked

log = logging.getLogger(__name__)


def _log_caller(wrapped, instance, args, kwargs):
    caller = inspect.stack()[2].function  # the defect: evaluated whether or not debug logging is on
    log.debug("redis command sent by %s", caller)
    return wrapped(*args, **kwargs)


patch, unpatch = tweaked(_log_caller, inside_span=False)
