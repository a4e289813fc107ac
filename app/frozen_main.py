"""Entry point of the frozen (pyinstaller) build: the same CLI, GUI by default."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
