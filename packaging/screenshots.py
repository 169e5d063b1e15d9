"""Screenshots of the real main window, for the README and for judging the look by eye.

    python packaging/screenshots.py --library L --out resources/screenshots

writes main-light.png and main-dark.png (the latest English interview) and main-russian.png (the
latest Russian one) at 1440x900. Runs offscreen unless a display is set; never touches the user's
settings.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (1440, 900)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--library", required=True, type=Path, help="an existing library file")
    parser.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    parser.add_argument("--english", type=int, help="id of the English transcript to show (default: latest)")
    parser.add_argument("--russian", type=int, help="id of the Russian transcript to show (default: latest)")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.core.library import Library
    from reader.core.model import DocType
    from reader.ui.main_window import APP_TITLE, MainWindow

    app = QApplication([sys.argv[0]])
    app.setApplicationName("transcript-reader-screenshots")
    app.setOrganizationName("transcript-reader-screenshots")
    app.setApplicationDisplayName(APP_TITLE)

    # A copy, opened as a user would (read-write, no read-only banner); the given library stays untouched.
    scratch = tempfile.TemporaryDirectory()
    copy = Path(scratch.name) / "library.sqlite"
    source = sqlite3.connect(args.library)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    library = Library.open(copy)
    summaries = library.summaries()
    english_ones = [s for s in summaries if s.language == "en"]
    interviews = [s for s in english_ones if s.doc_type is DocType.INTERVIEW]  # speakers show the styling
    english = args.english or next((s.id for s in interviews + english_ones), None)
    russian = args.russian or next((s.id for s in summaries if s.language == "ru"), None)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
        window.resize(*SIZE)
        window.show()
        window.activateWindow()
        window.finish_startup()
        shots = [("main-light.png", "light", english), ("main-dark.png", "dark", english)]
        if russian is not None:
            shots.append(("main-russian.png", "light", russian))
        for name, theme, transcript_id in shots:
            window.set_theme(theme)
            if transcript_id is not None:
                window.open_transcript(transcript_id)
            window.list.setFocus()
            settle(app)
            path = args.out / name
            window.grab().save(str(path))
            print(f"wrote {path}")
        window.close()
        path = args.out / "welcome.png"
        welcome(Path(folder), settings).save(str(path))
        print(f"wrote {path}")
    library.close()
    return 0


def welcome(folder: Path, settings: object) -> object:
    """The first run's window: a new library holding only the bundled sample (light theme)."""
    from PySide6.QtWidgets import QApplication

    from reader.core.importer import import_paths
    from reader.core.library import Library
    from reader.core.resources import SAMPLE_TRANSCRIPT, resource_path
    from reader.ui.main_window import MainWindow

    library = Library.open(folder / "first-run.sqlite")
    import_paths(library, [resource_path(SAMPLE_TRANSCRIPT)])  # as a new default library starts
    window = MainWindow(library, settings)  # type: ignore[arg-type]
    window.resize(*SIZE)
    window.show()
    window.finish_startup()
    if not window.icons_loaded:  # they follow the first painted text, and the welcome has none
        window.load_icons()
    window.set_theme("light")
    settle(QApplication.instance())
    image = window.grab()
    window.close()
    library.close()
    return image


def settle(app: object) -> None:
    """Let layouts, deferred deletes and repaints finish before grabbing."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
