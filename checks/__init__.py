"""The check kit: executable conformance checks for a client library's tracing integration.

What it knows about a library is a profile (checks.profiles: pymemcache, the default, and
redis). Each check (declared in checks.families, run by checks.check) runs the integration
under test in a fresh Python process against the library's real server and the real APM
test agent (the front door, ``documented``, only reads its
files), and says, for every promise an integration must keep, whether it holds and, if
not, what is wrong and how to fix it; a function still raising NotImplementedError (a
starter stub of exercise mode) is reported as "not written yet", by name.

    from checks import notebook as check       # in a notebook
    check.span_shape("../integrations/memcached")

    .venv/bin/python -m checks integrations/memcached          # from a shell
    .venv/bin/python -m checks ddtrace.contrib.internal.redis --library redis

This module stays import-light: the probe subprocess imports the ``checks`` package too.
"""
