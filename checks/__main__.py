"""``python -m checks TARGET [--name NAME] [--json]``: see checks.cli."""

import sys

from checks.cli import main

sys.exit(main())
