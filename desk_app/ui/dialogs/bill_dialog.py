"""Restaurant and bar bills, for cashiers and clerks: check number, date,
charges, payment method; points previewed before posting."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...services import posting
from .. import formatting as fmt
from ..action_form import ActionDialog, ChargesEditor
from ..fields import DateEdit, FormInputError
from ..review import Review

# What a restaurant or bar check carries, in this order; nothing of the room's
# (no in-room movies, telephone or shopping arcade).
RESTAURANT_LINES = ("fnb", "tax", "service", "tip", "paid_by_points")


class BillDialog(ActionDialog):
    def __init__(self, session, member, parent: QWidget | None = None, *,
                 paid_with_points: tuple[int, str | None] | None = None):
        super().__init__(session, member, parent, ok_text=self.tr("&Post bill"))
        self.setObjectName("billDialog")
        self.setWindowTitle(self.tr("Restaurant or bar bill — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        rules = session.program.earning_for(session.property_code)
        intro = QLabel(self.tr("Post the check after the guest has paid. The part paid with points earns nothing: "
                               "enter it under “Paid with points”."))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.check = QLineEdit()
        self.check.setObjectName("checkInput")
        self.check.setMaxLength(40)
        self.date = DateEdit(session.desk.business_date, base=session.desk.business_date,
                             what=self.tr("date of the check"))
        self.date.setObjectName("billDateInput")
        self.payment = QComboBox()
        self.payment.setObjectName("paymentInput")
        for code in rules.bill_payments:
            self.payment.addItem(fmt.payment_text(code), code)
        form.addRow(self.tr("&Check number"), self.check)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("Pa&yment"), self.payment)
        self.add_currency_rows(form)
        charges_box = QGroupBox(self.tr("Charges on the check (%1)").replace("%1", self.currency))
        categories = [c for c in RESTAURANT_LINES if c in rules.category_groups]
        self.charges = ChargesEditor(categories, currency=self.currency)
        QVBoxLayout(charges_box).addWidget(self.charges)
        self.form_widgets = [form_widget, charges_box]
        self.finish_layout(intro, form_widget, charges_box, self.preview, self.result_label)
        QWidget.setTabOrder(self.exchange_rate if self.money_fields() else self.payment, self.charges.first())
        self.check.textChanged.connect(self.schedule_preview)
        self.date.textChanged.connect(self.schedule_preview)
        self.payment.currentIndexChanged.connect(self.schedule_preview)
        self.charges.sig_changed.connect(self.schedule_preview)
        self.first_field = self.check
        if paid_with_points is not None and "paid_by_points" in self.charges.fields:
            yen, check = paid_with_points
            self.charges.set("paid_by_points", yen)
            if check:
                self.check.setText(check)
        self.setMinimumWidth(600)

    def bill_from_form(self) -> posting.Bill:
        return posting.Bill(check=self.check.text().strip(), date=self.date.value(self.tr("date of the check")),
                            charges=self.charges.charges(), payment=self.payment.currentData(),
                            **self.money_fields())

    def preview_call(self):
        try:
            bill = self.bill_from_form()
        except FormInputError:
            return None
        return posting.preview_bill, (self.session.db, self.session.desk, self.member.member_number, bill)

    def describe_preview(self, e) -> str:
        return self.tr("This check earns %1 points + %2 bonus = %3 points.").replace(
            "%1", fmt.points(e.points)).replace("%2", fmt.points(e.bonus_points)).replace("%3", fmt.points(e.total))

    def review_call(self):
        self.pending = self.bill_from_form()
        return posting.preview_bill, (self.session.db, self.session.desk, self.member.member_number, self.pending)

    def review_of(self, e) -> Review:
        return Review(points=e.total, amount=self.money_text(sum(self.pending.charges.values())))

    def confirm_action(self) -> None:
        bill = self.pending
        self.run(posting.post_bill, self.session.db, self.session.desk, self.member.member_number, bill,
                 on_done=lambda r: self.on_posted(bill, r))

    def on_posted(self, bill: posting.Bill, r: posting.PostingResult) -> None:
        text = self.tr("Posted: %1 points + %2 bonus. New balance %3 points.").replace(
            "%1", fmt.points(r.points)).replace("%2", fmt.points(r.bonus_points)).replace(
            "%3", fmt.points(r.balance_after))
        t = self.member_texts()  # the slip: in the member's language
        lines = self.slip_header() + [
            (t.translate("BillDialog", "Check"), bill.check),
            (t.translate("BillDialog", "Payment"), fmt.payment_text(bill.payment, t)),
            (t.translate("BillDialog", "Total"), t.yen(sum(bill.charges.values())) if not bill.currency
             else f"{bill.currency} {sum(bill.charges.values()):,}"),
            (t.translate("BillDialog", "Points"), t.points(r.points)),
            (t.translate("BillDialog", "Bonus"), t.points(r.bonus_points)),
            (t.translate("BillDialog", "Balance"), t.points(r.balance_after)),
        ]
        self.show_result(text, t.translate("BillDialog", "Points receipt"), lines, self.slip_footer())
