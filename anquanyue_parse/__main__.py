"""``python -m anquanyue_parse``: the same command line as ``anquanyue-parse``."""

import sys

from .cli import main

sys.exit(main())
