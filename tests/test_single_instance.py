"""Single instance: a second start hands its arguments to the window already open on the library.

Real processes talk over a real local socket: one listens as the running window would, the other is
a second start.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

HANDED_OVER, NOT_HANDED_OVER = 3, 4

LISTENER = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from reader.ui.single_instance import SingleInstance

app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
listening = instance.listen()

def received(args):
    Path(sys.argv[2]).write_text(json.dumps(args), encoding="utf-8")
    app.quit()

instance.argumentsReceived.connect(received)
print("listening" if listening else "not listening", flush=True)
QTimer.singleShot(60_000, app.quit)  # never outlive a broken test
app.exec()
"""

SECOND_START = """
import sys
from reader.ui.single_instance import SingleInstance
sys.exit(3 if SingleInstance(sys.argv[1]).try_hand_over(sys.argv[2:]) else 4)
"""


@pytest.fixture
def env():
    """The children's environment: the checkout importable from anywhere, sockets in a private folder."""
    runtime = tempfile.mkdtemp(prefix="tr-")  # short: a Unix socket's path must stay under ~107 bytes
    yield {**os.environ, "PYTHONPATH": str(ROOT), "XDG_RUNTIME_DIR": runtime, "QT_QPA_PLATFORM": "offscreen"}
    shutil.rmtree(runtime, ignore_errors=True)


def start_listener(library, received, env):
    process = subprocess.Popen(
        [sys.executable, "-c", LISTENER, str(library), str(received)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout.readline().strip() == "listening"
    return process


def second_start(library, *args, env, cwd):
    return subprocess.run(
        [sys.executable, "-c", SECOND_START, str(library), *args], env=env, cwd=cwd, timeout=60
    ).returncode


def test_a_second_start_hands_absolute_paths_and_the_date_to_the_running_one(tmp_path, env):
    library, received = tmp_path / "lib.sqlite", tmp_path / "received.json"
    (tmp_path / "in").mkdir()
    listener = start_listener(library, received, env)
    try:
        status = second_start(
            library, "a.txt", "../b folder", "--date", "2021-03-22", "-platform", "xcb", env=env, cwd=tmp_path / "in"
        )
        assert listener.wait(timeout=60) == 0
    finally:
        listener.kill()
    assert status == HANDED_OVER
    assert json.loads(received.read_text(encoding="utf-8")) == [
        str(tmp_path / "in" / "a.txt"),
        str(tmp_path / "b folder"),
        "--date",
        "2021-03-22",
    ]


def test_another_library_is_another_instance(tmp_path, env):
    listener = start_listener(tmp_path / "one.sqlite", tmp_path / "received.json", env)
    try:
        assert second_start(tmp_path / "two.sqlite", "a.txt", env=env, cwd=tmp_path) == NOT_HANDED_OVER
    finally:
        listener.kill()
        listener.wait()
    assert not (tmp_path / "received.json").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_the_socket_of_a_crashed_instance_is_taken_over(tmp_path, env):
    library, received = tmp_path / "lib.sqlite", tmp_path / "received.json"
    crashed = start_listener(library, received, env)
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    [left_behind] = Path(env["XDG_RUNTIME_DIR"]).iterdir()
    assert left_behind.is_socket()

    assert second_start(library, "a.txt", env=env, cwd=tmp_path) == NOT_HANDED_OVER  # so it opens a window
    listener = start_listener(library, received, env)  # and listens where the crashed one did
    try:
        assert second_start(library, "b.txt", env=env, cwd=tmp_path) == HANDED_OVER
        assert listener.wait(timeout=60) == 0
    finally:
        listener.kill()
    assert json.loads(received.read_text(encoding="utf-8")) == [str(tmp_path / "b.txt")]


def test_only_the_arguments_a_window_acts_on_are_handed_over(tmp_path):
    from reader.ui.single_instance import hand_over_arguments

    args = [
        "--library",
        "x.sqlite",
        "--date=2021-03-22",
        "-style",
        "Fusion",
        "file.txt",
        "~/notes.txt",
        "--",
        "-odd.txt",
    ]
    assert hand_over_arguments(args, cwd=tmp_path) == [
        "--date",
        "2021-03-22",
        str(tmp_path / "file.txt"),
        str(Path.home() / "notes.txt"),
        str(tmp_path / "-odd.txt"),
    ]


def test_the_socket_name_is_per_library_and_stable(tmp_path):
    from reader.ui.single_instance import server_name

    assert server_name(tmp_path / "a.sqlite") == server_name(tmp_path / "x" / ".." / "a.sqlite")
    assert server_name(tmp_path / "a.sqlite") != server_name(tmp_path / "b.sqlite")


def test_the_running_window_gets_files_and_a_day():
    import datetime as dt

    from reader.ui.single_instance import split_hand_over

    assert split_hand_over(["/a.txt", "--date", "2021-03-22", "/b"]) == (["/a.txt", "/b"], dt.date(2021, 3, 22))
    assert split_hand_over(["--date", "22.03.2021"]) == ([], None)  # a bad date opens no day
    assert split_hand_over([]) == ([], None)


def test_starting_the_app_on_a_file_while_it_runs_imports_it_in_the_running_window(tmp_path, env):
    """The double-click case, end to end: the second start exits, the open window imports the file."""
    library = tmp_path / "lib.sqlite"
    home = {f"XDG_{kind}_HOME": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "STATE", "CACHE")}
    env = {**env, **home, "HOME": str(tmp_path)}
    window = subprocess.Popen([sys.executable, "-m", "reader", "--library", str(library)], env=env, cwd=ROOT)
    give_up = time.monotonic() + 120  # a hang fails the test instead of stalling the suite
    try:
        runtime = Path(env["XDG_RUNTIME_DIR"])
        while not any(p.is_socket() for p in runtime.iterdir()):  # the window listens
            assert window.poll() is None, "the window exited"
            assert time.monotonic() < give_up, "the window never listened"
            time.sleep(0.05)
        second = subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(library), str(SEED)], env=env, cwd=ROOT, timeout=60
        )
        assert second.returncode == 0
        titles = []
        while not titles:  # the window imports on a worker thread
            assert window.poll() is None, "the window exited"
            assert time.monotonic() < give_up, "the handed-over file was never imported"
            listed = subprocess.run(
                [sys.executable, "-m", "reader", "list", "--json", "--library", str(library)],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                timeout=60,
            )
            titles = [row["title"] for row in json.loads(listed.stdout or "[]")]
            time.sleep(0.1)
    finally:
        window.terminate()
        window.wait(timeout=60)
    assert len(titles) == 1 and "Lavrov" in titles[0]
