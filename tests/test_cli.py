"""The command-line contract that scripts rely on: commands, JSON shapes and exit codes."""

import json
import subprocess
import sys

import pytest

from reader import __version__
from tests.conftest import ROOT, SEED


def cli(*args, library=None):
    command = [sys.executable, "-m", "reader"]
    if library is not None:
        command += ["--library", str(library)]
    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture
def lib(tmp_path):
    return tmp_path / "lib.sqlite"


def test_version():
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"transcript-reader {__version__}"


def test_import_json_reports_every_file_and_exits_1_when_some_failed(lib, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("import", SEED, tmp_path / "empty.txt", "--json", library=lib)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert set(report) == {"imported", "duplicates", "updated", "failed"}
    [imported] = report["imported"]
    assert imported["file"] == str(SEED) and isinstance(imported["id"], int)
    [failed] = report["failed"]
    assert failed["reason"] == "empty_file" and failed["message"]
    assert "Traceback" not in result.stderr
    assert "1 imported" in result.stderr

    again = cli("import", SEED, "--json", library=lib)
    assert again.returncode == 0
    assert json.loads(again.stdout)["duplicates"] == [{"file": str(SEED), "id": imported["id"]}]


def test_library_option_works_before_or_after_the_command(lib):
    assert cli("import", SEED, "--library", lib).returncode == 0
    listed = json.loads(cli("list", "--json", library=lib).stdout)
    assert len(listed) == 1


def test_list_and_show_json(lib):
    cli("import", SEED, library=lib)
    [row] = json.loads(cli("list", "--json", library=lib).stdout)
    assert row == {
        "id": row["id"],
        "date": "2021-03-22",
        "time": "01:00",
        "title": "Foreign Minister Sergey Lavrov\u2019s interview with Chinese media, Moscow, March 22, 2021",
        "language": "en",
    }
    shown = json.loads(cli("show", row["id"], "--json", library=lib).stdout)
    assert shown["date"] == "2021-03-22" and shown["time"] == "01:00"
    assert shown["event_date"] == "2021-03-22"
    assert shown["doc_type"] == "interview" and shown["place"] == "Moscow"
    assert shown["language"] == "en" and shown["available_languages"] == ["en-GB", "ru-RU"]
    assert [t["speaker"] for t in shown["turns"]] == ["Question", "Sergey Lavrov"] * 5
    assert shown["turns"][0]["text"].startswith("This year Russia and China")
    assert all(p["kind"] in ("turn", "unlabelled", "heading", "separator") for p in shown["paragraphs"])
    # the top-level text is the paragraphs as shown, joined by a blank line
    assert shown["text"].startswith("Question: This year Russia and China")
    assert "\n\nSergey Lavrov: Our leaders" in shown["text"]
    assert "|" not in shown["text"] and "Advanced settings" not in shown["text"]
    assert shown["source_file"] == str(SEED)
    plain = cli("show", row["id"], library=lib)
    assert plain.returncode == 0 and "Sergey Lavrov: Our leaders" in plain.stdout


def test_unknown_id_is_a_message_not_a_traceback(lib):
    result = cli("show", 4242, library=lib)
    assert result.returncode == 1
    assert "no transcript with id 4242" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_usage_exits_2(lib):
    assert cli("show", "not-a-number", library=lib).returncode == 2
    assert cli("import", library=lib).returncode == 2


def test_a_library_that_is_not_sqlite_is_a_message(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello")
    result = cli("list", library=bad)
    assert result.returncode == 1
    assert "not an SQLite database" in result.stderr and "Traceback" not in result.stderr


def test_every_command_is_routed_to_the_command_line_and_nothing_else_opens_the_window():
    from reader.app import COMMANDS, wants_command_line
    from reader.cli import build_parser

    parser = build_parser()
    subcommands = next(a for a in parser._subparsers._group_actions if a.dest == "command").choices
    assert set(subcommands) == set(COMMANDS)  # a new command must not open the window instead
    for name in COMMANDS:
        assert wants_command_line([name, "--library", "x.sqlite"])
    assert not wants_command_line(["--library", "x.sqlite", "some/folder"])
    assert not wants_command_line([])
