"""`make bench`: every benchmark of the guide, one after the other."""

import importlib
import pkgutil
import sys

import benchmarks

for module in sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__)):
    if module.startswith("_"):
        continue
    print(f"\n== benchmarks.{module} ==", flush=True)
    sys.argv = [f"benchmarks.{module}"]
    importlib.import_module(f"benchmarks.{module}").main()
