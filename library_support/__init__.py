"""Which versions of an integrated library to test: ddtrace's support policy as code.

``library_support.policy.select(history, as_of)`` applies the policy to a release history
(``library_support.policy.load("library_support/data/pymemcache-releases.json")``), shipped
as data: nothing is fetched when the guide runs.
"""

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
PYMEMCACHE_RELEASES = DATA_DIR / "pymemcache-releases.json"
