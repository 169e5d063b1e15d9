"""Where the app finds its bundled files and keeps its own: one door for both.

Works from a checkout, an editable or a regular install (data files under `share/transcript-reader`),
and a PyInstaller bundle (`sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "transcript-reader"
SAMPLE_TRANSCRIPT = "sample-interview-2021-03-22.txt"


def resources_dir() -> Path:
    """The folder holding icons, stylesheets and the sample transcript."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")  # a checkout
    candidates.append(Path(sys.prefix) / "share" / APP_NAME / "resources")  # a pip install
    for candidate in candidates:
        if (candidate / SAMPLE_TRANSCRIPT).is_file():
            return candidate
    return candidates[-1]


def resource_path(name: str) -> Path:
    return resources_dir() / name


def default_library_path() -> Path:
    """The library in the platform's user data folder (~/.local/share/transcript-reader on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library.sqlite"


def settings_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)
