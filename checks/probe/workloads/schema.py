"""One command under the naming settings the parent put in this process's environment."""


def run(context) -> dict:
    context.count_spans_started()  # the tracing-off setting's evidence
    context.patch()
    client = context.new_client()
    with context.window("get", commands=1):
        client.get(context.key("k"))
    client.close()
    return {"host": context.server[0]}
