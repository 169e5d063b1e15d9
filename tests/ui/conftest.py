"""Widget-test fixtures: a real library in tmp_path, filled through the importer from real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QPalette

from reader.core.importer import import_paths
from reader.core.library import Library

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
SOURCES = {
    "seed": ROOT / "resources" / "sample-interview-2021-03-22.txt",  # English interview, 22 March 2021
    "russian": ROOT / "tests" / "fixtures" / "parse" / "interview_ru_utf8.txt",  # 6 April 2021, the latest
    "russian_separated": DATA / "interview-ru-2021-03-25.txt",  # with a "* * *" separator
    "markup": DATA / "statement-markup-2021-04-02.txt",  # <b>, <img>, <a> in the text
    "briefing": DATA / "briefing-2021-03-31.txt",  # headings, five languages
}


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, qapp) -> None:  # noqa: ANN001
    """Keep QSettings written by the code under test away from the user's real settings."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("transcript-reader-tests")
    QCoreApplication.setApplicationName("transcript-reader-tests")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def restore_application_look(qapp):  # noqa: ANN001, ANN201
    """A window applies its theme to the whole application; put the look back for the next test."""
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if qapp.style().name() != style:
        qapp.setStyle(style)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    return {name: Path(shutil.copy(source, folder / source.name)) for name, source in SOURCES.items()}


@pytest.fixture
def library(tmp_path: Path, files: dict[str, Path]):  # noqa: ANN201
    library = Library.open(tmp_path / "library.sqlite")
    report = import_paths(library, list(files.values()))
    assert not report.failed, report.failed
    assert len(report.outcomes) == len(files)
    yield library
    library.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
