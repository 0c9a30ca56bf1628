"""The frozen station's entry point: the same `station` command line as the installed package."""

import sys

from station.cli import main

if __name__ == "__main__":
    sys.exit(main())
