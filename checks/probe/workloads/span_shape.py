"""A write, a hit and a miss: the spans whose names, types and tags the check reads.

Then the reads whose db.row_count the check judges, one window each: hits and misses of
get and gets, with the caller's default passed by position and by keyword (pymemcache
returns that default for a missing key, so "found" means "not the default").
"""

# (window label, command, how it is called: args after the key, kwargs), rows expected
READS = (
    ("get hit", "get", "present", (), {}, 1),
    ("get miss", "get", "absent", (), {}, 0),
    ("get miss, default by position", "get", "absent", ("fallback",), {}, 0),
    ("get miss, default by keyword", "get", "absent", (), {"default": "fallback"}, 0),
    ("gets hit", "gets", "present", (), {}, 1),
    ("gets miss, default by position", "gets", "absent", ("fallback",), {}, 0),
    ("gets miss, default by keyword", "gets", "absent", (), {"default": "fallback"}, 0),
    ("get_many, one of two found", "get_many", None, (), {}, 1),
)


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    with context.window("commands", commands=3):
        client.set(context.key("k"), "v", noreply=False)
        client.get(context.key("k"))
        client.get(context.key("missing"))
    client.set(context.key("present"), "v", noreply=False)
    for label, command, key, args, kwargs, _ in READS:
        with context.window(f"read: {label}", commands=1):
            if command == "get_many":
                client.get_many([context.key("present"), context.key("absent")])
            else:
                getattr(client, command)(context.key(key), *args, **kwargs)
    client.close()
    host, port = context.server
    return {"host": host, "port": port, "reads": [(label, rows) for label, *_, rows in READS]}
