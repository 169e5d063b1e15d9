"""The README's two set-up commands are what CI runs and what a new user types."""

import re

from tests.conftest import ROOT


def readme_commands():
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_opens_with_an_install_and_a_test_command():
    install, test = readme_commands()[:2]
    assert install.startswith("python3 -m venv .venv") and install.endswith(".venv/bin/transcript-reader")
    assert test.startswith("python3 -m venv .venv") and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    test = readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines
