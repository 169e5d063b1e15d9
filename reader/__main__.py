import sys

from reader.app import main

if __name__ == "__main__":  # the import's worker processes re-import this module under another name
    sys.exit(main())
