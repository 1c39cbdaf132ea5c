"""The guide's memcached integration as dd-trace-py wants it in-tree (chapter 08-in-tree).

``memcached/`` holds the files an upstream pull request would add under
``ddtrace/contrib/internal/memcached/`` and beside it; chapter 08 maps each file to its
place in dd-trace-py.
"""
