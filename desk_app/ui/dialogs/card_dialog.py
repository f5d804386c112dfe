"""The membership card: the current card, or "no card yet", shown without
writing anything; Issue and Replace are explicit actions. Replace asks why
(no reason is assumed) and names the card that will stop working before
it does. Print, and save as PDF or PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from ...cards.render import draw_card, save_card
from ...services import cards
from .. import formatting as fmt, messages, printing
from ..member_header import MemberHeader
from ..session import DeskSession
from ..widgets import ErrorLabel, NoticeLabel

PREVIEW_DPI = 150


def show_and_draw(db, desk, number: str, name_order: str = "family_first"):
    """Worker: the card in force and its picture, or (None, None); writes nothing."""
    face = cards.current(db, desk, number, name_order=name_order)
    return face, (draw_card(face, PREVIEW_DPI) if face is not None else None)


def issue_and_draw(db, desk, number: str, reason: str, name_order: str = "family_first"):
    """Worker: issue (or replace) the card and draw it. `name_order` is the
    desk's setting: 'family_first' prints YAMADA Taro, 'given_first' Taro Yamada."""
    face = cards.issue(db, desk, number, reason, name_order=name_order)
    return face, draw_card(face, PREVIEW_DPI)


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The system's save dialog; tests replace this."""
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("CardDialog", "Save the card"),
                                          suggested, QCoreApplication.translate("CardDialog",
                                                                                "PDF (*.pdf);;PNG image (*.png)"))
    return path


class ReplaceCardDialog(QDialog):
    """Why the card is replaced (no default), and which card stops working."""

    sig_replace = Signal(str)   # the reason, once the clerk confirms

    def __init__(self, member, face, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("replaceCardDialog")
        self.setWindowTitle(self.tr("Replace the card — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        box = QGroupBox(self.tr("Why is the card being replaced?"))
        column = QVBoxLayout(box)
        for code, text in (("lost", self.tr("&Lost")), ("stolen", self.tr("&Stolen")),
                           ("damaged", self.tr("&Damaged"))):
            button = QRadioButton(text)
            button.setObjectName(f"reason_{code}")
            button.setProperty("reason", code)
            self.group.addButton(button)
            column.addWidget(button)
        self.warning = QLabel(self.tr(
            "Card %1 of %2 (%3), issued %4, will stop working at once: a scan of it will be refused. "
            "The guest gets card %5.").replace("%1", str(face.sequence)).replace("%2", member.member_number)
            .replace("%3", fmt.full_name(member)).replace("%4", fmt.day(face.issued_on))
            .replace("%5", str(face.sequence + 1)))
        self.warning.setObjectName("replaceWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: 600; color: #9b1c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Replace card %1").replace("%1", str(face.sequence)))
        self.ok_button.setEnabled(False)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.group.buttonToggled.connect(lambda *_a: self.ok_button.setEnabled(self.reason() is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(MemberHeader(member, self))
        layout.addWidget(box)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def reason(self) -> str | None:
        checked = self.group.checkedButton()
        return checked.property("reason") if checked is not None else None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.group.buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)  # focus, not a choice

    def accept(self) -> None:
        reason = self.reason()
        if reason is not None:
            self.sig_replace.emit(reason)
            super().accept()


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
        self.loaded = False
        self.replace_dialog: ReplaceCardDialog | None = None
        self.setWindowTitle(self.tr("Membership card — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))

        self.preview = QLabel(self.tr("Looking for the card…"))
        self.preview.setObjectName("cardPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(506, 319)
        self.preview.setStyleSheet("QLabel#cardPreview { color: #718096; }")
        self.info = NoticeLabel(kind="info")
        self.info.setObjectName("cardInfo")
        self.error = ErrorLabel(self)

        self.issue_button = QPushButton(self.tr("&Issue card"))
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setToolTip(self.tr("Issue the member's first card (Alt+I)"))
        self.issue_button.clicked.connect(self.on_issue)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Print the card on the card printer (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF or PNG…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the card as a file (Ctrl+S)"))
        self.replace_button = QPushButton(self.tr("&Replace card…"))
        self.replace_button.setObjectName("replaceButton")
        self.replace_button.setToolTip(self.tr("Lost, stolen or damaged: asks why, then issues a new card; "
                                               "the old one stops working at once (Alt+R)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        for button in (self.issue_button, self.print_button, self.save_button, self.replace_button,
                       self.close_button):
            button.setAutoDefault(False)
        self.print_button.clicked.connect(self.on_print)
        self.save_button.clicked.connect(self.on_save)
        self.replace_button.clicked.connect(self.on_replace)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.on_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self.on_save)

        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(MemberHeader(member, self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._set_enabled(False)
        self.issue_button.hide()
        self._load()

    # -- worker round trips -------------------------------------------------
    def _load(self) -> None:
        self.busy = True
        self.session.worker.submit(show_and_draw, self.session.db, self.session.desk, self.member.member_number,
                                   self.session.settings.name_order, owner=self, on_done=self.on_loaded,
                                   on_failed=self.on_refused)

    def on_loaded(self, result) -> None:
        self.busy = False
        self.loaded = True
        face, pil = result
        if face is None:
            self.preview.setText(self.tr("No card yet"))
            self.preview.setStyleSheet("QLabel#cardPreview { color: #4a5568; font-size: 16pt; font-weight: 600;"
                                       " border: 2px dashed #c9d6ea; border-radius: 10px; }")
            self.info.setText(self.tr("%1 has no card yet. Issue one to hand it over (Alt+I).").replace(
                "%1", fmt.full_name(self.member)))
            self.issue_button.show()
            self._set_enabled(False)
            self.issue_button.setEnabled(True)
            self.issue_button.setDefault(True)
            self.issue_button.setFocus()
            return
        self._show(face, pil)
        self.info.setText(self.tr("Card %1, issued %2, is the member's card in force.").replace(
            "%1", str(face.sequence)).replace("%2", fmt.day(face.issued_on)))

    def _show(self, face, pil) -> None:
        self.face = face
        self.preview.setStyleSheet("")
        self.image = printing.pil_to_qimage(pil)
        self.preview.setPixmap(QPixmap.fromImage(self.image))
        self.issue_button.hide()
        self._set_enabled(True)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    def _issue(self, reason: str) -> None:
        self.busy = True
        self._set_enabled(False)
        self.issue_button.setEnabled(False)
        self.error.clear_message()
        self.session.worker.submit(issue_and_draw, self.session.db, self.session.desk, self.member.member_number,
                                   reason, self.session.settings.name_order, owner=self,
                                   on_done=lambda r: self.on_issued(r, reason), on_failed=self.on_refused)

    def on_issued(self, result, reason: str) -> None:
        self.busy = False
        face, pil = result
        self._show(face, pil)
        if reason == "new":
            text = self.tr("Card %1, issued %2. Hand it to the guest.")
        else:
            text = self.tr("Card %1 issued %2 as a replacement; the previous card no longer works.")
        self.info.setText(text.replace("%1", str(face.sequence)).replace("%2", fmt.day(face.issued_on)))
        self.sig_done.emit(face)

    def on_refused(self, exc: BaseException) -> None:
        self.busy = False
        self.error.show_message(messages.describe(exc))
        self._set_enabled(self.face is not None)
        self.issue_button.setEnabled(self.face is None and self.loaded)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.print_button, self.save_button, self.replace_button):
            w.setEnabled(on)

    # -- actions --------------------------------------------------------------
    def on_issue(self) -> None:
        if self.face is None and self.loaded and not self.busy:
            self._issue("new")

    def on_replace(self) -> None:
        if self.face is None or self.busy:
            return
        dialog = ReplaceCardDialog(self.member, self.face, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.replace_dialog = dialog
        dialog.sig_replace.connect(self._issue)
        dialog.destroyed.connect(lambda _o=None: setattr(self, "replace_dialog", None))
        dialog.open()

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
