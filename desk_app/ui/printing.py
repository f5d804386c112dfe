"""Printing through the system's printer dialog: the card (CR80), receipt
slips and vouchers. One painting path for printers and PDF files.

A slip is the guest's, so it speaks the MEMBER's language
(MemberView.preferred_language), whatever the clerk's desk shows: its
texts come from a QTranslator of their own loaded with that language's
catalogue (i18n.catalogue_file; English is the source text), dates and
yen are formatted in that language too, and the slip is set in the
bundled Noto Sans JP so a desk PC without a Japanese font never prints
boxes."""

from __future__ import annotations

import html
import logging
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ..paths import resources_dir
from . import formatting as fmt, i18n

log = logging.getLogger(__name__)

CR80_MM = QSizeF(85.6, 54.0)
SLIP_MM = QSizeF(80.0, 160.0)
SLIP_FONT_FILE = "NotoSansJP-Regular.otf"
SLIP_POINT_SIZE = 9.0


# -- the member's language ---------------------------------------------------------

@dataclass(frozen=True)
class SlipTexts:
    """A slip's words, dates and yen in one language. translate(context,
    source) takes the same context and English source as the dialog's own
    self.tr() would, so one catalogue entry serves the screen and the slip."""

    lang: str
    translator: QTranslator | None = None

    def translate(self, context: str, source: str) -> str:
        if self.translator is None:
            return source
        return self.translator.translate(context, source) or source

    def program(self, name: str) -> str:
        """A tier or award name from the program file."""
        return self.translate(i18n.PROGRAM_CONTEXT, name) if name else name

    def day(self, value: date | None) -> str:
        return fmt.day(value, self.lang)

    def yen(self, amount: int | None) -> str:
        return fmt.yen(amount, self.lang)

    def points(self, value: int | None) -> str:
        return fmt.points(value)

    def name(self, member) -> str:
        """The guest's name as they read it: 山田 太郎 on a Japanese slip;
        on an English one the romanised name, given name first (Taro
        Yamada), when both parts have one."""
        if self.lang != "ja" and getattr(member, "family_roman", None) and getattr(member, "given_roman", None):
            return f"{member.given_roman} {member.family_roman}"
        return fmt.full_name(member)


_slip_translators: dict[str, QTranslator | None] = {}


def slip_catalogue(lang: str | None) -> Path | None:
    """The compiled catalogue for a slip language, or None for English (or
    when there is none). Compiling a stale .qm runs pyside6-lrelease, so
    the dialogs call this on the worker before a slip is needed."""
    lang = i18n.normalize(lang)
    if lang == i18n.SOURCE_LANGUAGE:
        return None
    try:
        return i18n.catalogue_file(lang)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        log.warning("no %s catalogue for slips: %s", lang, exc)
        return None


def remember_catalogue(lang: str | None, path: Path | None) -> None:
    """Load the slip translator for `lang` from `path` (GUI thread), once."""
    lang = i18n.normalize(lang)
    if lang in _slip_translators:
        return
    translator = None
    if path is not None:
        translator = QTranslator()
        if not translator.load(str(path)):
            log.warning("slip catalogue %s could not be loaded; slips print in English", path)
            translator = None
    _slip_translators[lang] = translator


def prepare_slip_language(worker, lang: str | None, owner=None) -> None:
    """Find (and if need be compile) the member's catalogue on the worker,
    so the slip is ready in their language when the action is done."""
    lang = i18n.normalize(lang)
    if lang == i18n.SOURCE_LANGUAGE or lang in _slip_translators:
        return
    worker.submit(slip_catalogue, lang, owner=owner, on_done=lambda path: remember_catalogue(lang, path),
                  on_failed=lambda _exc: remember_catalogue(lang, None))


def slip_texts(lang: str | None) -> SlipTexts:
    """The texts of a slip for a member who reads `lang` ('ja' or 'en')."""
    lang = i18n.normalize(lang)
    if lang not in _slip_translators and lang != i18n.SOURCE_LANGUAGE:
        remember_catalogue(lang, slip_catalogue(lang))  # not prepared in advance: now
    return SlipTexts(lang, _slip_translators.get(lang))


# -- the font ----------------------------------------------------------------------

_slip_family: list[str] = []


def slip_font(point_size: float = SLIP_POINT_SIZE) -> QFont:
    """Noto Sans JP from resources/fonts, registered once with Qt."""
    if not _slip_family:
        path = resources_dir() / "fonts" / SLIP_FONT_FILE
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("bundled font %s could not be loaded; slips use the system font", path)
        _slip_family.append(families[0] if families else "")
    font = QFont(_slip_family[0]) if _slip_family[0] else QFont()
    font.setPointSizeF(point_size)
    return font


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


def slip_document(title: str, lines: Iterable[tuple[str, str]], footer: str = "") -> QTextDocument:
    """The slip as a text document in the bundled font: what is printed,
    and what render_slip draws."""
    doc = QTextDocument()
    doc.setDefaultFont(slip_font())
    doc.setHtml(slip_html(title, lines, footer))
    return doc


def render_slip(title: str, lines: Iterable[tuple[str, str]], footer: str = "", width_px: int = 320) -> QImage:
    """The slip on white, for a preview or a screenshot."""
    doc = slip_document(title, lines, footer)
    doc.setTextWidth(width_px - 16)
    height = int(doc.size().height()) + 16
    image = QImage(width_px, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.translate(8, 8)
        doc.drawContents(painter)
    finally:
        painter.end()
    return image


def print_slip(parent: QWidget | None, title: str, lines: Iterable[tuple[str, str]], footer: str = "") -> bool:
    printer = ask_printer(parent, SLIP_MM, title)
    if printer is None:
        return False
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    slip_document(title, lines, footer).print_(printer)
    return True
