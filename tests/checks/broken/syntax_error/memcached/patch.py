"""Broken: does not compile."""


def patch()
    pass
