"""Start-up loads only the core it uses: opening a library and showing its last transcript must not import
search, versions, anchoring, alignment, the importer or the parser (each costs the first paint a few ms).

Checked in fresh interpreters: the test process itself has imported everything already.
"""

import json
import subprocess
import sys

from reader.core.importer import import_paths
from reader.core.library import Library
from tests.conftest import ROOT, SEED

HEAVY = (
    "reader.core.search",
    "reader.core.versions",
    "reader.core.alignment",
    "reader.core.anchoring",
    "reader.core.importer",
    "reader.core.parse",
    "reader.core.export",
)


def loaded_after(code: str) -> list[str]:
    """The reader.* modules a fresh interpreter has loaded once `code` ran."""
    code += "\nimport json, sys; print(json.dumps(sorted(m for m in sys.modules if m.startswith('reader.'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def heavy_in(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith(HEAVY)]


def test_importing_the_library_loads_no_heavy_module():
    modules = loaded_after("import reader.core.library")
    assert "reader.core.library" in modules
    assert heavy_in(modules) == []


def test_light_core_modules_do_not_load_the_library():
    modules = loaded_after("import reader.core.model, reader.core.commands, reader.core.resources")
    assert "reader.core.library" not in modules
    assert heavy_in(modules) == []


def test_the_package_still_offers_library():
    modules = loaded_after("from reader.core import Library, LibraryError; assert issubclass(Library, object)")
    assert "reader.core.library" in modules


def test_opening_the_last_transcript_loads_no_heavy_module(tmp_path):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        import_paths(lib, [SEED])
    # what the window asks before its first paint: the place left off, the transcript, its versions
    code = (
        "from reader.core.library import open_library\n"
        f"lib = open_library({str(path)!r})\n"
        "latest = lib.latest()\n"
        "assert lib.summaries_of([latest.id])\n"
        "t = lib.transcript(latest.id)\n"
        "assert t.paragraphs and lib.versions(t.id) and lib.version_states(t.id)\n"
        "lib.close()"
    )
    assert heavy_in(loaded_after(code)) == []
