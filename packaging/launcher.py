"""The bundle's entry point: PyInstaller runs this file as `__main__` (packaging/transcript-reader.spec)."""

import sys

from reader.app import main

if __name__ == "__main__":
    sys.exit(main())
