"""``python -m anquanyue_parse``: the same command line as ``anquanyue-parse``."""

import sys

from .cli import main

if __name__ == "__main__":  # importing this module (walk_packages) runs nothing
    sys.exit(main())
