"""`python -m rashomon` runs the command line."""

import sys

from rashomon.cli import main

sys.exit(main())
