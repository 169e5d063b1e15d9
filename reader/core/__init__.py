"""The pure core: parsing, the domain model, storage, search and export. No Qt here.

`from reader.core import Library` works, but the library is loaded only when asked for: importing
a light module (`reader.core.commands`, `reader.core.model`) must not load storage too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.library import Library, LibraryError

__all__ = ["Library", "LibraryError"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reader.core import library

        return getattr(library, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
