"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from the SVG sources.

    .venv/bin/python packaging/render_icons.py

resources/icon.svg draws 48 px and up; packaging/icon-small.svg (no letters, heavier lines) draws 16-32 px.
Writes resources/icons/transcript-reader-N.png (committed: the app and the desktop entry use them),
packaging/transcript-reader.ico and packaging/transcript-reader.icns. Qt's SVG renderer does the drawing,
so nothing beyond the app's own dependencies is needed; the .ico and .icns containers hold PNG images.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL = 32  # this size and below come from the small drawing
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold a PNG of the given pixel size (macOS 10.7 and later read all of them).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size pixels on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon holding one PNG per size (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon family holding PNG elements."""
    body = b"".join(kind + struct.pack(">I", len(images[size]) + 8) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    large, small = ROOT / "resources" / "icon.svg", ROOT / "packaging" / "icon-small.svg"
    images = {size: render(small if size <= SMALL else large, size) for size in (*SIZES, 1024)}
    out = ROOT / "resources" / "icons"
    out.mkdir(exist_ok=True)
    for size in SIZES:
        (out / f"transcript-reader-{size}.png").write_bytes(images[size])
    (ROOT / "packaging" / "transcript-reader.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (ROOT / "packaging" / "transcript-reader.icns").write_bytes(icns(images))
    print(f"render_icons: {len(SIZES)} PNG sizes in {out.relative_to(ROOT)}, packaging/transcript-reader.ico/.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
