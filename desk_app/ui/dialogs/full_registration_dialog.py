"""Full registration from the member page: address, phone and birth date,
needed before the member can redeem."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...services import registration
from .. import formatting as fmt
from ..base_dialog import FormDialog
from ..fields import DateEdit, FormInputError
from ..session import DeskSession


class FullRegistrationDialog(FormDialog):
    def __init__(self, session: DeskSession, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("Register"))
        self.setObjectName("fullRegistrationDialog")
        self.member = member
        self.setWindowTitle(self.tr("Full registration — %1").replace("%1", fmt.full_name(member)))
        intro = QLabel(self.tr("Member %1, %2. Address and telephone in the member's country of residence.")
                       .replace("%1", member.member_number).replace("%2", fmt.full_name(member)))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.country = QLineEdit(member.country or "JP")
        self.country.setObjectName("countryInput")
        self.country.setMaxLength(2)
        self.country.setToolTip(self.tr("Two letters: JP, US, GB…"))
        self.postal = QLineEdit(member.postal_code or "")
        self.postal.setObjectName("postalCodeInput")
        self.postal.setPlaceholderText(self.tr("NNN-NNNN"))
        self.address = QLineEdit(member.address or "")
        self.address.setObjectName("addressInput")
        self.address.setMinimumWidth(360)
        self.phone = QLineEdit(member.phone or "")
        self.phone.setObjectName("phoneInput")
        self.phone.setPlaceholderText(self.tr("e.g. 090-1234-5678"))
        self.birth = DateEdit(member.birth_date, optional=True)
        self.birth.setObjectName("birthDateInput")
        self.consent = QCheckBox(self.tr("A parent or guardian has given consent"))
        self.consent.setObjectName("guardianConsentCheck")
        form.addRow(self.tr("&Country"), self.country)
        form.addRow(self.tr("&Postal code"), self.postal)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Telephone"), self.phone)
        form.addRow(self.tr("&Birth date"), self.birth)
        form.addRow("", self.consent)
        self.birth.sig_date_changed.connect(self.on_birth_changed)
        self.on_birth_changed(self.birth.peek())
        self.finish_layout(intro, form_widget)
        self.setMinimumWidth(540)
        self.first_field = self.postal

    def on_birth_changed(self, birth) -> None:
        minor = self.session.is_minor(birth)
        self.consent.setVisible(minor)

    def on_confirm(self) -> None:
        try:
            birth = self.birth.value(self.tr("birth date"))
        except FormInputError as exc:
            self.error.show_message(str(exc))
            exc.widget.setFocus()
            return
        consent = self.consent.isChecked() if not self.consent.isHidden() else None
        self.run(registration.complete_registration, self.session.db, self.session.desk, self.member.member_number,
                 postal_code=self.postal.text(), address=self.address.text(), country=self.country.text(),
                 phone=self.phone.text(), birth_date=birth, guardian_consent=consent,
                 on_done=lambda _v: self.accept())
