"""Redeeming an award: the whole catalogue in one fixed order per role,
each award under its number key, the ones the member cannot take greyed
with what they lack (never hidden: Down Down or a number picks the same
award for every member); quantity, the balance after, the identity check,
a one-line review, and the voucher."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...services import redemption
from .. import formatting as fmt, messages
from ..action_form import ActionDialog
from ..fields import AmountEdit, FormInputError
from ..i18n import program_text
from ..models import AwardModel, AwardOffer
from ..review import Review
from ..widgets import RED, CheckBox, NoticeLabel, make_table

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def offers_for(session, member) -> tuple[AwardOffer, ...]:
    """The catalogue as this desk's role sees it, always in the same order:
    the program file's awards, Pay by Points (which has its own form) last."""
    program = session.program
    awards = [a for a in program.awards if session.may(redemption.award_action(a.kind))]
    awards = [a for a in awards if a.kind != "pay_by_points"] + [a for a in awards if a.kind == "pay_by_points"]
    redeemable = member.status == "active" and (
        not program.redeem_requires_full_registration or member.registration == "full")
    balance = member.points_balance
    return tuple(
        AwardOffer(key, a.code, a.name, a.points, a.kind, a.max_quantity, a.channels,
                   affordable=min(a.max_quantity, balance // a.points) if a.points else 0,
                   shortfall=max(0, a.points - balance), yen_value=a.yen_value or None, redeemable=redeemable)
        for key, a in enumerate(awards, start=1)
    )


class RedeemDialog(ActionDialog):
    sig_pay_by_points = Signal()   # the clerk chose Pay by Points: its own form takes over

    def __init__(self, session, member, parent: QWidget | None = None, *, card_scanned: bool = False):
        super().__init__(session, member, parent, ok_text=self.tr("&Redeem"))
        self.setObjectName("redeemDialog")
        self.setWindowTitle(self.tr("Redeem an award — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        self.print_button.setText(self.tr("&Print voucher"))
        balance = self.balance_label = QLabel(self.balance_text(member.points_balance))
        balance.setObjectName("balanceLabel")
        balance.setStyleSheet("font-weight: 600;")
        self.notice = NoticeLabel(kind="warning")
        self.notice.setObjectName("redeemNotice")

        self.model = AwardModel(self)
        self.model.set_rows(offers_for(session, member))
        self.table = make_table(self.model, "awardsView", stretch_column=1)
        self.table.setMinimumHeight(200)
        self.table.setToolTip(self.tr("Number keys choose an award; Enter moves on"))
        self.table.installEventFilter(self)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.quantity = AmountEdit()
        self.quantity.setObjectName("quantityInput")
        self.quantity.setRange(1, 1)
        self.channel = QComboBox()
        self.channel.setObjectName("channelInput")
        self.folio = QLineEdit()
        self.folio.setObjectName("folioInput")
        self.folio.setMaxLength(40)
        self.folio.setPlaceholderText(self.tr("optional"))
        self.after = QLabel()
        self.after.setObjectName("balanceAfterLabel")
        self.identity = CheckBox(self.tr("I have checked the member's &identity (card or photo ID)"))
        self.identity.setObjectName("identityCheck")
        if card_scanned:
            # The member's own card was scanned at this desk to open the page: that is the check.
            self.identity.setChecked(True)
            self.identity.setToolTip(self.tr("Ticked: the member's card was scanned"))
        form.addRow(self.tr("&Quantity"), self.quantity)
        form.addRow(self.tr("Booking &channel"), self.channel)
        form.addRow(self.tr("&Folio (optional)"), self.folio)
        form.addRow(self.tr("Points after"), self.after)
        form.addRow("", self.identity)

        if not any(o.redeemable for o in self.model.rows()):
            self.notice.setText(messages.redeem_needs_full_registration())
        elif not any(o.available for o in self.model.rows()):
            self.notice.setText(messages.nothing_to_redeem(
                fmt.points(member.points_balance),
                self.tr("%1 points").replace("%1", fmt.points(min(o.points for o in self.model.rows())))))
        self.notice.setVisible(bool(self.notice.text()))
        self.form_widgets = [self.table, form_widget]
        self.preview.hide()
        # The balance is in the header (refreshed after the redemption): not a second time here.
        balance.hide()
        self.finish_layout(self.notice, self.table, form_widget, self.result_label)
        self.table.selectionModel().currentRowChanged.connect(self.on_award_changed)
        self.quantity.valueChanged.connect(self.update_after)
        self.table.selectRow(0)
        self.on_award_changed()
        self.first_field = self.table
        self.setMinimumWidth(680)

    def balance_text(self, points: int) -> str:
        return self.tr("Balance: %1 points").replace("%1", fmt.points(points))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            n = _DIGITS.get(event.key())
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if n is not None and mods == Qt.KeyboardModifier.NoModifier:
                if n <= self.model.rowCount():
                    self.table.selectRow(n - 1)
                return True
        return super().eventFilter(obj, event)

    def offer(self) -> AwardOffer | None:
        row = self.table.currentIndex().row()
        return self.model.row(row) if row >= 0 else None

    def on_award_changed(self, *_a) -> None:
        offer = self.offer()
        own_form = offer is not None and offer.kind == "pay_by_points"
        self.quantity.setRange(1, offer.max_quantity if offer and not own_form else 1)
        self.quantity.setEnabled(offer is not None and not own_form and offer.max_quantity > 1)
        self.channel.clear()
        if offer and offer.channels:
            for code in offer.channels:
                self.channel.addItem(fmt.channel_text(code), code)
        self.channel.setEnabled(bool(offer and offer.channels))
        self.folio.setEnabled(not own_form)
        # A disabled field shows no example text that could pass for something typed.
        self.folio.setPlaceholderText("" if own_form else self.tr("optional"))
        self.identity.setEnabled(not own_form)
        self.update_after()

    def cost(self) -> int:
        offer = self.offer()
        return offer.points * self.quantity.value() if offer else 0

    def shortfall(self) -> str | None:
        offer = self.offer()
        if offer is None or offer.kind == "pay_by_points" or self.cost() <= self.member.points_balance:
            return None
        return self.tr("needs %1, has %2").replace("%1", fmt.points(self.cost())).replace(
            "%2", fmt.points(self.member.points_balance))

    def can_confirm(self) -> bool:
        offer = self.offer()
        if self.completed:
            return True
        return offer is not None and (offer.kind == "pay_by_points" or offer.redeemable) \
            and self.shortfall() is None

    def update_after(self, *_a) -> None:
        offer = self.offer()
        self.ok_button.setEnabled(self.can_confirm() and not self.busy)
        if offer is None:
            self.after.setText("")
            return
        if offer.kind == "pay_by_points":
            self.after.setStyleSheet("")
            self.after.setText(self.tr("Pay by Points has its own form: Ctrl+Enter opens it (Shift+F9)."))
            return
        balance, cost = self.member.points_balance, self.cost()
        text = self.tr("%1 − %2 = %3 points").replace("%1", fmt.points(balance)).replace(
            "%2", fmt.points(cost)).replace("%3", ("−" if balance < cost else "") + fmt.points(abs(balance - cost)))
        short = self.shortfall()
        self.after.setText(text + ": " + short if short else text)
        self.after.setStyleSheet(RED if short else "")

    def review_call(self):
        offer = self.offer()
        if offer is None:
            raise FormInputError(self.tr("Choose an award (number keys 1–%1).").replace(
                "%1", str(self.model.rowCount())), self.table)
        if offer.kind == "pay_by_points":
            self.sig_pay_by_points.emit()
            self.done(0)
            return None
        if not offer.redeemable:
            raise FormInputError(self.notice.text(), self.table)
        short = self.shortfall()
        if short:
            raise FormInputError(short, self.quantity)
        if not self.identity.isChecked():
            raise FormInputError(messages.identity_first(),
                                 self.identity)
        quantity = self.quantity.value()
        self.pending = (offer, quantity, self.folio.text().strip() or None, self.channel.currentData())
        return Review(points=-self.cost(), what=f"{quantity} × {program_text(offer.name)}",
                      after=self.member.points_balance - self.cost())

    def confirm_action(self) -> None:
        offer, quantity, folio, channel = self.pending
        self.run(redemption.redeem, self.session.db, self.session.desk, self.member.member_number, offer.code,
                 quantity, folio=folio, channel=channel, identity_confirmed=self.identity.isChecked(),
                 on_done=lambda r: self.on_redeemed(offer, r))

    def on_redeemed(self, offer: AwardOffer, r: redemption.RedemptionResult) -> None:
        text = self.tr("Redeemed %1 × %2 for %3 points. Voucher %4. New balance %5 points.").replace(
            "%1", str(r.quantity)).replace("%2", program_text(offer.name)).replace(
            "%3", fmt.points(r.points_spent)).replace(
            "%4", r.voucher_number).replace("%5", fmt.points(r.balance_after))
        t = self.member_texts()  # the voucher: in the member's language
        award = next((a for a in self.session.program.awards if a.code == offer.code), None)
        lines = self.slip_header() + [
            (t.translate("RedeemDialog", "Voucher"), r.voucher_number),
            (t.translate("RedeemDialog", "Award"), t.program(award.name if award else offer.name)),
            (t.translate("RedeemDialog", "Quantity"), str(r.quantity)),
            (t.translate("RedeemDialog", "Points used"), t.points(r.points_spent)),
            (t.translate("RedeemDialog", "Balance"), t.points(r.balance_after)),
        ]
        self.show_result(text, t.translate("RedeemDialog", "Award voucher"), lines, self.slip_footer(),
                         self.tr("&Print voucher"))
