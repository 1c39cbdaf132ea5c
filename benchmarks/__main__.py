"""`make bench`: every benchmark of the guide, one after the other (each module with a main())."""

import importlib
import pkgutil
import sys

import benchmarks

for name in sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__)):
    if name.startswith("_"):
        continue  # a measuring child process, run by its benchmark
    module = importlib.import_module(f"benchmarks.{name}")
    if not hasattr(module, "main"):
        continue  # a helper (the chart)
    print(f"\n== benchmarks.{name} ==", flush=True)
    sys.argv = [f"benchmarks.{name}"]
    module.main()
