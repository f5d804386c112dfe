"""Pay by Points: settle part of a bill in whole 500-yen units; the points
are shown before the clerk confirms the member's identity."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...services import redemption
from .. import formatting as fmt, messages
from ..action_form import ActionDialog
from ..fields import FormInputError, YenEdit
from ..review import Review
from ..widgets import RED, CheckBox


class PayByPointsDialog(ActionDialog):
    def __init__(self, session, member, parent: QWidget | None = None, *, card_scanned: bool = False):
        super().__init__(session, member, parent, ok_text=self.tr("&Pay with points"))
        self.setObjectName("payByPointsDialog")
        self.setWindowTitle(self.tr("Pay by Points — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        self.award = next((a for a in session.program.awards if a.kind == "pay_by_points"), None)
        unit = self.award.yen_value if self.award else 500
        per = self.award.points if self.award else 0
        intro = QLabel(self.tr("%1 points pay for each %2 of the bill; only whole %2 units.").replace(
            "%1", fmt.points(per)).replace("%2", fmt.yen(unit)))
        intro.setWordWrap(True)
        balance = self.balance_label = QLabel(self.balance_text(member.points_balance))
        balance.setObjectName("balanceLabel")
        balance.setStyleSheet("font-weight: 600;")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.amount = YenEdit(step=unit)
        self.amount.setObjectName("yenInput")
        self.amount.setMinimum(0)
        self.points_label = QLabel()
        self.points_label.setObjectName("pointsNeededLabel")
        self.folio = QLineEdit()
        self.folio.setObjectName("folioInput")
        self.folio.setMaxLength(40)
        self.folio.setPlaceholderText(self.tr("folio or check number (optional)"))
        self.identity = CheckBox(self.tr("I have checked the member's &identity (card or photo ID)"))
        self.identity.setObjectName("identityCheck")
        if card_scanned:
            # The member's own card was scanned at this desk to open the page: that is the check.
            self.identity.setChecked(True)
            self.identity.setToolTip(self.tr("Ticked: the member's card was scanned"))
        form.addRow(self.tr("&Amount to pay"), self.amount)
        form.addRow(self.tr("Points"), self.points_label)
        form.addRow(self.tr("&Folio or check"), self.folio)
        form.addRow("", self.identity)
        self.unit, self.per = unit, per
        self.amount.valueChanged.connect(self.update_points)
        self.update_points()
        self.form_widgets = [form_widget]
        self.preview.hide()
        self.print_button.setText(self.tr("&Print voucher"))
        # The balance is in the header (refreshed after the payment): not a second time here.
        balance.hide()
        self.finish_layout(intro, form_widget, self.result_label)
        self.first_field = self.amount
        self.setMinimumWidth(520)

    def balance_text(self, points: int) -> str:
        return self.tr("Balance: %1 points").replace("%1", fmt.points(points))

    def shortfall(self) -> str | None:
        """The figures when the balance does not cover the amount, else None."""
        yen = self.amount.value()
        if not self.per or yen % self.unit:
            return None
        cost = yen // self.unit * self.per
        balance = self.member.points_balance
        if cost <= balance:
            return None
        most = balance // self.per * self.unit
        return self.tr("needs %1, has %2; at most %3 can be paid with points").replace(
            "%1", fmt.points(cost)).replace("%2", fmt.points(balance)).replace("%3", fmt.yen(most))

    def units_text(self, yen: int) -> str:
        below = yen // self.unit * self.unit
        return messages.pay_by_points_units(fmt.yen(self.unit), fmt.yen(below) if below else None,
                                            fmt.yen(below + self.unit)) if yen else \
            messages.pay_by_points_units(fmt.yen(self.unit))

    def can_confirm(self) -> bool:
        return self.completed or self.shortfall() is None

    def update_points(self, *_a) -> None:
        yen = self.amount.value()
        short = self.shortfall()
        self.points_label.setStyleSheet(RED if short else "")
        self.ok_button.setEnabled(self.can_confirm() and not self.busy)
        if yen % self.unit:
            self.points_label.setText(self.units_text(yen))
            return
        if short:
            self.points_label.setText(short)
            return
        cost = yen // self.unit * self.per
        self.points_label.setText(self.tr("%1 points; %2 left after").replace("%1", fmt.points(cost)).replace(
            "%2", fmt.points(self.member.points_balance - cost)))

    def review_call(self) -> Review:
        yen = self.amount.value()
        if not yen or yen % self.unit:
            raise FormInputError(self.units_text(yen), self.amount)
        short = self.shortfall()
        if short:
            raise FormInputError(short, self.amount)
        if not self.identity.isChecked():
            raise FormInputError(messages.identity_first(),
                                 self.identity)
        self.pending = yen
        cost = yen // self.unit * self.per
        return Review(points=-cost, amount=self.tr("%1 paid with points").replace("%1", fmt.yen(yen)),
                      after=self.member.points_balance - cost)

    def confirm_action(self) -> None:
        yen = self.pending
        self.run(redemption.pay_by_points, self.session.db, self.session.desk, self.member.member_number, yen,
                 folio=self.folio.text().strip() or None, identity_confirmed=self.identity.isChecked(),
                 on_done=lambda r: self.on_paid(yen, r))

    def on_paid(self, yen: int, r: redemption.RedemptionResult) -> None:
        text = self.tr("%1 paid with %2 points. Voucher %3. New balance %4 points.").replace(
            "%1", fmt.yen(r.yen_covered or yen)).replace("%2", fmt.points(r.points_spent)).replace(
            "%3", r.voucher_number).replace("%4", fmt.points(r.balance_after))
        t = self.member_texts()  # the voucher: in the member's language
        lines = self.slip_header() + [
            (t.translate("PayByPointsDialog", "Voucher"), r.voucher_number),
            (t.translate("PayByPointsDialog", "Paid with points"), t.yen(r.yen_covered or yen)),
            (t.translate("PayByPointsDialog", "Points used"), t.points(r.points_spent)),
            (t.translate("PayByPointsDialog", "Balance"), t.points(r.balance_after)),
        ]
        self.show_result(text, t.translate("PayByPointsDialog", "Pay by Points voucher"), lines, self.slip_footer(),
                         self.tr("&Print voucher"))
