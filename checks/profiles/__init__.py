"""Library profiles: everything the check kit knows about one client library.

A profile names the library, the server its workloads talk to, the package of its
workloads (one module per workload id, see checks/workloads.py), the commands an
integration must trace and the names ddtrace's conventions give their spans, the naming
defaults, and where its reference snapshots live. The checks read their expectations from
the profile they are given; nothing else in the kit names a library.

Shared by the probe (inside the traced subprocess) and the checks (in the parent), so it
imports nothing but the standard library.
"""

from __future__ import annotations

from checks.profiles import pymemcache, redis
from checks.profiles.profile import APP_SERVICE, OVERRIDE_SERVICE, REFERENCE_ROOT, Profile

__all__ = ["APP_SERVICE", "OVERRIDE_SERVICE", "REFERENCE_ROOT", "Profile", "DEFAULT",
           "get_profile", "profiles"]


def profiles() -> dict[str, Profile]:
    return {profile.name: profile for profile in (pymemcache.PROFILE, redis.PROFILE)}


DEFAULT = "pymemcache"


def get_profile(name: str | None = None) -> Profile:
    """The profile called ``name`` (default: pymemcache); ValueError names the known ones."""
    known = profiles()
    try:
        return known[name or DEFAULT]
    except KeyError:
        raise ValueError(f"no library profile {name!r}; known: {', '.join(known)}") from None
