#!/usr/bin/env bash
# Build the stand-alone one-folder bundle: dist/transcript-reader/ (Linux; macOS makes the .app too).
#
#     packaging/build_bundle.sh            then  packaging/smoke_test_bundle.sh
#
# Uses its own venv under build/ (never the development one) so that only the app's own dependencies
# end up in the bundle. PYTHON picks the interpreter (default python3, 3.11 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=build/bundle-venv
NAME=transcript-reader

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "pyinstaller>=6.10" .

rm -rf "dist/$NAME"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/$NAME.spec

# The desktop entry for a system-wide install (the folder under /opt, the executable linked onto PATH).
# From the folder itself, `./transcript-reader --install-desktop-entry` writes one with this folder's path.
"$VENV/bin/python" -c "from reader.desktop import render_desktop_entry; print(render_desktop_entry(['$NAME']), end='')" \
    > "dist/$NAME/$NAME.desktop"
cp packaging/io.github.transcript_reader.TranscriptReader.metainfo.xml "dist/$NAME/"

echo "Built dist/$NAME: $(du -sh "dist/$NAME" | cut -f1), $(find "dist/$NAME" -type f | wc -l) files"
