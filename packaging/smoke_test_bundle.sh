#!/usr/bin/env bash
# Start the built bundle offscreen on a new library, wait until its main window is shown, and check that
# it quits with status 0. Also checks that the files the app needs are inside. Run after build_bundle.sh.
#
#     packaging/smoke_test_bundle.sh [dist/transcript-reader/transcript-reader]
set -euo pipefail
cd "$(dirname "$0")/.."

EXE=${1:-dist/transcript-reader/transcript-reader}
[ -x "$EXE" ] || { echo "smoke test: no bundle at $EXE (run packaging/build_bundle.sh)" >&2; exit 1; }
DIR=$(dirname "$EXE")

fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
# the files the app finds through resources_dir(), and qtawesome's fonts
for f in resources/sample-interview-2021-03-22.txt resources/light.qss resources/dark.qss resources/icon.svg \
         resources/icons/transcript-reader-48.png packaging/transcript-reader.desktop.in; do
    [ -f "$DIR/_internal/$f" ] || [ -f "$DIR/$f" ] || fail "$f is missing from the bundle"
done
find "$DIR" -path '*qtawesome/fonts/*.ttf' | grep -q . || fail "qtawesome's fonts are missing from the bundle"

# A throw-away home: the default library, settings and logs go there, not into the user's.
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
run() {
    env -i PATH=/usr/bin:/bin HOME="$HOME_DIR" XDG_DATA_HOME="$HOME_DIR/data" XDG_CONFIG_HOME="$HOME_DIR/config" \
        XDG_STATE_HOME="$HOME_DIR/state" XDG_CACHE_HOME="$HOME_DIR/cache" XDG_RUNTIME_DIR="$HOME_DIR" \
        QT_QPA_PLATFORM=offscreen TRANSCRIPT_READER_EXIT_AFTER_SHOWN=1 "$@"
}

# Prints the milliseconds from start to exit; fails unless the window was shown and the app quit with 0.
start_window() {
    local start status=0 output
    start=$(date +%s%N)
    output=$(run timeout 120 "$EXE" 2>"$HOME_DIR/stderr") || status=$?
    local ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ "$status" -eq 0 ] || { cat "$HOME_DIR/stderr" >&2; fail "the app exited with status $status"; }
    grep -qx shown <<<"$output" || { cat "$HOME_DIR/stderr" >&2; fail "the main window was never shown"; }
    if grep -q Traceback "$HOME_DIR/stderr"; then cat "$HOME_DIR/stderr" >&2; fail "a traceback on stderr"; fi
    echo "$ms"
}
first=$(start_window)  # creates the default library with the sample transcript
[ -f "$HOME_DIR/data/transcript-reader/library.sqlite" ] || fail "no default library was created"
second=$(start_window)

# The command line from the same executable.
run "$EXE" list | grep -q "2021-03-22" || fail "'$EXE list' does not list the sample transcript"

echo "smoke test passed: window shown, app quit with 0; start to exit ${first} ms on a new library," \
    "${second} ms after; bundle $(du -sh "$DIR" | cut -f1)"
