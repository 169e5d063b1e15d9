"""The command line: `transcript-reader import/list/show …` over the same core as the window.

A stable contract (scripts and tests rely on it): exit 0 on success, 1 when something failed
(unknown id, some files not imported), 2 for bad usage. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any

from reader import __version__
from reader.app import COMMANDS, DESKTOP_ENTRY_FLAGS  # noqa: F401 - the names reader/app.py routes here
from reader.core.library import Library, LibraryError, UnknownTranscript
from reader.core.model import Annotation, OutcomeKind, Transcript, TranscriptSummary


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transcript-reader",
        description="Read, search and annotate mid.ru transcripts. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"transcript-reader {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry", action="store_true", help="add the app and its icon to your desktop's menu"
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove what --install-desktop-entry added"
    )
    library_option = argparse.ArgumentParser(add_help=False)
    library_option.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,  # keep a --library given before the command
        help="the library file (default: the one in your user data folder)",
    )
    parser.add_argument("--library", metavar="PATH", help="the library file (default: in your user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", parents=[library_option], help="import transcript files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders searched for *.txt")
    p.add_argument("--json", action="store_true", help="print the outcome of every file as JSON")

    p = commands.add_parser("list", parents=[library_option], help="list the transcripts, newest first")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("show", parents=[library_option], help="show one transcript")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")

    p = commands.add_parser(
        "search",
        parents=[library_option],
        help="search the whole archive",
        description='Words find their other forms; "a phrase" in quotes matches as written; word* is a '
        "prefix; AND, OR (binds tighter), NOT or -word, and parentheses combine them.",
    )
    p.add_argument("query", metavar="QUERY", help="what to look for (empty: everything the filters let through)")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="published on or before")
    p.add_argument("--lang", choices=("en", "ru"), help="only transcripts in this language")
    p.add_argument("--type", metavar="TYPE", help="document type: interview, briefing, statement, …")
    p.add_argument("--speaker", metavar="NAME", help="only what this speaker said (part of the name)")
    p.add_argument("--place", metavar="PLACE", help="only transcripts from this place (part of the name)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N results (default 50)")
    p.add_argument("--json", action="store_true", help='print {"total": N, "hits": [...]}')

    p = commands.add_parser(
        "link", parents=[library_option], help="link two transcripts as language versions of one document"
    )
    p.add_argument("ids", nargs=2, type=int, metavar="ID")

    p = commands.add_parser(
        "unlink", parents=[library_option], help="take a transcript out of its document's language versions"
    )
    p.add_argument("id", type=int)

    p = commands.add_parser("annotations", help="list, add or delete annotations (highlights and notes)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("list", parents=[library_option], help="annotations in reading order")
    a.add_argument("--transcript", type=int, metavar="ID", help="only those of this transcript")
    a.add_argument("--orphans", action="store_true", help="only those whose text was not found after a re-import")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("add", parents=[library_option], help="highlight text[START:END] of a transcript")
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("start", type=int, metavar="START", help="character offset into `show ID --json`'s text")
    a.add_argument("end", type=int, metavar="END")
    a.add_argument("--color", metavar="KEY", help="a colour of the legend (default: the first)")
    a.add_argument("--note", metavar="TEXT")
    a.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeat for more)")
    a.add_argument("--json", action="store_true", help="print the annotation as JSON")
    a = actions.add_parser("delete", parents=[library_option], help="delete an annotation")
    a.add_argument("annotation_id", type=int, metavar="ANN_ID")
    a = actions.add_parser(
        "import", parents=[library_option], help="add the annotations of a file (ours, or W3C / Hypothesis JSON-LD)"
    )
    a.add_argument("file", metavar="FILE")
    a.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("export", parents=[library_option], help="export annotations to a file or stdout")
    p.add_argument("--format", required=True, choices=("markdown", "csv", "jsonld", "html", "json"))
    p.add_argument("--transcript", type=int, action="append", metavar="ID", help="only this transcript (repeat)")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="published on or before")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only annotations with a tag (repeat)")
    p.add_argument("--color", action="append", default=[], metavar="KEY", help="only this colour (repeat)")
    p.add_argument("--counterparts", action="store_true", help="markdown, html: the other language's paragraph")
    p.add_argument("--out", metavar="PATH", help="write to PATH (default: stdout)")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")

    p = commands.add_parser("backup", parents=[library_option], help="back the library up (SQLite online backup)")
    p.add_argument("--out", metavar="PATH", help="the backup file (default: in backups/ beside the library)")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")

    p = commands.add_parser("restore", parents=[library_option], help="replace the library with a backup")
    p.add_argument("backup", metavar="BACKUP")
    return parser


def run(argv: Sequence[str]) -> int:
    """Run a command-line command; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return cmd_desktop_entry(install=args.install_desktop_entry)
    if args.command == "restore":  # replaces the library file: it must not be open (it may be damaged)
        return cmd_restore(args)
    from reader.core.library import open_library

    try:
        library = open_library(args.library)
    except LibraryError as err:
        print(f"transcript-reader: {err}", file=sys.stderr)
        return 1
    with library:
        try:
            return {
                "import": cmd_import,
                "list": cmd_list,
                "show": cmd_show,
                "search": cmd_search,
                "annotations": cmd_annotations,
                "link": cmd_link,
                "unlink": cmd_unlink,
                "export": cmd_export,
                "backup": cmd_backup,
            }[args.command](library, args)
        except UnknownTranscript as err:
            print(f"transcript-reader: {err}", file=sys.stderr)
            return 1
        except LibraryError as err:
            print(f"transcript-reader: {err}", file=sys.stderr)
            return 1
        except sqlite3.DatabaseError as err:  # damage past the pages read on opening shows on reading
            print(f"transcript-reader: The library {library.path} could not be read: {err}.", file=sys.stderr)
            return 1


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2021-03-22: {text!r}") from None


def cmd_search(library: Library, args: argparse.Namespace) -> int:
    """`search QUERY …`: the exact total and the first hits with a snippet (hits marked **like this**)."""
    from reader.core.search import QueryError

    if args.limit < 0:
        print("transcript-reader: --limit must not be negative.", file=sys.stderr)
        return 2
    try:
        result = library.search(
            args.query,
            date_from=args.date_from,
            date_to=args.date_to,
            language=args.lang,
            doc_type=args.type,
            speaker=args.speaker,
            place=args.place,
            sort=args.sort,
            limit=args.limit,
        )
    except QueryError as err:
        print(f"transcript-reader: {err.message}", file=sys.stderr)
        return 1
    hits = [
        {
            "id": hit.id,
            "date": hit.date.isoformat() if hit.date else None,
            "title": hit.title,
            "language": hit.language,
            "snippet": hit.snippet().marked(),
        }
        for hit in result.hits
    ]
    if args.json:
        print(json.dumps({"total": result.total, "hits": hits}, ensure_ascii=False, indent=2))
        return 0
    print(f"Showing {len(hits)} of {result.total} results.")
    for hit in hits:
        print(f"\n{hit['id']:>6}  {hit['date'] or '—':10}  {hit['language']}  {hit['title']}")
        print(f"        {hit['snippet']}")
    return 0


def cmd_import(library: Library, args: argparse.Namespace) -> int:
    from reader.core.importer import import_paths

    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, _file: str) -> None:
        end = "\r" if interactive and done < total else "\n"
        if interactive or done == total or done % 1000 < 200:
            print(f"Importing: {done}/{total} files", end=end, file=sys.stderr, flush=True)

    report = import_paths(library, args.paths, progress=progress)
    if args.json:

        def rows(kind: OutcomeKind) -> list[dict[str, Any]]:
            return [{"file": o.file, "id": o.id} for o in report.of_kind(kind)]

        print(
            json.dumps(
                {
                    "imported": rows(OutcomeKind.IMPORTED),
                    "duplicates": rows(OutcomeKind.DUPLICATE),
                    "updated": rows(OutcomeKind.UPDATED),
                    "failed": [{"file": o.file, "reason": o.reason, "message": o.message} for o in report.failed],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for outcome in report.failed:
            print(f"failed: {outcome.file}: {outcome.message}", file=sys.stderr)
    print(report.summary() + ".", file=sys.stderr)
    return 1 if report.failed else 0


def summary_json(s: TranscriptSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": s.published_date.isoformat() if s.published_date else None,
        "time": s.published_time.strftime("%H:%M") if s.published_time else None,
        "title": s.title,
        "language": s.language,
    }


def cmd_list(library: Library, args: argparse.Namespace) -> int:
    rows = [summary_json(s) for s in library.summaries()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['id']:>6}  {r['date'] or '—':10}  {r['time'] or '':5}  {r['language']}  {r['title']}")
    return 0


def transcript_json(t: Transcript) -> dict[str, Any]:
    return {
        "id": t.id,
        "date": t.published_date.isoformat() if t.published_date else None,
        "time": t.published_time.strftime("%H:%M") if t.published_time else None,
        "event_date": t.event_date.isoformat() if t.event_date else None,
        "title": t.title,
        "doc_type": t.doc_type.value,
        "place": t.place,
        "language": t.language,
        "available_languages": list(t.available_languages),
        "sections": list(t.sections),
        "turns": [{"speaker": turn.speaker, "text": turn.text} for turn in t.turns],
        "paragraphs": [{"kind": p.kind.value, "speaker": p.speaker, "text": p.text} for p in t.paragraphs],
        "text": t.text,
        "source_file": t.source_file,
    }


def cmd_show(library: Library, args: argparse.Namespace) -> int:
    t = library.transcript(args.id)
    if args.json:
        shown = {**transcript_json(t), "versions": library.versions(args.id)}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    when = " ".join(
        x for x in (str(t.published_date or ""), t.published_time.strftime("%H:%M") if t.published_time else "") if x
    )
    print(t.title)
    print(f"{when}  ·  {t.language}  ·  {', '.join(t.available_languages) or 'languages unknown'}")
    print()
    print(t.text)
    return 0


def annotation_json(a: Annotation, meanings: dict[str, str]) -> dict[str, Any]:
    return {
        "id": a.id,
        "uid": a.uid,
        "transcript_id": a.transcript_id,
        "kind": a.kind.value,
        "paragraph": a.paragraph,
        "start": a.start,
        "end": a.end,
        "exact": a.exact,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "color": a.color,
        "color_meaning": meanings.get(a.color) if a.color else None,
        "note": a.note,
        "tags": list(a.tags),
        "orphan": a.orphan,
        "content_hash": a.content_hash,
        "created": a.created.isoformat(timespec="milliseconds"),
        "modified": a.modified.isoformat(timespec="milliseconds"),
    }


def cmd_annotations(library: Library, args: argparse.Namespace) -> int:
    from reader.core.model import InvalidAnnotation

    meanings = {e.key: e.meaning for e in library.color_legend()}
    try:
        if args.action == "add":
            a = library.add_annotation(args.id, args.start, args.end, color=args.color, note=args.note, tags=args.tag)
            print(json.dumps(annotation_json(a, meanings), ensure_ascii=False, indent=2) if args.json else a.id)
        elif args.action == "delete":
            a = library.delete_annotation(args.annotation_id)
            print(f"Deleted annotation {a.id} (“{_shorten(a.exact or a.note or '')}”).", file=sys.stderr)
        elif args.action == "import":
            return cmd_annotations_import(library, args)
        else:
            if args.transcript is not None:
                library.transcript(args.transcript)  # an unknown id is an error, not an empty list
            listed = library.orphans(args.transcript) if args.orphans else library.annotations(args.transcript)
            if args.json:
                rows = [annotation_json(a, meanings) for a in listed]
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            for a in [] if args.json else listed:
                where = "orphan" if a.orphan else f"{a.start}-{a.end}"
                note = f"  — {_shorten(a.note)}" if a.note else ""
                tags = f"  #{' #'.join(a.tags)}" if a.tags else ""
                quote = f"“{_shorten(a.exact)}”" if a.exact else f"({a.kind.value})"
                print(f"{a.id:>6}  {a.transcript_id:>6}  {where:>13}  {a.color or '-':8}  {quote}{note}{tags}")
    except InvalidAnnotation as err:
        print(f"transcript-reader: {err}", file=sys.stderr)
        return 1
    return 0


def _shorten(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def cmd_annotations_import(library: Library, args: argparse.Namespace) -> int:
    """`annotations import FILE`: all or nothing; the report says what was added, present, unmatched."""
    from reader.core.export.annotation_import import AnnotationFileError, import_annotations

    try:
        report = import_annotations(library, args.file)
    except AnnotationFileError as err:
        print(f"transcript-reader: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    print(report.summary() + ".", file=sys.stderr)
    for document in report.missing_documents:
        print(f"  not in the library: {document}", file=sys.stderr)
    return 0


def cmd_export(library: Library, args: argparse.Namespace) -> int:
    """`export --format F …`: to --out, written atomically (an existing file needs --force), or to stdout."""
    from reader.core.export import ExportError, Scope, render, select, write_atomically

    keys = [e.key for e in library.color_legend()]
    for color in args.color:
        if color not in keys:
            colours = ", ".join(keys)
            print(f"transcript-reader: there is no colour “{color}”; the colours are {colours}.", file=sys.stderr)
            return 1
    scope = Scope(
        transcripts=tuple(args.transcript) if args.transcript else None,
        date_from=args.date_from,
        date_to=args.date_to,
        colors=tuple(args.color),
        tags=tuple(args.tag),
    )
    try:
        selection = select(library, scope, counterparts=args.counterparts)
        text = render(selection, args.format)
        if args.out is None:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
            return 0
        path = write_atomically(args.out, text, force=args.force)
    except ExportError as err:
        print(f"transcript-reader: {err}", file=sys.stderr)
        return 1
    n = selection.total
    print(f"Exported {n} annotation{'s' if n != 1 else ''} to {path}.", file=sys.stderr)
    return 0


def cmd_backup(library: Library, args: argparse.Namespace) -> int:
    """`backup [--out PATH]`: prints the backup's path (default: a new file in backups/ beside the library)."""
    from pathlib import Path

    from reader.core.backup import take_backup

    if args.out is None:
        path = take_backup(library)
    else:
        out = Path(args.out).expanduser()
        if out.exists() and not args.force:
            print(f"transcript-reader: {out} exists already; use --force to replace it.", file=sys.stderr)
            return 1
        path = library.backup(out)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """`restore BACKUP`: checks the backup, then replaces the library with it, keeping the replaced one."""
    from pathlib import Path

    from reader.core.backup import restore_backup
    from reader.core.resources import default_library_path

    target = Path(args.library).expanduser() if args.library else default_library_path()
    try:
        restored = restore_backup(args.backup, target)
        Library.open(target).close()  # an older backup's schema is upgraded now (its copy kept first)
    except LibraryError as err:
        print(f"transcript-reader: {err}", file=sys.stderr)
        return 1
    print(f"Restored {target} from {args.backup}.", file=sys.stderr)
    if restored.replaced is not None:
        print(f"The library it replaced is kept as {restored.replaced}.", file=sys.stderr)
    return 0


def cmd_link(library: Library, args: argparse.Namespace) -> int:
    first, second = args.ids
    library.link(first, second)  # a refusal is a LibraryError: its message, exit 1
    versions = ", ".join(f"{language} {tid}" for language, tid in library.versions(first).items())
    print(f"Linked as versions of one document: {versions}.")
    return 0


def cmd_unlink(library: Library, args: argparse.Namespace) -> int:
    library.unlink(args.id)
    print(f"Transcript {args.id} is no longer linked to other versions.")
    return 0


def cmd_desktop_entry(*, install: bool) -> int:
    """--install-desktop-entry / --uninstall-desktop-entry: says which files it wrote or removed."""
    from reader.desktop import DesktopEntryError, install_desktop_entry, uninstall_desktop_entry

    try:
        files = install_desktop_entry() if install else uninstall_desktop_entry()
    except DesktopEntryError as err:
        print(f"transcript-reader: {err}", file=sys.stderr)
        return 1
    if install:
        print(f"Installed the desktop entry {files.entry}")
        print(f"  and {len(files.icons)} icon files under {files.icons[0].parents[2]}")
        where = f" (in {files.directory})" if files.directory else ""
        print(f"  it starts: {' '.join(files.command)}{where}")
    elif files.paths:
        print("Removed:", *files.paths, sep="\n  ")
    else:
        print("No desktop entry was installed; nothing to remove.")
    if files.caches_updated:
        print(f"Updated: {', '.join(files.caches_updated)}")
    return 0
