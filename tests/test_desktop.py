"""Desktop integration: the menu entry and icon a user installs, and the files packagers ship.

The install runs the real command line into a temporary HOME and XDG_DATA_HOME; the freedesktop
validators check the results where they are installed (CI installs them).
"""

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from reader.desktop import DESKTOP_ID, ICON_SIZES, render_desktop_entry
from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
METAINFO = PACKAGING / "io.github.transcript_reader.TranscriptReader.metainfo.xml"
needs_desktop_file_validate = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)


def run_app(*args, home):
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def entry_values(path):
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


def validate_desktop_file(path):
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def png_size(path):
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def installed_files(data):
    hicolor = data / "icons" / "hicolor"
    return [
        data / "applications" / DESKTOP_ID,
        hicolor / "scalable" / "apps" / "transcript-reader.svg",
        *(hicolor / f"{n}x{n}" / "apps" / "transcript-reader.png" for n in ICON_SIZES),
    ]


def test_install_puts_the_app_in_the_menu_and_uninstall_takes_it_out(tmp_path):
    data = tmp_path / "data"
    result = run_app("--install-desktop-entry", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(data / "applications" / DESKTOP_ID) in result.stdout
    for path in installed_files(data):
        assert path.is_file(), path
    for n in ICON_SIZES:
        assert png_size(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "transcript-reader.png") == (n, n)

    entry = entry_values(data / "applications" / DESKTOP_ID)
    program, *rest = entry["Exec"].split(" ")
    assert Path(program).is_absolute() and os.access(program, os.X_OK)  # works without PATH
    assert rest[-1] == "%F"  # files given by the file manager are imported and opened
    assert entry["TryExec"] == program
    assert entry["Icon"] == "transcript-reader"
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == "text/plain;"
    if rest[:-1] == ["-m", "reader"]:  # not installed as a command: it must start where it imports
        probe = subprocess.run([program, "-E", "-c", "import reader"], cwd=entry.get("Path", "/"), env={})
        assert probe.returncode == 0
    if shutil.which("desktop-file-validate"):
        validate_desktop_file(data / "applications" / DESKTOP_ID)

    result = run_app("--uninstall-desktop-entry", home=tmp_path)
    assert result.returncode == 0, result.stderr
    for path in installed_files(data):
        assert not path.exists(), path
    assert "Removed" in result.stdout

    again = run_app("--uninstall-desktop-entry", home=tmp_path)
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_install_says_what_went_wrong_and_exits_1(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "applications").write_text("a file where the folder should be")
    result = run_app("--install-desktop-entry", home=tmp_path)
    assert result.returncode == 1
    assert "applications" in result.stderr and "Traceback" not in result.stderr


@needs_desktop_file_validate
def test_an_install_path_with_spaces_and_percent_signs_is_quoted(tmp_path):
    text = render_desktop_entry(["/opt/My Apps/100% reader/transcript-reader"])
    assert 'Exec="/opt/My Apps/100%% reader/transcript-reader" %F' in text.splitlines()
    (tmp_path / DESKTOP_ID).write_text(text, encoding="utf-8")
    validate_desktop_file(tmp_path / DESKTOP_ID)


@needs_desktop_file_validate
def test_the_packaging_template_is_a_valid_desktop_file(tmp_path):
    # what a distribution package installs: the command on PATH
    (tmp_path / DESKTOP_ID).write_text(render_desktop_entry(["transcript-reader"]), encoding="utf-8")
    validate_desktop_file(tmp_path / DESKTOP_ID)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_appstream_file_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_appstream_file_names_the_desktop_entry_and_the_screenshots_the_script_makes():
    import xml.etree.ElementTree as ET

    component = ET.parse(METAINFO).getroot()
    assert component.find("launchable").text == DESKTOP_ID
    images = [Path(image.text).name for image in component.iter("image")]
    assert images and all(name in (PACKAGING / "screenshots.py").read_text(encoding="utf-8") for name in images)


def test_the_icon_exists_at_every_size_and_for_windows_and_macos():
    assert (ROOT / "resources" / "icon.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for n in ICON_SIZES:
        assert png_size(ROOT / "resources" / "icons" / f"transcript-reader-{n}.png") == (n, n)
    assert (PACKAGING / "transcript-reader.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (PACKAGING / "transcript-reader.icns").read_bytes()[:4] == b"icns"
