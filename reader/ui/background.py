"""One call on a worker thread, its answer back on the UI thread: for library work that can take seconds
(an import of annotations, a backup) and opens its own connection there (an SQLite connection stays on
the thread that made it).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.core.library import LibraryError

RUNNING: set[BackgroundCall] = set()
"""Calls not finished yet: kept alive here, and waited for when the app quits (`wait_for_all`)."""


class BackgroundCall(QObject):
    """`call()` on a thread; `finished(result)` or `failed(message)` follows once, on the UI thread.

    Exceptions of the kinds in `expected` (LibraryError by default) become their message; anything else
    is logged to the error log and reported in plain words."""

    finished = Signal(object)
    failed = Signal(str)
    _answer = Signal(bool, object)

    def __init__(
        self,
        call: Callable[[], Any],
        *,
        name: str,
        expected: tuple[type[Exception], ...] = (LibraryError,),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._call = call
        self._expected = expected
        self.result: Any = None
        self.message = ""
        self.done = False
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._answer.connect(self._deliver)

    def start(self) -> BackgroundCall:
        RUNNING.add(self)
        self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> None:
        """Block until the call has returned (its answer is delivered by the event loop later)."""
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _work(self) -> None:
        try:
            result = self._call()
        except self._expected as err:
            ok, value = False, getattr(err, "message", None) or str(err)
        except Exception as err:
            from reader.ui.crash import log_error

            log_error(traceback.format_exc())
            ok, value = False, f"It stopped on an unexpected error: {err or type(err).__name__}."
        else:
            ok, value = True, result
        try:
            self._answer.emit(ok, value)
        except RuntimeError:  # the window and this object are gone
            RUNNING.discard(self)

    def _deliver(self, ok: bool, value: object) -> None:
        self.done = True
        RUNNING.discard(self)
        if ok:
            self.result = value
            self.finished.emit(value)
        else:
            self.message = str(value)
            self.failed.emit(self.message)


def wait_for_all(timeout: float = 10.0) -> None:
    """Let running calls finish (a backup half-written, an import mid-transaction) before the app exits."""
    for call in list(RUNNING):
        call.wait(timeout)
