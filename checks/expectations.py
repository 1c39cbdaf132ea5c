"""What an integration of pymemcache must produce: the values every check compares with.

Shared by the probe (inside the traced subprocess) and the checks (in the parent), so it
imports nothing but the standard library.
"""

LIBRARY = "pymemcache"  # the distribution an integration instruments
OPERATION_NAME = "memcached.command"
SPAN_TYPE = "cache"
SPAN_KIND = "client"
DB_SYSTEM = "memcached"
DEFAULT_SERVICE = "memcached"  # the integration's own service on the v0 schema

# The application's service in every traced subprocess: fixed, so v1 results and
# snapshots do not depend on how the process was started.
APP_SERVICE = "checks-app"
# The value a check puts in DD_<NAME>_SERVICE to see that the integration honours it.
OVERRIDE_SERVICE = "checks-custom-cache"

# The client's data commands that must each produce one span named after the command:
# writes, reads, deletes, counters, multi-key commands, compare-and-set and touch.
# Administrative commands (stats, version, flush_all, quit) are not required.
COVERED_COMMANDS = (
    "set", "set_many", "add", "replace", "append", "prepend", "cas",
    "get", "get_many", "gets", "gets_many",
    "delete", "delete_many", "incr", "decr", "touch",
)

# pymemcache's aliases: the same function stored under a second name. An integration
# reports an alias under the canonical command's name.
ALIASES = {"set_multi": "set_many", "get_multi": "get_many", "delete_multi": "delete_many"}

# Data exposure: the opt-in to the command text and the tag that holds it, named as ddtrace's
# own pymemcache integration names them. Keys only when it is on; stored values never.
COMMAND_TEXT_SETTING = "DD_TRACE_MEMCACHED_COMMAND_ENABLED"
COMMAND_TEXT_TAG = "memcached.query"
