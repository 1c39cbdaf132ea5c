"""A write, a hit and a miss: the spans whose names, types and tags the check reads."""


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    with context.window("commands", commands=3):
        client.set(context.key("k"), "v", noreply=False)
        client.get(context.key("k"))
        client.get(context.key("missing"))
    client.close()
    host, port = context.server
    return {"host": host, "port": port}
