"""One window per library: starting the app again hands the new arguments to the running window.

A double-click on a transcript while the app runs should bring the open window forward and import the
file there, not start a second writer on the same library. The running window listens on a local
socket (a Unix socket in `$XDG_RUNTIME_DIR` or the temp folder, a named pipe on Windows) named after the
user and the library; a second start connects, sends its arguments as one line of JSON, waits for "ok"
and exits.

    instance = SingleInstance(args.library)
    if instance.try_hand_over(argv):
        return 0
    … the window is shown …
    instance.listen()                             # after its first frame (see below)
    instance.attach(window)                       # raised on every hand-over
    instance.argumentsReceived.connect(window…)   # ["/abs/file.txt", "--date", "2021-03-22"]

QtNetwork costs ~10 ms to load, so the start-up path does without it: on Unix a second start talks to
the socket with Python's own `socket`, and the window starts listening once its first frame is drawn.
Windows' named pipes need Qt's client.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtWidgets import QWidget

from reader.ui.lazy_qt import Qt

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

PROTOCOL = 1
MAX_MESSAGE = 1 << 20  # a hand-over is a few file names; anything bigger is not ours
ACK = b"ok\n"
# Qt's own command-line options that take a value (QGuiApplication/QApplication documentation).
QT_OPTIONS_WITH_VALUE = frozenset(
    [
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-style",
        "-stylesheet",
        "-session",
        "-display",
        "-geometry",
        "-name",
        "-title",
        "-font",
        "-fn",
        "-bg",
        "-background",
        "-fg",
        "-foreground",
        "-btn",
        "-button",
        "-im",
        "-inputstyle",
        "-visual",
        "-cmap",
        "-qmljsdebugger",
    ]
)


def server_name(library_path: str | os.PathLike[str] | None) -> str:
    """The socket's name for this user and this library (the default library when None)."""
    if library_path is None:
        from reader.core.resources import default_library_path

        library_path = default_library_path()
    library = os.path.normcase(str(Path(library_path).expanduser().resolve()))
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{library}".encode()).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        path = str(Path(runtime) / f"transcript-reader-{digest}")  # private to the user, cleaned at log-out
        if len(path.encode()) < 100:  # a Unix socket's path has room for about 107 bytes
            return path
    return f"transcript-reader-{user}-{digest}"  # in the shared temp folder, or a Windows pipe name


def hand_over_arguments(args: Sequence[str], cwd: str | os.PathLike[str] | None = None) -> list[str]:
    """The arguments the running window acts on: files made absolute, `--date DAY` kept, the rest dropped.

    `--library` is implied by the socket; Qt's own options (-platform …) mean nothing to another process."""
    base = Path.cwd() if cwd is None else Path(cwd)
    kept: list[str] = []
    items = iter(args)
    only_paths = False
    for arg in items:
        if only_paths or not arg.startswith("-"):
            kept.append(os.path.abspath(base / Path(arg).expanduser()))
        elif arg == "--":
            only_paths = True
        elif arg == "--date":
            day = next(items, None)
            if day is not None:
                kept += ["--date", day]
        elif arg.startswith("--date="):
            kept += ["--date", arg.split("=", 1)[1]]
        elif arg in ("--library", *QT_OPTIONS_WITH_VALUE):
            next(items, None)
    return kept


def split_hand_over(args: Sequence[str]) -> tuple[list[str], dt.date | None]:
    """The files to import and the day to open (None when absent or not a YYYY-MM-DD date) of a hand-over."""
    paths: list[str] = []
    day: dt.date | None = None
    items = iter(args)
    for arg in items:
        if arg == "--date":
            with contextlib.suppress(TypeError, ValueError):
                day = dt.date.fromisoformat(next(items, ""))
        elif not arg.startswith("-"):  # hand_over_arguments made every file absolute
            paths.append(arg)
    return paths, day


def bring_to_front(window: QWidget, activation_token: str | None = None) -> None:
    """Show `window` un-minimised, raised and active (on Wayland only with the starter's activation token)."""
    if activation_token:
        # Qt's Wayland plugin reads (and clears) this when the window asks to be activated.
        os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The hand-over between a second start and the window already open on the same library."""

    argumentsReceived = Signal(list)  # noqa: N815 - Qt naming

    def __init__(self, library_path: str | os.PathLike[str] | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(library_path)
        self.server: QLocalServer | None = None
        self.window: QWidget | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    # -- the second start ----------------------------------------------------------------------------

    def try_hand_over(self, args: Sequence[str], *, timeout_ms: int = 3000) -> bool:
        """Send `args` to a running instance; True when one took them (this process should then exit).

        Needs no QApplication, so a second start hands over before it builds anything."""
        message = {"protocol": PROTOCOL, "args": hand_over_arguments(args)}
        token = os.environ.get("XDG_ACTIVATION_TOKEN")
        if token:
            message["activation_token"] = token
        line = json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"
        if sys.platform == "win32":
            return self._hand_over_by_qt(line, timeout_ms)
        return self._hand_over_by_unix_socket(line, timeout_ms / 1000)

    def _hand_over_by_unix_socket(self, line: bytes, timeout_s: float) -> bool:
        import socket

        # Where QLocalServer puts a socket: its name when that is a path, else in Qt's temp folder.
        path = self.name if os.path.isabs(self.name) else os.path.join(QDir.tempPath(), self.name)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout_s)
            try:
                client.connect(path)
            except OSError:
                return False  # nobody listens, or a crashed instance left its socket file behind
            client.sendall(line)
            # A running window that is busy answers late; the arguments wait in the socket either way,
            # and opening a second writer on the library would be worse than a slow hand-over.
            with contextlib.suppress(OSError):
                client.recv(len(ACK))
        return True

    def _hand_over_by_qt(self, line: bytes, timeout_ms: int) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False  # nobody listens
        socket.write(line)
        socket.waitForBytesWritten(timeout_ms)
        socket.waitForReadyRead(timeout_ms)  # a busy window answers late: see above
        socket.disconnectFromServer()
        return True

    # -- the running window --------------------------------------------------------------------------

    def listen(self) -> bool:
        """Start taking hand-overs; False when another instance got there first (it is alive and listening).

        A socket file left by a crashed instance is removed and taken over."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if self._someone_listens():
                server.deleteLater()
                return False
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                server.deleteLater()
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def attach(self, window: QWidget) -> None:
        """Bring `window` to the front on every hand-over, before argumentsReceived is emitted."""
        self.window = window

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def _someone_listens(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(500)
        probe.abort()
        return alive

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                self._forget(socket)
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        del self._buffers[socket]
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        try:
            message = json.loads(line)
            args = [str(a) for a in message["args"]]
        except (ValueError, KeyError, TypeError):
            return  # not a hand-over from this app
        if self.window is not None:
            bring_to_front(self.window, message.get("activation_token"))
        self.argumentsReceived.emit(args)
