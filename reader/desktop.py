"""The app in the desktop's menu: a freedesktop `.desktop` file and the icon, installed for the current user.

`transcript-reader --install-desktop-entry` writes them under `$XDG_DATA_HOME` (`~/.local/share`), with an
`Exec=` line naming the absolute path of the installation that ran the command, so a double-click starts
this very installation even when it is not on `PATH`. No Qt here: the command line uses it too.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.resources import APP_NAME, resources_dir

DESKTOP_ID = f"{APP_NAME}.desktop"
ICON_NAME = APP_NAME
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
TEMPLATE = f"{APP_NAME}.desktop.in"
# Characters that make the desktop-entry spec require an Exec argument to be double-quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopEntryError(Exception):
    """The desktop entry could not be installed or removed; the message says why, for a person."""


@dataclass(frozen=True)
class DesktopFiles:
    """What an install wrote, or an uninstall removed."""

    entry: Path | None
    icons: tuple[Path, ...]
    caches_updated: tuple[str, ...] = ()
    command: tuple[str, ...] = ()  # what the entry starts
    directory: Path | None = None  # and where, when that matters

    @property
    def paths(self) -> tuple[Path, ...]:
        return ((self.entry,) if self.entry else ()) + self.icons


def data_home() -> Path:
    """`$XDG_DATA_HOME`, or `~/.local/share` when it is unset or not absolute (as the spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def packaging_dir() -> Path:
    """The folder with the desktop-entry template: next to `resources/` in a checkout, an install and a bundle."""
    return resources_dir().parent / "packaging"


def icon_png(size: int) -> Path:
    return resources_dir() / "icons" / f"{APP_NAME}-{size}.png"


def icon_svg() -> Path:
    return resources_dir() / "icon.svg"


def launch_command() -> list[str]:
    """The command that starts this installation: the bundle's executable, the console script, or `python -m reader`."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.stem in (APP_NAME, f"{APP_NAME}-gui") and script.is_file():
        # absolute, not resolved: a pipx symlink in ~/.local/bin survives an upgrade, its target may not
        return [str(script.absolute())]
    beside = Path(sys.executable).parent / (f"{APP_NAME}.exe" if os.name == "nt" else APP_NAME)
    if beside.is_file():
        return [str(beside)]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


def launch_directory(command: Sequence[str]) -> Path | None:
    """The checkout to start `python -m reader` in when the package is importable only from there, else None."""
    if list(command[1:]) != ["-m", "reader"]:
        return None
    try:  # -E -P: as a menu would start it, without PYTHONPATH and without the current folder
        probe = subprocess.run([command[0], "-E", "-P", "-c", "import reader"], capture_output=True, timeout=60)
        importable = probe.returncode == 0
    except (OSError, subprocess.SubprocessError):
        importable = False
    return None if importable else Path(__file__).resolve().parents[1]


def quote_exec_argument(argument: str) -> str:
    """One Exec= argument, quoted and escaped as the desktop-entry spec asks (`%` doubled, `\\` twice escaped)."""
    argument = argument.replace("%", "%%")
    if any(c in _RESERVED for c in argument):
        quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        argument = f'"{quoted}"'
    return argument.replace("\\", "\\\\")  # the string-value escape, applied on top of the quoting


def render_desktop_entry(command: Sequence[str], template: str | None = None, *, directory: Path | None = None) -> str:
    """The `.desktop` file for `command`: the template with `@EXEC@` and `@TRYEXEC@` filled in.

    `directory` adds a `Path=` line: the folder the command starts in."""
    if template is None:
        path = packaging_dir() / TEMPLATE
        try:
            template = path.read_text(encoding="utf-8")
        except OSError as err:
            raise DesktopEntryError(f"the desktop entry template is missing: {path} ({err.strerror})") from err
    exec_line = " ".join(quote_exec_argument(a) for a in command)
    try_exec = str(command[0]).replace("\\", "\\\\")
    text = template.replace("@EXEC@", exec_line).replace("@TRYEXEC@", try_exec)
    if directory is not None:
        path_line = "Path=" + str(directory).replace("\\", "\\\\")
        text = text.replace(f"TryExec={try_exec}\n", f"TryExec={try_exec}\n{path_line}\n", 1)
    return text


def _icon_targets(home: Path) -> list[tuple[Path, Path]]:
    """(source, destination) for every icon file, the scalable SVG first."""
    hicolor = home / "icons" / "hicolor"
    targets = [(icon_svg(), hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg")]
    targets += [(icon_png(n), hicolor / f"{n}x{n}" / "apps" / f"{ICON_NAME}.png") for n in ICON_SIZES]
    return targets


def install_desktop_entry(*, data_dir: Path | None = None, command: Sequence[str] | None = None) -> DesktopFiles:
    """Install the desktop entry and the icons for the current user; returns what was written."""
    _check_platform()
    home = data_home() if data_dir is None else data_dir
    command = launch_command() if command is None else list(command)
    directory = launch_directory(command)
    text = render_desktop_entry(command, directory=directory)
    targets = _icon_targets(home)
    missing = [str(source) for source, _ in targets if not source.is_file()]
    if missing:
        raise DesktopEntryError(f"the icon files are missing: {', '.join(missing)}")
    entry = home / "applications" / DESKTOP_ID
    written: list[Path] = []
    try:
        for source, destination in targets:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            written.append(destination)
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(f".{DESKTOP_ID}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(entry)  # a menu watching the folder never reads half a file
    except OSError as err:
        raise DesktopEntryError(f"could not write {err.filename or entry}: {err.strerror}") from err
    return DesktopFiles(entry, tuple(written), _update_caches(home), tuple(command), directory)


def uninstall_desktop_entry(*, data_dir: Path | None = None) -> DesktopFiles:
    """Remove the desktop entry and the icons that install_desktop_entry wrote; returns what was removed."""
    _check_platform()
    home = data_home() if data_dir is None else data_dir
    entry = home / "applications" / DESKTOP_ID
    removed: list[Path] = []
    try:
        for path in [entry, *(destination for _, destination in _icon_targets(home))]:
            if path.is_file():
                path.unlink()
                removed.append(path)
    except OSError as err:
        raise DesktopEntryError(f"could not remove {err.filename}: {err.strerror}") from err
    removed_entry = entry if entry in removed else None
    icons = tuple(p for p in removed if p != entry)
    return DesktopFiles(removed_entry, icons, _update_caches(home) if removed else ())


def _check_platform() -> None:
    if sys.platform in ("win32", "darwin"):
        raise DesktopEntryError(
            "desktop entries are for Linux and other freedesktop desktops; on Windows and macOS "
            "the installer adds the app to the menu (see packaging/README.md)"
        )


def _update_caches(home: Path) -> tuple[str, ...]:
    """Tell menus and icon themes about the change with whichever tools exist; never fails."""
    done = []
    applications = home / "applications"
    hicolor = home / "icons" / "hicolor"
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir() and _run([tool, "-q", str(applications)]):
        done.append("update-desktop-database")
    if hicolor.is_dir():
        # An icon cache that exists must be refreshed or it hides the new icon; none is made where there was none.
        tool = shutil.which("gtk-update-icon-cache")
        if (hicolor / "icon-theme.cache").exists() and tool and _run([tool, "-q", "-t", "-f", str(hicolor)]):
            done.append("gtk-update-icon-cache")
        with contextlib.suppress(OSError):
            os.utime(hicolor)  # icon themes notice a changed folder by its time
    return tuple(done)


def _run(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=30, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
