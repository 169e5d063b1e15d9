"""What a started window needs from the desktop: the app's icon and name, and the bundle smoke test's hook.

- `identify_application(app)`: the desktop-file name docks match windows by;
- `set_app_icon(app)`: every window's icon (after the first frame: loading it takes ~4 ms);
- `exit_after_shown_if_asked(window, ready)`: with TRANSCRIPT_READER_EXIT_AFTER_SHOWN=1, print "shown"
  and quit once the window is painted and ready (packaging/smoke_test_bundle.sh starts the bundle so).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.resources import APP_NAME, resources_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

EXIT_AFTER_SHOWN = "TRANSCRIPT_READER_EXIT_AFTER_SHOWN"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The app's icon: the drawn PNG sizes (sharp where small) with the SVG for any other size."""
    from PySide6.QtGui import QIcon  # after the first frame (~4 ms)

    icon = QIcon()
    folder = resources_dir()
    for size in ICON_SIZES:
        png = folder / "icons" / f"{APP_NAME}-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull() and (folder / "icon.svg").is_file():
        icon.addFile(str(folder / "icon.svg"))
    return icon


def identify_application(app: QGuiApplication) -> None:
    """Let Wayland/X11 docks match windows to the desktop entry (before the first window is shown)."""
    # Without it a Wayland dock shows a generic icon: the app id must name transcript-reader.desktop.
    app.setDesktopFileName(APP_NAME)


def set_app_icon(app: QGuiApplication) -> None:
    """Give every window the app's icon."""
    app.setWindowIcon(app_icon())


class _ExitWhenShown(QObject):
    def __init__(self, window: QWidget, ready: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.ready = ready
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._check)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self.timer.start()  # the window's own work deferred to after its first paint runs meanwhile
        return False

    def _check(self) -> None:
        if not self.ready():
            return
        self.timer.stop()
        print("shown", flush=True)
        app = QApplication.instance()
        if app is not None:
            app.quit()


def exit_after_shown_if_asked(window: QWidget, ready: Callable[[], bool] = lambda: True) -> bool:
    """With TRANSCRIPT_READER_EXIT_AFTER_SHOWN=1, print "shown" and quit (status 0) once `window` has
    painted and `ready()` says its deferred start-up work is done.

    packaging/smoke_test_bundle.sh starts the built bundle offscreen this way; a user never sets it."""
    if os.environ.get(EXIT_AFTER_SHOWN) != "1":
        return False
    _ExitWhenShown(window, ready)
    if sys.stdout is None:  # a windowed bundle on Windows has no console
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    return True


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, call: Callable[[], object], fallback_ms: int) -> None:
        super().__init__(widget)
        self.widget, self.call, self.done = widget, call, False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self.fire)  # nothing to paint (an empty library): go on anyway

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self.fire)  # after this paint has reached the screen
        return False

    def fire(self) -> None:
        if not self.done:
            self.done = True
            self.widget.removeEventFilter(self)
            self.call()


def after_first_paint(widget: QWidget, call: Callable[[], object], fallback_ms: int = 500) -> None:
    """Run `call` once `widget` has painted (or after `fallback_ms`): slow start-up work such as
    importing qtawesome (~0.4 s) must not stand between the user and the text."""
    _AfterFirstPaint(widget, call, fallback_ms)
