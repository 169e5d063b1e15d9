"""The Qt build must not corrupt Python's reference to None (PySide6 6.12.0 on Python 3.11 does)."""

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qapp):
    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range(1000):
        widget.setWindowTitle(f"title {i}")
    after = sys.getrefcount(None)
    # 6.12.0 drops one reference per call: after 1000 calls the count falls by ~1000 and the
    # process later aborts with "Fatal Python error: none_dealloc".
    assert before - after < 10, f"None lost {before - after} references in 1000 setWindowTitle calls"
