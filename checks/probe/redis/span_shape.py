"""A write, a hit and a miss, then the reads whose db.row_count the check judges."""

# (window label, how to call it, rows expected)
READS = (
    ("get hit", lambda client, key: client.get(key("present")), 1),
    ("get miss", lambda client, key: client.get(key("absent")), 0),
    ("mget, one of two found", lambda client, key: client.mget([key("present"), key("absent")]), 1),
    ("mget, two of three found",
     lambda client, key: client.mget([key("present"), key("other"), key("absent")]), 2),
)


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    with context.window("commands", commands=3):
        client.set(context.key("k"), "v")
        client.get(context.key("k"))
        client.get(context.key("missing"))
    client.set(context.key("present"), "v")
    client.set(context.key("other"), "v")
    for label, call, _ in READS:
        with context.window(f"read: {label}", commands=1):
            call(client, context.key)
    client.close()
    host, port = context.server
    return {"host": host, "port": port, "reads": [(label, rows) for label, _, rows in READS]}
