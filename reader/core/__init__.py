"""The pure core: parsing, the domain model, storage, search and export. No Qt here."""

from reader.core.library import Library, LibraryError

__all__ = ["Library", "LibraryError"]
