"""The window's desktop identity (its icon) and the hook the bundle's smoke test starts it with."""

import os
import subprocess
import sys

from PySide6.QtCore import QSize

from reader.ui.launch import EXIT_AFTER_SHOWN, app_icon, exit_after_shown_if_asked
from tests.conftest import ROOT

SHOWN_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from reader.ui.launch import exit_after_shown_if_asked
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
asked = exit_after_shown_if_asked(window)
window.show()
sys.exit(app.exec() if asked else 7)
"""


def test_the_app_icon_has_every_drawn_size(qapp):
    sizes = app_icon().availableSizes()
    for n in (16, 24, 32, 48, 64, 128, 256, 512):
        assert QSize(n, n) in sizes
    assert not app_icon().pixmap(48, 48).isNull()


def test_with_the_variable_set_a_shown_window_says_so_and_quits_with_0():
    env = {**os.environ, EXIT_AFTER_SHOWN: "1", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", SHOWN_WINDOW], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["shown"]


def test_without_the_variable_nothing_changes(qapp, monkeypatch):
    from PySide6.QtWidgets import QWidget

    monkeypatch.delenv(EXIT_AFTER_SHOWN, raising=False)
    assert exit_after_shown_if_asked(QWidget()) is False
