"""Redeeming an award: the catalogue filtered to what this member can take
now, quantity, the balance after, the identity check, and the voucher."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ...domain.awards import available_awards
from ...services import redemption
from .. import formatting as fmt
from ..i18n import program_text
from ..action_form import ActionDialog
from ..models import AwardModel, AwardOffer
from ..widgets import NoticeLabel, make_table


def offers_for(session, member) -> tuple[AwardOffer, ...]:
    """The awards this member can take now at this desk (Pay by Points has its own dialog)."""
    if member.status != "active":
        return ()
    if session.program.redeem_requires_full_registration and member.registration != "full":
        return ()
    return tuple(
        AwardOffer(a.code, a.name, a.points, a.kind, a.max_quantity, a.channels,
                   min(a.max_quantity, member.points_balance // a.points))
        for a in available_awards(session.program, member.points_balance)
        if a.kind != "pay_by_points" and session.may(redemption.award_action(a.kind))
    )


class RedeemDialog(ActionDialog):
    def __init__(self, session, member, parent: QWidget | None = None):
        super().__init__(session, member, parent, ok_text=self.tr("&Redeem"))
        self.setObjectName("redeemDialog")
        self.setWindowTitle(self.tr("Redeem an award — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        self.print_button.setText(self.tr("&Print voucher"))
        balance = QLabel(self.tr("Balance: %1 points").replace("%1", fmt.points(member.points_balance)))
        balance.setObjectName("balanceLabel")
        balance.setStyleSheet("font-weight: 600;")
        self.notice = NoticeLabel(kind="warning")
        self.notice.setObjectName("redeemNotice")

        self.model = AwardModel(self)
        self.model.set_rows(offers_for(session, member))
        self.table = make_table(self.model, "awardsView", stretch_column=0)
        self.table.setMinimumHeight(200)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.quantity = QSpinBox()
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
        self.identity = QCheckBox(self.tr("I have checked the member's &identity (card or photo ID)"))
        self.identity.setObjectName("identityCheck")
        form.addRow(self.tr("&Quantity"), self.quantity)
        form.addRow(self.tr("Booking &channel"), self.channel)
        form.addRow(self.tr("&Folio (optional)"), self.folio)
        form.addRow(self.tr("Points after"), self.after)
        form.addRow("", self.identity)

        if not self.model.rowCount():
            if member.registration != "full":
                self.notice.setText(self.tr("Simple registration only: the member must complete the full "
                                            "registration before redeeming."))
            else:
                self.notice.setText(self.tr("The balance does not cover any award that can be redeemed here."))
        self.notice.setVisible(not self.model.rowCount())
        self.form_widgets = [self.table, form_widget]
        self.preview.hide()
        self.finish_layout(balance, self.notice, self.table, form_widget, self.result_label)
        self.table.selectionModel().currentRowChanged.connect(self.on_award_changed)
        self.quantity.valueChanged.connect(self.update_after)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.on_award_changed()
        self.first_field = self.table
        self.setMinimumWidth(620)

    def offer(self) -> AwardOffer | None:
        row = self.table.currentIndex().row()
        return self.model.row(row) if row >= 0 else None

    def on_award_changed(self, *_a) -> None:
        offer = self.offer()
        self.quantity.setRange(1, offer.affordable if offer else 1)
        self.quantity.setEnabled(offer is not None and offer.affordable > 1)
        self.channel.clear()
        if offer and offer.channels:
            for code in offer.channels:
                self.channel.addItem(fmt.channel_text(code), code)
        self.channel.setEnabled(bool(offer and offer.channels))
        self.ok_button.setEnabled(offer is not None)
        self.update_after()

    def update_after(self, *_a) -> None:
        offer = self.offer()
        if offer is None:
            self.after.setText("")
            return
        cost = offer.points * self.quantity.value()
        self.after.setText(self.tr("%1 − %2 = %3 points").replace("%1", fmt.points(self.member.points_balance))
                           .replace("%2", fmt.points(cost)).replace("%3", fmt.points(self.member.points_balance - cost)))

    def confirm_action(self) -> None:
        offer = self.offer()
        if offer is None:
            return
        self.run(redemption.redeem, self.session.db, self.session.desk, self.member.member_number, offer.code,
                 self.quantity.value(), folio=self.folio.text().strip() or None,
                 channel=self.channel.currentData(), identity_confirmed=self.identity.isChecked(),
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
