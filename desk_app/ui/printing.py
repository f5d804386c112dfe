"""Printing through the system's printer dialog: the card (CR80), receipt
slips and vouchers. One painting path for printers and PDF files."""

from __future__ import annotations

import html
from typing import Iterable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

CR80_MM = QSizeF(85.6, 54.0)
SLIP_MM = QSizeF(80.0, 160.0)


def pil_to_qimage(img) -> QImage:
    rgb = img.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()


def ask_printer(parent: QWidget | None, page_mm: QSizeF, title: str) -> QPrinter | None:
    """The system's print dialog; None when the clerk cancels. Tests replace this."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(page_mm, QPageSize.Unit.Millimeter, title))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if page_mm.width() > page_mm.height()
                               else QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def paint_image(printer: QPrinter, image: QImage) -> None:
    painter = QPainter(printer)
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        target = QRectF(0, 0, page.width(), page.height())
        scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        rect = QRectF(0, 0, scaled.width(), scaled.height())
        rect.moveCenter(target.center())
        painter.drawImage(rect, image)
    finally:
        painter.end()


def print_card(parent: QWidget | None, image: QImage) -> bool:
    printer = ask_printer(parent, CR80_MM, QCoreApplication.translate("Printing", "Membership card"))
    if printer is None:
        return False
    paint_image(printer, image)
    return True


def slip_html(title: str, lines: Iterable[tuple[str, str]], footer: str = "") -> str:
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td align='right'><b>{html.escape(v)}</b></td></tr>"
                   for k, v in lines)
    return (f"<h3 style='text-align:center'>{html.escape(title)}</h3>"
            f"<table width='100%' cellspacing='0' cellpadding='2'>{rows}</table>"
            + (f"<p style='font-size:small'>{html.escape(footer)}</p>" if footer else ""))


def print_slip(parent: QWidget | None, title: str, lines: Iterable[tuple[str, str]], footer: str = "") -> bool:
    printer = ask_printer(parent, SLIP_MM, title)
    if printer is None:
        return False
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    doc = QTextDocument()
    doc.setHtml(slip_html(title, lines, footer))
    doc.print_(printer)
    return True
