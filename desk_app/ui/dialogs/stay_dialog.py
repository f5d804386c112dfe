"""Checkout posting, and the missing-stay claim (the same form with past
dates): folio, dates, channel, rate plan, charges, companions; the points,
bonus and nights are previewed before the clerk confirms."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QPushButton, QVBoxLayout, QWidget)

from ...domain import errors
from ...services import lookup, posting
from .. import formatting as fmt, messages
from ..action_form import ActionDialog, ChargesEditor
from ..fields import AmountEdit, DateEdit, FormInputError
from ..review import Review
from ..widgets import ErrorLabel

# At checkout the lines most folios carry come first, so Enter reaches them in a key or two.
_CHECKOUT_FIRST = ("room", "fnb", "tax", "service", "local_tax")


def checkout_order(categories) -> list[str]:
    first = [c for c in _CHECKOUT_FIRST if c in categories]
    return first + [c for c in categories if c not in first]


class StayDialog(ActionDialog):
    def __init__(self, session, member, parent: QWidget | None = None, *, claim: bool = False):
        super().__init__(session, member, parent, ok_text=self.tr("&Post stay") if not claim else self.tr("&Post claim"))
        self.claim = claim
        self.setObjectName("claimDialog" if claim else "stayDialog")
        who = f"{member.member_number} {fmt.full_name(member)}"
        self.setWindowTitle((self.tr("Missing-stay claim — %1") if claim else self.tr("Post stay — %1"))
                            .replace("%1", who))
        program = session.program
        rules = program.earning_for(session.property_code)
        today = session.desk.business_date

        intro = QLabel(self.tr("A stay the member forgot to have credited. Claims are accepted within 6 months of "
                               "the check-out date.") if claim else
                       self.tr("Post the folio at checkout. Points go to the member who paid; companions who are "
                               "members get the nights."))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.folio = QLineEdit()
        self.folio.setObjectName("folioInput")
        self.folio.setMaxLength(40)
        # Check-out is the business date at checkout; Nights sets check-in from it
        # (typing 2 puts check-in two nights back). Short forms resolve against the business date.
        self.check_in = DateEdit(None if claim else today - timedelta(days=1), base=today,
                                 what=self.tr("check-in date"))
        self.check_in.setObjectName("checkInInput")
        self.check_out = DateEdit(None if claim else today, base=today, what=self.tr("check-out date"))
        self.check_out.setObjectName("checkOutInput")
        self.nights = AmountEdit()
        self.nights.setObjectName("nightsInput")
        self.nights.setRange(0, 366)
        self.nights.setValue(0 if claim else 1)
        self.nights.setSpecialValueText(" ")   # no dates yet: nothing, not "0"
        self.nights.setToolTip(self.tr("Nights: check-in moves back from check-out"))
        self.nights.setMaximumWidth(80)
        dates = QHBoxLayout()
        nights_label = QLabel(self.tr("&Nights"))
        nights_label.setBuddy(self.nights)
        dates.addWidget(self.nights)
        dates.addWidget(nights_label)
        dates.addSpacing(12)
        dates.addWidget(self.check_in, 1)
        dates.addWidget(QLabel("→"))
        dates.addWidget(self.check_out, 1)
        self.date_message = ErrorLabel()
        self.date_message.setObjectName("dateMessage")
        self._syncing = False
        self.channel = QComboBox()
        self.channel.setObjectName("channelInput")
        for code in rules.channels:
            self.channel.addItem(fmt.channel_text(code), code)
        self.plan = QComboBox()
        self.plan.setObjectName("ratePlanInput")
        for code in rules.rate_plans:
            self.plan.addItem(fmt.plan_text(code), code)
        form.addRow(self.tr("&Folio number"), self.folio)
        form.addRow(self.tr("&Stay"), dates)
        form.labelForField(dates).setBuddy(self.nights)
        form.addRow("", self.date_message)
        form.addRow(self.tr("&Booking channel"), self.channel)
        form.addRow(self.tr("&Rate plan"), self.plan)
        self.add_currency_rows(form)

        charges_box = QGroupBox(self.tr("Charges on the folio (%1)").replace("%1", self.currency))
        self.charges = ChargesEditor(checkout_order(program.categories), currency=self.currency)
        QVBoxLayout(charges_box).addWidget(self.charges)

        comp_box = QGroupBox(self.tr("Companions in the room who are members"))
        cb = QVBoxLayout(comp_box)
        row = QHBoxLayout()
        self.companion_input = QLineEdit()
        self.companion_input.setObjectName("companionInput")
        self.companion_input.setPlaceholderText(self.tr("member number, e-mail or phone, then Add"))
        self.add_companion = QPushButton(self.tr("&Add"))
        self.add_companion.setObjectName("addCompanionButton")
        self.add_companion.setAutoDefault(False)
        self.add_companion.clicked.connect(self.on_add_companion)
        row.addWidget(self.companion_input, 1)
        row.addWidget(self.add_companion)
        self.companions_model = QStringListModel(self)
        self.companions = QListView()
        self.companions.setObjectName("companionsView")
        self.companions.setModel(self.companions_model)
        self.companions.setMaximumHeight(70)
        self.companions.setToolTip(self.tr("Delete removes the selected companion"))
        QShortcut(QKeySequence.StandardKey.Delete, self.companions, self.on_remove_companion)
        self.companion_numbers: list[str] = []
        cb.addLayout(row)
        cb.addWidget(self.companions)

        self.form_widgets = [form_widget, charges_box, comp_box]
        self.finish_layout(intro, form_widget, charges_box, comp_box, self.preview, self.result_label)
        QWidget.setTabOrder(self.exchange_rate if self.money_fields() else self.plan, self.charges.first())
        for w in (self.folio, self.check_in, self.check_out):
            w.textChanged.connect(self.schedule_preview)
        self.channel.currentIndexChanged.connect(self.schedule_preview)
        self.plan.currentIndexChanged.connect(self.schedule_preview)
        self.charges.sig_changed.connect(self.schedule_preview)
        self.check_in.textChanged.connect(self.update_nights)
        self.check_out.textChanged.connect(self.update_nights)
        self.nights.valueChanged.connect(self.on_nights_typed)
        for edit in (self.check_in, self.check_out):
            edit.sig_problem.connect(self.show_date_problem)
        QWidget.setTabOrder(self.folio, self.nights)
        QWidget.setTabOrder(self.nights, self.check_in)
        QWidget.setTabOrder(self.check_in, self.check_out)
        QWidget.setTabOrder(self.check_out, self.channel)
        self.update_nights()
        self.first_field = self.folio
        self.setMinimumWidth(640)

    # -- form -----------------------------------------------------------------
    def update_nights(self, *_a) -> None:
        """Dates typed: Nights follows them."""
        if self._syncing:
            return
        a, b = self.check_in.peek(), self.check_out.peek()
        self._syncing = True
        self.nights.setValue((b - a).days if a and b and b >= a else 0)
        self._syncing = False

    def on_nights_typed(self, nights: int) -> None:
        """Nights typed: check-in moves back from check-out (the business date)."""
        if self._syncing or nights <= 0:
            return
        out = self.check_out.peek()
        if out is None:
            return
        self._syncing = True
        self.check_in.set_date(out - timedelta(days=nights))
        self._syncing = False

    def show_date_problem(self, _text: str = "") -> None:
        """One message for the dates, gone as soon as both read."""
        problems = [e.problem for e in (self.check_in, self.check_out) if e.problem]
        self.date_message.show_message(problems[0] if problems else "")

    def folio_from_form(self) -> posting.StayFolio:
        check_in = self.check_in.value(self.tr("check-in date"))
        check_out = self.check_out.value(self.tr("check-out date"))
        return posting.StayFolio(folio=self.folio.text().strip(), check_in=check_in, check_out=check_out,
                                 channel=self.channel.currentData(), charges=self.charges.charges(),
                                 rate_plan=self.plan.currentData(), companions=tuple(self.companion_numbers),
                                 **self.money_fields())

    def preview_call(self):
        try:
            folio = self.folio_from_form()
        except FormInputError:
            return None
        return posting.preview_stay, (self.session.db, self.session.desk, self.member.member_number, folio)

    def unfinished_hint(self, exc: BaseException) -> str:
        if isinstance(exc, errors.NoRoomCharge):
            return self.tr("Type the room charge to see the points.")
        return ""

    def describe_preview(self, e) -> str:
        return self.tr("This stay earns %1 points + %2 bonus = %3 points, and %4.").replace(
            "%1", fmt.points(e.points)).replace("%2", fmt.points(e.bonus_points)).replace(
            "%3", fmt.points(e.total)).replace("%4", self.nights_text(e.nights))

    def nights_text(self, n: int) -> str:
        return self.tr("1 night") if n == 1 else self.tr("%1 nights").replace("%1", str(n))

    # -- companions -------------------------------------------------------------
    def on_add_companion(self) -> None:
        query = self.companion_input.text().strip()
        if not query:
            return
        self.worker.submit(lookup.lookup, self.session.db, self.session.desk, query, owner=self,
                           on_done=lambda rows: self._companion_found(query, rows),
                           on_failed=lambda exc: self.error.show_message(messages.describe(exc)))

    def _companion_found(self, query: str, rows) -> None:
        if len(rows) != 1:
            self.error.show_message(
                self.tr("No member found for “%1”.").replace("%1", query) if not rows else
                self.tr("Several members match “%1”: use the member number.").replace("%1", query))
            return
        m = rows[0]
        if m.member_number in self.companion_numbers:
            return
        self.error.clear_message()
        self.companion_numbers.append(m.member_number)
        self.companions_model.setStringList(
            self.companions_model.stringList() + [f"{m.member_number}  {fmt.full_name(m)}"])
        self.companion_input.clear()
        self.schedule_preview()

    def on_remove_companion(self) -> None:
        row = self.companions.currentIndex().row()
        if row >= 0:
            del self.companion_numbers[row]
            self.companions_model.removeRows(row, 1)

    # -- posting ----------------------------------------------------------------
    def enter_in(self, widget) -> bool:
        if widget is self.nights and not self.claim:
            self.charges.first().setFocus()   # the dates follow from Nights: on to the charges
            return True
        if widget is self.companion_input and self.companion_input.text().strip():
            self.on_add_companion()  # Enter in the companion field adds, it does not post
            return True
        return False

    def review_call(self):
        self.pending = self.folio_from_form()
        return posting.preview_stay, (self.session.db, self.session.desk, self.member.member_number, self.pending)

    def review_of(self, e) -> Review:
        return Review(points=e.total, nights=e.nights, amount=self.money_text(sum(self.pending.charges.values())))

    def confirm_action(self) -> None:
        folio = self.pending
        self.run(posting.post_stay, self.session.db, self.session.desk, self.member.member_number, folio,
                 on_done=lambda r: self.on_posted(folio, r))

    def on_posted(self, folio: posting.StayFolio, r: posting.PostingResult) -> None:
        text = self.tr("Posted: %1 points + %2 bonus, %3. New balance %4 points.").replace(
            "%1", fmt.points(r.points)).replace("%2", fmt.points(r.bonus_points)).replace(
            "%3", self.nights_text(r.nights)).replace("%4", fmt.points(r.balance_after))
        if r.companions:
            text += "\n" + self.tr("Nights also credited to: %1").replace(
                "%1", ", ".join(c.member_number for c in r.companions))
        t = self.member_texts()  # the slip: in the member's language
        lines = self.slip_header() + [
            (t.translate("StayDialog", "Folio"), folio.folio),
            (t.translate("StayDialog", "Stay"), f"{t.day(folio.check_in)} – {t.day(folio.check_out)}"),
            (t.translate("StayDialog", "Points"), t.points(r.points)),
            (t.translate("StayDialog", "Bonus"), t.points(r.bonus_points)),
            (t.translate("StayDialog", "Nights"), str(r.nights)),
            (t.translate("StayDialog", "Balance"), t.points(r.balance_after)),
        ]
        self.show_result(text, t.translate("StayDialog", "Points receipt"), lines, self.slip_footer())
