"""What stands between a double-click and the text: the real app, started as a user starts it.

The first frame must show the transcript, and what is slow to load must wait until after it: the Qt
namespace's ~130 Python enums (~30 ms, see reader/ui/lazy_qt.py), QtNetwork (~10 ms, the single-instance
socket), qtawesome (~0.4 s, the icons). A user notices any of them creeping back as a slower start; the
window must still end up whole: icons, the app's own icon, and the socket a second start hands over to.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reader.core.importer import import_paths
from reader.core.library import Library
from tests.ui.conftest import ROOT, SOURCES

CHILD = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
import PySide6.QtCore as core
from PySide6.QtWidgets import QApplication
from reader.ui.main_window import MainWindow
from reader.ui.transcript_view import ReadingPane

report = {}

_paint = ReadingPane.paintEvent
def paintEvent(self, event):  # the text drawn: what the first frame cost
    _paint(self, event)
    if "first_paint" not in report:
        report["first_paint"] = {
            "qt_namespace": "Qt" in core.__dict__,
            "qtnetwork": "PySide6.QtNetwork" in sys.modules,
            "qtawesome": "qtawesome" in sys.modules,
            "text": self.toPlainText()[:300],
            "languages": list(self.window().reading.toggle.buttons),  # the header's toggle is there already
        }
ReadingPane.paintEvent = paintEvent

_icons = MainWindow.load_icons
def load_icons(self):
    _icons(self)
    QTimer.singleShot(0, lambda: finish(self))
MainWindow.load_icons = load_icons

def finish(window):
    runtime = Path(os.environ["XDG_RUNTIME_DIR"])
    report["ready"] = {
        "app_icon": not QApplication.windowIcon().isNull(),
        "toolbar_icons": sum(not a.icon().isNull() for a in window.toolbar.actions()),
        "listening": any(p.is_socket() for p in runtime.iterdir()),
        "rows": window.list.model().rowCount(),
    }
    print(json.dumps(report), flush=True)
    QApplication.instance().quit()

sys.argv = ["transcript-reader", "--library", sys.argv[1]]
import runpy
runpy.run_module("reader", run_name="__main__")
"""


@pytest.fixture
def started(tmp_path):
    """Start the app on a library of three transcripts, as a returning user: twice, in one home."""
    library_path = tmp_path / "library.sqlite"
    library = Library.open(library_path)
    import_paths(library, [SOURCES["seed"], SOURCES["russian"], SOURCES["russian_separated"]])
    library.close()
    runtime = Path(tempfile.mkdtemp(prefix="tr-"))  # short: a Unix socket's path must stay under ~107 bytes
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }

    def start() -> dict:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(library_path)], capture_output=True, text=True, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    yield start
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.mark.skipif(sys.platform == "win32", reason="the hand-over socket is a named pipe there")
def test_the_first_frame_shows_the_text_and_the_slow_parts_follow_it(started):
    started()  # the first start also learns the platform's colour scheme
    report = started()
    first = report["first_paint"]
    assert "Lavrov" in first["text"] or "Лавров" in first["text"]  # the transcript is in the first frame
    assert not first["qt_namespace"], "the Qt namespace was made before the first frame"
    assert not first["qtnetwork"], "QtNetwork was loaded before the first frame"
    assert not first["qtawesome"], "qtawesome was loaded before the first frame"
    assert first["languages"], "the language toggle came after the first frame (the header jumps when it does)"
    ready = report["ready"]
    assert ready["app_icon"] and ready["toolbar_icons"] >= 5
    assert ready["listening"]  # a second start finds this window
    assert ready["rows"] == 3


def test_the_remembered_colour_scheme_is_the_platforms(tmp_path):
    """The theme "system" goes by the scheme last seen, and that is what the platform says."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui import themes

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    library = Library.open(tmp_path / "library.sqlite")
    from reader.ui.main_window import MainWindow

    window = MainWindow(library, settings, deferred=True)
    try:
        assert settings.value(themes.SYSTEM_SCHEME) == themes.platform_scheme(app)
        settings.setValue(themes.SYSTEM_SCHEME, "dark" if themes.platform_scheme(app) == "light" else "light")
        again = MainWindow(library, settings, deferred=True)  # starts by the (now wrong) scheme last seen…
        again.finish_startup()  # …and follows the platform once on screen
        assert settings.value(themes.SYSTEM_SCHEME) == themes.platform_scheme(app)
        assert again.colours.dark == (themes.platform_scheme(app) == "dark")
        again.close()
    finally:
        window.close()
        library.close()
    assert Path(tmp_path / "settings.ini").is_file()


def test_enum_properties_set_by_name_take_effect_and_a_wrong_name_is_an_error(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QToolBar

    from reader.ui.lazy_qt import set_by_name, solid_brush

    label, toolbar = QLabel(), QToolBar()
    set_by_name(label, "alignment", "AlignRight|AlignVCenter")
    set_by_name(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    with pytest.raises(ValueError, match="AlignMiddle"):
        set_by_name(label, "alignment", "AlignMiddle")
    brush = solid_brush("#9c3d10")
    assert brush.style() == Qt.BrushStyle.SolidPattern and brush.color().name() == "#9c3d10"
