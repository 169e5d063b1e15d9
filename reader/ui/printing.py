"""Print and save as PDF (Ctrl+P): the open version, or both versions side by side.

What is printed is a document of its own, built for paper: the title and the header line above the
text, black on white whatever the theme, at the actual size. QtPrintSupport loads on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from reader.core.model import Transcript
from reader.ui.themes import LIGHT
from reader.ui.transcript_view import fill_document, header_line

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget


def transcript_document(transcript: Transcript, font: QFont | None = None) -> QTextDocument:
    """The transcript as it prints: its title and header line, then its text."""
    document = QTextDocument()
    fill_document(document, transcript, LIGHT)
    if font is not None:
        document.setDefaultFont(font)
    prepend_title(document, transcript.title, header_line(transcript))
    return document


def prepend_title(document: QTextDocument, title: str, subtitle: str) -> None:
    """Put a title and a line under it before the document's first block."""
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    first_format = cursor.blockFormat()
    first_char = cursor.blockCharFormat()
    title_format = QTextCharFormat()
    title_format.setFontWeight(QFont.Weight.Bold)
    title_format.setFontPointSize(document.defaultFont().pointSizeF() * 1.35)
    block = QTextBlockFormat()
    block.setBottomMargin(4)
    cursor.setBlockFormat(block)
    cursor.insertText(title, title_format)
    meta = QTextCharFormat()
    meta.setForeground(QColor(LIGHT.muted))
    under = QTextBlockFormat()
    under.setBottomMargin(18)
    cursor.insertBlock(under, meta)
    cursor.insertText(subtitle, meta)
    cursor.insertBlock(first_format, first_char)


def pdf_printer(path: Path, title: str) -> QPrinter:
    """A printer that writes a PDF file."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Transcript Reader")
    return printer


def print_to_pdf(document: QTextDocument, path: Path, title: str) -> None:
    """Save the document as a PDF file at `path`."""
    document.print_(pdf_printer(path, title))


def print_with_dialog(parent: QWidget, document: QTextDocument, title: str) -> bool:
    """Ask for a printer (or a PDF file: the dialog offers both) and print; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setCreator("Transcript Reader")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print “{title}”").format(title=title))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
