"""What the posting and redemption dialogs share: the charges grid, the
live preview, and the after-state with a printable receipt or voucher."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from . import formatting as fmt, messages, printing
from .base_dialog import FormDialog
from .fields import FormInputError, YenEdit
from .review import Review, ReviewBar
from .widgets import NoticeLabel

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

PREVIEW_DELAY_MS = 250


class ChargesEditor(QWidget):
    """One yen field per charge category, two columns, in the form's tab order."""

    sig_changed = Signal()

    def __init__(self, categories: Sequence[str], parent: QWidget | None = None, currency: str = "JPY"):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, YenEdit] = {}
        half = (len(categories) + 1) // 2
        for i, code in enumerate(categories):
            edit = YenEdit(currency=currency, step=1000 if currency == "JPY" else 10)
            edit.setObjectName(f"charge_{code}")
            label = QLabel(fmt.category_text(code))
            label.setBuddy(edit)
            col = 0 if i < half else 2
            grid.addWidget(label, i % half, col)
            grid.addWidget(edit, i % half, col + 1)
            edit.valueChanged.connect(lambda _v: self.sig_changed.emit())
            self.fields[code] = edit
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # Down the first column, then the second.
        edits = list(self.fields.values())
        for a, b in zip(edits, edits[1:]):
            QWidget.setTabOrder(a, b)

    def charges(self) -> dict[str, int]:
        return {code: edit.value() for code, edit in self.fields.items() if edit.value()}

    def set(self, code: str, amount: int) -> None:
        self.fields[code].setValue(amount)

    def first(self) -> QWidget:
        return next(iter(self.fields.values()))


class ActionDialog(FormDialog):
    """A form whose action credits or spends points: the member's header, a
    live preview, Enter moving from field to field, a one-line review
    before anything is posted (Ctrl+Enter, then Enter), and a receipt or
    voucher after."""

    def __init__(self, session, member, parent: QWidget | None = None, *, ok_text: str):
        super().__init__(session, parent, ok_text=ok_text)
        self.member = member
        self.completed = False
        self.reviewing = False
        self.add_member_header(member)
        self._ok_text = self.ok_button.text()
        self._focus_before_review: QWidget | None = None
        self.ok_button.setToolTip(self.tr("Review before posting (Ctrl+Enter)"))
        self.review_bar = ReviewBar(self)
        self.review_bar.sig_confirmed.connect(self.post_reviewed)
        self.review_bar.sig_back.connect(self.end_review)
        self.preview = NoticeLabel(kind="info")
        self.preview.setObjectName("previewLabel")
        self.preview.setText(self.tr("Fill in the form to see the points."))
        self.result_label = NoticeLabel(kind="ok")
        self.result_label.setObjectName("resultLabel")
        self.result_label.hide()
        self.print_button = QPushButton(self.tr("&Print receipt"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Print the slip for the guest (Ctrl+P)"))
        self.print_button.clicked.connect(self.on_print)
        self.buttons.addButton(self.print_button, self.buttons.ButtonRole.ActionRole)
        self.print_button.hide()
        QShortcut(QKeySequence.StandardKey.Print, self, self.on_print)
        self.form_widgets: list[QWidget] = []
        self.slip: tuple[str, list[tuple[str, str]], str] | None = None
        # The slip is the guest's: in the member's language, not the clerk's.
        self.slip_texts: printing.SlipTexts | None = None
        printing.prepare_slip_language(self.worker, member.preferred_language)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.run_preview)
        self.preview_seq = 0
        self._preview_refusal = ""

    # -- preview --------------------------------------------------------------
    def schedule_preview(self, *_args) -> None:
        if not self.completed:
            self.preview_timer.start()

    def run_preview(self) -> None:
        call = self.preview_call()
        if call is None:
            return
        fn, args = call
        self.preview_seq += 1
        seq = self.preview_seq
        self.worker.submit(fn, *args, owner=self, on_done=lambda r: self._previewed(seq, r),
                           on_failed=lambda e: self._preview_failed(seq, e))

    def _previewed(self, seq: int, result) -> None:
        if seq == self.preview_seq and not self.completed:
            self.preview.setText(self.describe_preview(result))
            self.preview.show()
            if self._preview_refusal and self.error.text() == self._preview_refusal:
                self.error.clear_message()   # fixed: the refusal goes
            self._preview_refusal = ""

    def _preview_failed(self, seq: int, exc: BaseException) -> None:
        # One message per problem: the refusal in red where refusals go, not
        # also in the preview's blue.
        if seq == self.preview_seq and not self.completed:
            hint = self.unfinished_hint(exc)
            if hint:
                # A form not filled in yet is not a refusal: a neutral hint,
                # and a refusal fixed meanwhile goes.
                self.preview.setText(hint)
                self.preview.show()
                if self._preview_refusal and self.error.text() == self._preview_refusal:
                    self.error.clear_message()
                self._preview_refusal = ""
                return
            self._preview_refusal = messages.describe(exc)
            self.preview.hide()
            self.error.show_message(self._preview_refusal)

    def unfinished_hint(self, exc: BaseException) -> str:  # overridden
        """The preview's words when `exc` only says the form is not filled in yet."""
        return ""

    def preview_call(self) -> tuple[Callable, tuple] | None:  # overridden
        return None

    def describe_preview(self, result) -> str:  # overridden
        return ""

    # -- Enter moves, Ctrl+Enter reviews, Enter posts ----------------------------
    def finish_layout(self, *widgets: QWidget) -> None:
        # The points preview, the result and the review line stay in sight
        # next to the buttons, also when the form itself has to scroll.
        footer = tuple(w for w in widgets if w is self.preview or w is self.result_label) + (self.review_bar,)
        super().finish_layout(*(w for w in widgets if w not in footer), footer=footer)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in _ENTER and not self.completed and not self.reviewing:
            event.accept()
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.request_review()
            elif not self.enter_in(self.focusWidget()):
                self.focusNextChild()  # as in a POS money grid: Enter never posts from a field
            return
        super().keyPressEvent(event)

    def enter_in(self, widget: QWidget | None) -> bool:
        """A field where Enter does its own thing (adding a companion); True if handled."""
        return False

    def review_call(self):
        """What to review: a Review, or (fn, args) for the worker whose result
        review_of() turns into one. Raises FormInputError for what the form
        itself can refuse (a field that cannot be read, points that are not there)."""
        raise NotImplementedError

    def review_of(self, result) -> Review:  # for review_call's worker result
        raise NotImplementedError

    def request_review(self) -> None:
        if self.busy or self.completed or self.reviewing:
            return
        self.error.clear_message()
        try:
            call = self.review_call()
        except FormInputError as exc:
            self.error.show_message(str(exc))
            exc.widget.setFocus()
            return
        if call is None:
            return
        if isinstance(call, Review):
            self.start_review(call)
            return
        fn, args = call
        self.set_busy(True)

        def reviewed(result):
            self.set_busy(False)
            self.start_review(self.review_of(result))

        self.worker.submit(fn, *args, owner=self, on_done=reviewed, on_failed=self.on_refused)

    def review_text(self, r: Review) -> str:
        parts = [f"{fmt.full_name(self.member)} {self.member.member_number}"]
        if r.what:
            parts.append(r.what)
        sign = "+" if r.points >= 0 else "−"
        parts.append(self.tr("%1 points").replace("%1", sign + fmt.points(abs(r.points))))
        if r.nights is not None:
            parts.append(self.tr("1 night") if r.nights == 1 else self.tr("%1 nights").replace("%1", str(r.nights)))
        if r.amount:
            parts.append(r.amount)
        if r.after is not None:
            parts.append(self.tr("%1 left").replace("%1", fmt.points(r.after)))
        return "  ·  ".join(parts)

    def start_review(self, review: Review) -> None:
        self._focus_before_review = self.focusWidget()
        self.reviewing = True
        self.preview_timer.stop()
        for w in self.form_widgets:
            w.setEnabled(False)
        self.review_bar.line.setText(self.review_text(review))
        self.review_bar.show()
        self.ok_button.setText(self.tr("&Confirm"))
        self.ok_button.setToolTip(self.tr("Post it (Enter)"))
        self.review_bar.setFocus(Qt.FocusReason.OtherFocusReason)

    def end_review(self) -> None:
        if not self.reviewing:
            return
        self.reviewing = False
        self.review_bar.hide()
        for w in self.form_widgets:
            w.setEnabled(True)
        self.ok_button.setText(self._ok_text)
        self.ok_button.setToolTip(self.tr("Review before posting (Ctrl+Enter)"))
        back = self._focus_before_review
        if back is not None and back.isEnabled() and back is not self.ok_button:
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.first_field is not None:
            self.first_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def post_reviewed(self) -> None:
        if self.reviewing and not self.busy:
            self.confirm_action()

    def on_refused(self, exc: BaseException) -> None:
        self.end_review()
        super().on_refused(exc)

    def reject(self) -> None:
        if self.reviewing:
            self.end_review()  # Esc while reviewing goes back to the form, it does not close it
            return
        super().reject()

    def money_text(self, amount: int) -> str:
        currency = getattr(self, "currency", self.session.program.home_currency)
        return fmt.yen(amount) if currency == self.session.program.home_currency else f"{currency} {amount:,}"

    # -- after ----------------------------------------------------------------
    def show_result(self, text: str, slip_title: str, slip_lines: list[tuple[str, str]], footer: str = "",
                    print_text: str | None = None) -> None:
        self.completed = True
        self.reviewing = False
        self.review_bar.hide()
        self.preview_timer.stop()
        self.preview.hide()
        self.result_label.setText(text)
        self.result_label.show()
        for w in self.form_widgets:
            w.setEnabled(False)
        self.slip = (slip_title, slip_lines, footer)
        if print_text:
            self.print_button.setText(print_text)
        self.print_button.show()
        self.ok_button.setText(self.tr("Close"))
        # Not the "post" icon any more: it closes.
        self.ok_button.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_DialogCloseButton))
        self.buttons.button(self.buttons.StandardButton.Cancel).hide()
        self.ok_button.setFocus()

    def on_confirm(self) -> None:
        if self.completed:
            self.accept()
        elif self.reviewing:
            self.post_reviewed()
        else:
            self.request_review()

    def confirm_action(self) -> None:  # overridden: post what was reviewed
        raise NotImplementedError

    def on_print(self) -> None:
        if self.slip is not None:
            title, lines, footer = self.slip
            printing.print_slip(self, title, lines, footer)

    def add_currency_rows(self, form) -> None:
        """Overseas hotels: charges in the local currency and the posted rate to yen."""
        prop = self.session.program.property(self.session.property_code)
        self.currency = prop.currency
        self.exchange_rate = QLineEdit()
        self.exchange_rate.setObjectName("exchangeRateInput")
        self.exchange_rate.setPlaceholderText(self.tr("yen per 1 %1, e.g. 151.20").replace("%1", prop.currency))
        if prop.currency != self.session.program.home_currency:
            form.addRow(self.tr("E&xchange rate"), self.exchange_rate)
            self.exchange_rate.textChanged.connect(self.schedule_preview)

    def money_fields(self) -> dict:
        if self.currency == self.session.program.home_currency:
            return {}
        return {"currency": self.currency, "exchange_rate": self.exchange_rate.text().strip() or None}

    def member_texts(self) -> printing.SlipTexts:
        """Words, dates and yen for the slip, in the member's language."""
        if self.slip_texts is None:
            self.slip_texts = printing.slip_texts(self.member.preferred_language)
        return self.slip_texts

    def slip_header(self) -> list[tuple[str, str]]:
        s, t = self.session, self.member_texts()
        return [(t.translate("ActionDialog", "Hotel"), f"{s.property_name} ({s.property_code})"),
                (t.translate("ActionDialog", "Date"), t.day(s.desk.business_date)),
                (t.translate("ActionDialog", "Member"), f"{self.member.member_number}"),
                (t.translate("ActionDialog", "Name"), t.name(self.member))]

    def slip_footer(self) -> str:
        s, t = self.session, self.member_texts()
        return t.translate("ActionDialog", "Clerk %1 · Terminal %2").replace(
            "%1", s.clerk.login if s.clerk else "").replace("%2", s.settings.effective_terminal)
