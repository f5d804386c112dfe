"""What every form dialog shares: Enter confirms, Esc cancels, the refusal
label, and running the action on the worker while the form keeps what was
typed."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from . import messages, screen_fit
from .screen_fit import FormScroll
from .session import DeskSession
from .widgets import ErrorLabel
from .worker import Worker


def count_refusal(session, worker: Worker, action: str, exc: BaseException) -> None:
    """The day report counts the desk's refusals (services/refusals.py)."""
    from ..domain.errors import DeskError
    from ..services import refusals

    if (session is not None and session.clerk is not None and isinstance(exc, DeskError)
            and action in refusals.COUNTED_ACTIONS):
        worker.submit(refusals.record, session.db, session.desk, action, exc.code)


class FormDialog(QDialog):
    sig_done = Signal(object)       # the service's result, after success
    sig_refused = Signal(str)       # the sentence shown to the clerk

    def __init__(self, session: DeskSession | None, parent: QWidget | None = None, *, ok_text: str | None = None,
                 worker: Worker | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = worker or session.worker
        self.busy = False
        self.outcome = None
        self.first_field: QWidget | None = None   # focused when the dialog shows
        self.layout_ = QVBoxLayout(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        if ok_text:
            self.ok_button.setText(ok_text)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setToolTip(self.tr("Cancel (Esc)"))
        self.ok_button.setToolTip(self.tr("Confirm (Enter)"))
        self.buttons.accepted.connect(self.on_confirm)
        self.buttons.rejected.connect(self.reject)

    def add_member_header(self, member) -> None:
        """The member's name and number, large, above everything else."""
        from .member_header import MemberHeader

        self.member_header = MemberHeader(member, self)
        self.layout_.insertWidget(0, self.member_header)

    def finish_layout(self, *widgets: QWidget, footer: tuple[QWidget, ...] = ()) -> None:
        """Add the form's own widgets (in a body that scrolls when the screen
        is too small for it), then, always in reach, the footer, the refusal
        label and the buttons."""
        body = QWidget()
        body.setObjectName("formBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            body_layout.addWidget(w)
        self.scroll = FormScroll(body)
        self.layout_.addWidget(self.scroll, 1)
        for w in footer:
            self.layout_.addWidget(w)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            # Grow with what appears later (a refusal, the review line, a plan
            # from the worker) instead of squeezing the header and the text.
            width = self.width()
            need = (self.layout_.heightForWidth(width) if self.layout_.hasHeightForWidth()
                    else self.sizeHint().height())
            need = max(need, self.minimumSizeHint().height())
            room = screen_fit.available(self)
            if room is not None:   # never past the screen: the body scrolls instead
                frame = screen_fit.frame_of(self)
                need = min(need, room.height() - frame.top() - frame.bottom())
            if need > self.height():
                self.resize(width, need)
                screen_fit.cap_dialog(self)  # grown downwards: moved up if its foot left the screen
        return handled

    def adjustSize(self) -> None:  # noqa: N802 - Qt's name
        """As tall as the form wants, up to the screen (Qt's own stops at two
        thirds of the screen: the form would scroll with room to spare)."""
        hint = self.sizeHint().expandedTo(self.minimumSizeHint())
        room = screen_fit.available(self)
        if room is None:
            super().adjustSize()
            return
        frame = screen_fit.frame_of(self)
        self.resize(min(max(hint.width(), self.minimumWidth()), room.width() - frame.left() - frame.right()),
                    min(hint.height(), room.height() - frame.top() - frame.bottom()))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            self.adjustSize()
        screen_fit.cap_dialog(self)
        self._watch_inputs()
        if self.first_field is not None:
            QTimer.singleShot(0, lambda: self.first_field.setFocus(Qt.FocusReason.OtherFocusReason))

    def _watch_inputs(self) -> None:
        """A refusal goes as soon as the clerk changes what was typed: it
        answered the form as it was, not as it is now."""
        if getattr(self, "_watching", False):
            return
        self._watching = True
        from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

        for edit in self.findChildren(QLineEdit):
            if not isinstance(edit.parent(), (QAbstractSpinBox, QComboBox)):
                edit.textEdited.connect(self.on_input_changed)
        for spin in self.findChildren(QAbstractSpinBox):
            spin.lineEdit().textEdited.connect(self.on_input_changed)
        for combo in self.findChildren(QComboBox):
            combo.activated.connect(self.on_input_changed)
        for button in self.findChildren(QAbstractButton):
            if button.isCheckable():
                button.clicked.connect(self.on_input_changed)
        if not hasattr(self, "date_message"):   # (Post stay says it beside its dates)
            from .fields import DateEdit

            for edit in self.findChildren(DateEdit):
                edit.sig_problem.connect(self.on_date_problem)

    def on_date_problem(self, text: str) -> None:
        """A wrong date: the field is red, and its one message is here until it reads."""
        if text:
            self.error.show_message(text)
        elif any(text_ == self.error.text() for text_ in self._date_messages()):
            self.error.clear_message()

    def _date_messages(self) -> list[str]:
        from .fields import DateEdit

        return [e.message() for e in self.findChildren(DateEdit)]

    def on_input_changed(self, *_a) -> None:
        if not self.busy:
            self.error.clear_message()

    # -- running the action ---------------------------------------------------
    def on_confirm(self) -> None:  # overridden by each dialog
        raise NotImplementedError

    def run(self, fn: Callable, *args, on_done: Callable | None = None, **kwargs) -> None:
        if self.busy:
            return
        self.error.clear_message()
        self.set_busy(True)

        def done(result):
            self.set_busy(False)
            self.outcome = result
            self.refresh_balance(result)
            self.sig_done.emit(result)
            if on_done is not None:
                on_done(result)

        def refused(exc: BaseException) -> None:
            count_refusal(self.session, self.worker, getattr(fn, "__name__", ""), exc)
            self.on_refused(exc)

        self.worker.submit(fn, *args, owner=self, on_done=done, on_failed=refused, **kwargs)

    def refresh_balance(self, result) -> None:
        """After an action that moved points: the header (and a dialog's own
        balance line) show the balance as it now stands."""
        balance = getattr(result, "balance_after", None)
        if balance is None:
            return
        header = getattr(self, "member_header", None)
        if header is not None:
            header.set_balance(balance)
        label, text = getattr(self, "balance_label", None), getattr(self, "balance_text", None)
        if label is not None and text is not None:
            label.setText(text(balance))

    def on_refused(self, exc: BaseException) -> None:
        self.set_busy(False)
        sentence = messages.describe(exc)
        self.error.show_message(sentence)
        self.adjustSize()
        self.sig_refused.emit(sentence)

    def can_confirm(self) -> bool:
        """False while the form holds something it must refuse (a dialog's own rule)."""
        return True

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy and self.can_confirm())
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
