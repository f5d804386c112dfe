"""The membership card: preview with its QR, print, save as PDF or PNG, and
replacement of a lost, stolen or damaged card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from ...cards.render import draw_card, save_card
from ...services import cards
from .. import formatting as fmt, messages, printing
from ..session import DeskSession
from ..widgets import ErrorLabel, NoticeLabel

PREVIEW_DPI = 150


def issue_and_draw(db, desk, number: str, reason: str, name_order: str = "family_first"):
    """Worker: issue (or re-show) the card and draw it. `name_order` is the
    desk's setting: 'family_first' prints YAMADA Taro, 'given_first' Taro Yamada."""
    face = cards.issue(db, desk, number, reason, name_order=name_order)
    return face, draw_card(face, PREVIEW_DPI)


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The system's save dialog; tests replace this."""
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("CardDialog", "Save the card"),
                                          suggested, QCoreApplication.translate("CardDialog",
                                                                                "PDF (*.pdf);;PNG image (*.png)"))
    return path


class CardDialog(QDialog):
    sig_done = Signal(object)      # CardFace after an issue or replacement
    sig_saved = Signal(str)
    sig_printed = Signal()

    def __init__(self, session: DeskSession, member, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardDialog")
        self.session = session
        self.member = member
        self.face = None
        self.image = None
        self.busy = False
        self.setWindowTitle(self.tr("Membership card — %1").replace("%1", fmt.full_name(member)))

        self.preview = QLabel(self.tr("Preparing the card…"))
        self.preview.setObjectName("cardPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(506, 319)
        self.info = NoticeLabel(kind="info")
        self.info.setObjectName("cardInfo")
        self.error = ErrorLabel(self)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Print the card on the card printer (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF or PNG…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the card as a file (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.on_print)
        self.save_button.clicked.connect(self.on_save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.on_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self.on_save)

        replace_box = QGroupBox(self.tr("Replace the card"))
        rb = QHBoxLayout(replace_box)
        self.reason = QComboBox()
        self.reason.setObjectName("replaceReason")
        for code in ("lost", "stolen", "damaged"):
            self.reason.addItem(fmt.card_reason_text(code), code)
        self.replace_button = QPushButton(self.tr("&Replace card"))
        self.replace_button.setObjectName("replaceButton")
        self.replace_button.setToolTip(self.tr("Issue a new card; the old one stops working at once (Alt+R)"))
        self.replace_button.clicked.connect(self.on_replace)
        rb.addWidget(QLabel(self.tr("Reas&on")))
        rb.itemAt(0).widget().setBuddy(self.reason)
        rb.addWidget(self.reason, 1)
        rb.addWidget(self.replace_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.info)
        layout.addWidget(replace_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.replace_box = replace_box
        self._set_enabled(False)
        self._issue("new")

    # -- worker round trips -------------------------------------------------
    def _issue(self, reason: str) -> None:
        self.busy = True
        self._set_enabled(False)
        self.error.clear_message()
        self.session.worker.submit(issue_and_draw, self.session.db, self.session.desk, self.member.member_number,
                                   reason, self.session.settings.name_order, owner=self, on_done=lambda r: self.on_issued(r, reason),
                                   on_failed=self.on_refused)

    def on_issued(self, result, reason: str) -> None:
        self.busy = False
        self.face, pil = result
        self.image = printing.pil_to_qimage(pil)
        self.preview.setPixmap(QPixmap.fromImage(self.image))
        if reason == "new":
            text = self.tr("Card %1, issued %2. Hand it to the guest.")
        else:
            text = self.tr("Card %1 issued %2 as a replacement; the previous card no longer works.")
        self.info.setText(text.replace("%1", str(self.face.sequence)).replace("%2", fmt.day(self.face.issued_on)))
        self._set_enabled(True)
        self.print_button.setFocus()
        self.sig_done.emit(self.face)

    def on_refused(self, exc: BaseException) -> None:
        self.busy = False
        self.error.show_message(messages.describe(exc))
        self._set_enabled(self.face is not None)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.print_button, self.save_button, self.replace_button, self.reason):
            w.setEnabled(on)

    # -- actions --------------------------------------------------------------
    def on_replace(self) -> None:
        if self.face is not None and not self.busy:
            self._issue(self.reason.currentData())

    def on_print(self) -> None:
        if self.image is None:
            return
        if printing.print_card(self, printing.pil_to_qimage(draw_card(self.face))):
            self.sig_printed.emit()

    def on_save(self) -> None:
        if self.face is None:
            return
        suggested = str(Path.home() / f"card-{self.face.member_number}-{self.face.sequence}.pdf")
        path = ask_save_path(self, suggested)
        if not path:
            return
        if not path.lower().endswith((".pdf", ".png")):
            path += ".pdf"
        self.busy = True
        self.session.worker.submit(save_card, self.face, Path(path), owner=self,
                                   on_done=lambda p: self._saved(str(p)), on_failed=self.on_refused)

    def _saved(self, path: str) -> None:
        self.busy = False
        self.info.setText(self.tr("Saved to %1").replace("%1", path))
        self.sig_saved.emit(path)
