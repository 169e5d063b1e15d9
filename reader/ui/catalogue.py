"""The translation catalogue's tooling: find the interface's marked strings in reader/ui and the
command registry, keep resources/i18n/transcript_reader_ru.ts in step with them, compile the .qm.

    python -m reader.ui.catalogue --update

A string is marked the Qt way: `self.tr("…")` (context: the class), `QCoreApplication.translate(
"context", "…")`, `QT_TRANSLATE_NOOP("context", "…")`, or `tr("…")` imported from reader/ui/actions.py
(context "commands"). pyside6-lupdate reads the same marks, but files that call the actions module's
`tr` land in an unnamed context there; tests/ui/test_translations.py checks both against the catalogue.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.resources import resource_path
from reader.ui.i18n import CATALOGUE, COMMANDS_CONTEXT

UI_FOLDER = Path(__file__).resolve().parent


# -- finding the strings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Message:
    context: str
    source: str
    file: str = ""
    line: int = 0


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages_in(path: Path) -> Iterator[Message]:
    """The marked strings of one module: self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP, and the
    actions module's tr (context "commands")."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = path.name
    uses_commands_tr = path.name == "actions.py" or any(
        isinstance(node, ast.ImportFrom)
        and node.module == "reader.ui.actions"
        and any(alias.name == "tr" and alias.asname in (None, "tr") for alias in node.names)
        for node in ast.walk(tree)
    )

    def marked(call: ast.Call, cls: str | None) -> Message | None:
        func, args = call.func, call.args
        if isinstance(func, ast.Attribute) and func.attr == "tr" and cls is not None and args:
            is_self = isinstance(func.value, ast.Name) and func.value.id == "self"
            text = _literal(args[0])
            return Message(cls, text, name, call.lineno) if is_self and text else None
        translate = isinstance(func, ast.Attribute) and func.attr == "translate"
        noop = isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"
        if (translate or noop) and len(args) >= 2:
            context, text = _literal(args[0]), _literal(args[1])
            return Message(context, text, name, call.lineno) if context and text else None
        if isinstance(func, ast.Name) and func.id == "tr" and uses_commands_tr and args:
            text = _literal(args[0])
            return Message(COMMANDS_CONTEXT, text, name, call.lineno) if text else None
        return None

    def visit(node: ast.AST, cls: str | None) -> Iterator[Message]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and (found := marked(child, cls)) is not None:
                yield found
            yield from visit(child, cls)

    yield from visit(tree, None)


def registry_messages() -> Iterator[Message]:
    """The command registry's words, which tr() meets only at run time."""
    from reader.core.commands import CATEGORIES, commands

    for category in CATEGORIES:
        yield Message(COMMANDS_CONTEXT, category, "commands.py")
    for c in commands():
        for text in (c.title, c.description, c.submenu):
            if text:
                yield Message(COMMANDS_CONTEXT, text, "commands.py")
    from reader.ui.themes import THEME_TITLES

    for title in THEME_TITLES.values():  # the preferences' theme list
        yield Message(COMMANDS_CONTEXT, title, "themes.py")
    from reader.core.model import DocType

    for doc_type in DocType:  # the header line names the type: "Interview"
        yield Message("TranscriptView", doc_type.value.capitalize(), "model.py")


def code_messages(folder: Path = UI_FOLDER) -> list[Message]:
    """Every marked string of the interface, each (context, source) once, in file order."""
    seen: dict[tuple[str, str], Message] = {}
    for path in sorted(folder.glob("*.py")):
        for message in messages_in(path):
            seen.setdefault((message.context, message.source), message)
    for message in registry_messages():
        seen.setdefault((message.context, message.source), message)
    return list(seen.values())


# -- the .ts file -------------------------------------------------------------------------------------


def ts_path(language: str = "ru") -> Path:
    return resource_path("i18n") / f"{CATALOGUE}_{language}.ts"


@dataclass(frozen=True, slots=True)
class Entry:
    context: str
    source: str
    translation: str
    kind: str  # "" finished, "unfinished", "obsolete", "vanished"


def read_ts(path: Path) -> list[Entry]:
    root = ET.parse(path).getroot()
    entries = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            entries.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    (translation.text or "") if translation is not None else "",
                    (translation.get("type") or "") if translation is not None else "unfinished",
                )
            )
    return entries


def write_ts(path: Path, messages: Iterable[Message], old: Iterable[Entry], language: str = "ru") -> None:
    """The catalogue with the code's strings (keeping known translations, new ones unfinished) and
    strings that left the code kept as obsolete, so a translation is never lost."""
    known = {(e.context, e.source): e for e in old}
    by_context: dict[str, list[tuple[str, str, str]]] = {}
    wanted = set()
    for m in messages:
        wanted.add((m.context, m.source))
        entry = known.get((m.context, m.source))
        translation = entry.translation if entry else ""
        kind = "" if translation and entry and entry.kind in ("", "obsolete", "vanished") else "unfinished"
        by_context.setdefault(m.context, []).append((m.source, translation, kind))
    for (context, source), entry in known.items():
        if (context, source) not in wanted and entry.translation:
            by_context.setdefault(context, []).append((source, entry.translation, "vanished"))
    root = ET.Element("TS", version="2.1", language=f"{language}_RU" if language == "ru" else language)
    root.set("sourcelanguage", "en_GB")
    for context in sorted(by_context):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, translation, kind in by_context[context]:
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = source
            element = ET.SubElement(message, "translation")
            element.text = translation
            if kind:
                element.set("type", kind)
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")


def lrelease() -> str | None:
    """The pyside6-lrelease beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compile_ts(path: Path) -> Path:
    tool = lrelease()
    if tool is None:
        raise RuntimeError("pyside6-lrelease was not found (it comes with PySide6-Essentials)")
    target = path.with_suffix(".qm")
    subprocess.run([tool, "-silent", str(path), "-qm", str(target)], check=True)
    return target


def update(language: str = "ru") -> tuple[int, int]:
    """Bring the catalogue up to the code and compile it; (strings, unfinished)."""
    path = ts_path(language)
    old = read_ts(path) if path.exists() else []
    messages = code_messages()
    write_ts(path, messages, old, language)
    compile_ts(path)
    entries = read_ts(path)
    return len(messages), sum(1 for e in entries if e.kind == "unfinished")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["--update"]:
        print("usage: python -m reader.ui.catalogue --update", file=sys.stderr)
        return 2
    total, unfinished = update()
    print(f"{total} strings, {unfinished} without a Russian translation in {ts_path()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
