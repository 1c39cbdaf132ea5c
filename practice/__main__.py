"""``python -m practice [DEST] [--force]``: write the exercise notebooks (make exercises)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice.write import DEFAULT_DEST, write_exercises


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m practice", description=__doc__)
    parser.add_argument("dest", nargs="?", type=Path, default=DEFAULT_DEST)
    parser.add_argument("--force", action="store_true",
                        help="fresh copies of the notebooks and the package (yours are saved first)")
    args = parser.parse_args(argv)
    for line in write_exercises(args.dest, args.force):
        print(line)
    if not args.force:
        print("Your edits are never overwritten; `make exercises FORCE=1` writes fresh copies "
              "(yours go to exercises/.saved/ first).")
    print(f"Next: `make lab`, then open {args.dest.name}/03-skeleton.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
