"""Full registration from the member page: address, phone and birth date,
needed before the member can redeem.

For a Japanese address the clerk types the postal code and the desk fills
the prefecture, city and town from Japan Post's data (the lookup runs on
the worker, never on the GUI thread); when one code covers several towns
they are offered in a list. The clerk then types the street number (番地)
and the building and room. Any other country keeps one free-form address
line. The telephone is shown in its national form once typed, and the
birth date accepts era dates (昭和60年4月1日, S60.4.1), read back in both
calendars."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import DeskError
from ...services import registration
from .. import formatting as fmt, messages
from ..base_dialog import FormDialog
from ..fields import CountryBox, DateEcho, DateEdit, FormInputError
from ..session import DeskSession

_SEVEN_DIGITS = re.compile(r"^〒?\s*\d{3}\s*-?\s*\d{4}$")
_DASHES = dict.fromkeys(map(ord, "ー－−‐‑‒–—―ｰ"), "-")


def looks_complete(code: str) -> bool:
    """Whether the clerk has typed a whole NNN-NNNN (any width, any dash):
    only then is the code looked up."""
    return bool(_SEVEN_DIGITS.match(unicodedata.normalize("NFKC", code or "").translate(_DASHES).strip()))


class FullRegistrationDialog(FormDialog):
    def __init__(self, session: DeskSession, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("Register"))
        self.setObjectName("fullRegistrationDialog")
        self.member = member
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Full registration — %1").replace("%1", fmt.full_name(member)))
        intro = QLabel(self.tr("Member %1, %2. Address and telephone in the member's country of residence.")
                       .replace("%1", member.member_number).replace("%2", fmt.full_name(member)))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.country = CountryBox(member.country or "JP")
        self.country.setObjectName("countryInput")
        self.country.setToolTip(self.tr("Type the country's name or its two letters: Japan, JP, US…"))
        self.postal = QLineEdit(member.postal_code or "")
        self.postal.setObjectName("postalCodeInput")
        self.postal.setPlaceholderText(self.tr("NNN-NNNN"))
        self.postal_state = QLabel()
        self.postal_state.setObjectName("postalCodeState")
        self.postal_state.setWordWrap(True)
        # Its line is kept even while empty: the fields below do not jump when it speaks.
        self.postal_state.setMinimumHeight(self.postal_state.fontMetrics().lineSpacing())

        # Japan: the parts the postal code fills, then what the clerk types.
        self.prefecture = QLineEdit()
        self.prefecture.setObjectName("prefectureInput")
        self.city = QLineEdit()
        self.city.setObjectName("cityInput")
        self.town = QComboBox()
        self.town.setObjectName("townInput")
        self.town.setEditable(True)
        self.town.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.street = QLineEdit()
        self.street.setObjectName("streetInput")
        self.street.setPlaceholderText(self.tr("e.g. 1-1-1"))
        self.building = QLineEdit()
        self.building.setObjectName("buildingInput")
        self.building.setPlaceholderText(self.tr("building and room, e.g. 丸の内ビル 1201"))
        # Elsewhere: one line, as the guest writes it.
        self.address = QLineEdit()
        self.address.setObjectName("addressInput")
        self.address.setMinimumWidth(360)
        self.japanese_fields = (self.prefecture, self.city, self.town, self.street, self.building)

        self.phone = QLineEdit(fmt.phone(member.phone))
        self.phone.setObjectName("phoneInput")
        self.phone.setPlaceholderText(self.tr("e.g. 090-1234-5678"))
        self.birth = DateEdit(member.birth_date, optional=True, what=self.tr("birth date"))
        self.birth.setObjectName("birthDateInput")
        self.birth.setToolTip(self.tr("2026-04-01, 2026/4/1 or a Japanese era date such as 昭和60年4月1日 or S60.4.1"))
        self.birth_echo = DateEcho(self.birth)
        self.birth_echo.setObjectName("birthDateEcho")
        self.consent = QCheckBox(self.tr("A parent or guardian has given consent"))
        self.consent.setObjectName("guardianConsentCheck")
        form.addRow(self.tr("&Country"), self.country)
        form.addRow(self.tr("&Postal code"), self.postal)
        form.addRow("", self.postal_state)
        form.addRow(self.tr("Pr&efecture"), self.prefecture)
        form.addRow(self.tr("C&ity"), self.city)
        form.addRow(self.tr("T&own"), self.town)
        form.addRow(self.tr("&Street number"), self.street)
        form.addRow(self.tr("B&uilding, room"), self.building)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Telephone"), self.phone)
        # Every caption whole ("Telephone" was clipped by a pixel or two): room for its own width.
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setMinimumWidth(item.widget().sizeHint().width() + 4)
        form.addRow(self.tr("&Birth date"), self.birth)
        form.addRow("", self.birth_echo)
        form.addRow("", self.consent)
        # Tab order: down the form, through the address part shown.
        chain = [self.country, self.postal, self.prefecture, self.city, self.town, self.street, self.building,
                 self.address, self.phone, self.birth, self.consent]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

        self.form = form
        self.lookup_seq = 0
        self.lookup_pending = False
        self.confirm_after_lookup = False
        self.looked_up: registration.PostcodeLookup | None = None
        self.country.currentTextChanged.connect(self.on_country_changed)
        self.postal.textChanged.connect(self.on_postal_changed)
        self.phone.editingFinished.connect(self.on_phone_entered)
        self.birth.sig_date_changed.connect(self.on_birth_changed)
        self.on_birth_changed(self.birth.peek())
        self.finish_layout(intro, form_widget)
        self.setMinimumWidth(560)
        self.first_field = self.postal
        self._fill_existing(member)

    # -- the address ---------------------------------------------------------
    def japanese(self) -> bool:
        return self.country.code() in ("JP", "")

    def on_country_changed(self, _text: str = "") -> None:
        japanese = self.japanese()
        for field in self.japanese_fields:
            self.form.setRowVisible(field, japanese)
        self.form.setRowVisible(self.address, not japanese)
        self.postal.setPlaceholderText(self.tr("NNN-NNNN") if japanese else "")
        if japanese:
            self.on_postal_changed(self.postal.text())
        else:
            self.postal_state.setText("")

    def _fill_existing(self, member) -> None:
        """What the member already has: a foreign address as it is; a
        Japanese one split again once its postal code is looked up."""
        self.existing_address = member.address or ""
        self.address.setText(self.existing_address)
        self.on_country_changed()

    def on_postal_changed(self, text: str) -> None:
        self.lookup_seq += 1
        if not self.japanese() or not looks_complete(text):
            self.lookup_pending = False
            self.postal_state.setText("")
            return
        seq = self.lookup_seq
        self.lookup_pending = True
        self.postal_state.setStyleSheet("color: #4a5568;")
        self.postal_state.setText(self.tr("Looking up the postal code…"))
        self.worker.submit(registration.address_for_postcode, text, owner=self,
                           on_done=lambda found: self.on_postcode_found(seq, found),
                           on_failed=lambda exc: self.on_postcode_failed(seq, exc))

    def on_postcode_found(self, seq: int, found: registration.PostcodeLookup | None) -> None:
        if seq != self.lookup_seq:
            return  # the clerk has typed on since
        self.looked_up = found
        if found is None:
            self.postal_state.setStyleSheet("color: #7a4d00;")
            self.postal_state.setText(self.tr("No such postal code. Check it, or type the address."))
        else:
            self.fill_from(found)
        self._lookup_settled()

    def _lookup_settled(self) -> None:
        self.lookup_pending = False
        if self.confirm_after_lookup:  # Enter came before the answer: confirm with the filled form
            self.confirm_after_lookup = False
            self.set_busy(False)
            self.on_confirm()

    def fill_from(self, found: registration.PostcodeLookup) -> None:
        self.prefecture.setText(found.prefecture)
        self.city.setText(found.city)
        self.town.clear()
        notes = []
        if len(found.towns) > 1:
            self.town.addItems(list(found.towns))
            self.town.setCurrentIndex(-1)
            self.town.setEditText("")
            self.town.lineEdit().setPlaceholderText(self.tr("choose the town"))
            notes.append(self.tr("This postal code covers %1 towns: choose one.").replace(
                "%1", str(len(found.towns))))
        else:
            if found.town:
                self.town.addItem(found.town)
            self.town.setEditText(found.town)
            self.town.lineEdit().setPlaceholderText("")
        if found.office and not self.building.text().strip():
            self.building.setText(found.office)
        if found.note:
            notes.append(found.note)
        self.postal_state.setStyleSheet("color: #1f5e2c;")
        # An address already on file that starts with this code's place: keep its street and building.
        rest = self.existing_address
        for part in (found.prefecture, found.city):
            if part and rest.startswith(part):
                rest = rest[len(part):]
        for i, town in enumerate(found.towns if len(found.towns) > 1 else (found.town,)):
            if town and rest.startswith(town):
                rest = rest[len(town):]
                if len(found.towns) > 1:
                    self.town.setCurrentIndex(i)
                break
        if rest != self.existing_address and not self.street.text() and not self.building.text():
            street, _, building = rest.strip().partition(" ")
            self.street.setText(street)
            self.building.setText(building.strip())
        elif self.existing_address:
            notes.append(self.tr("On file: %1").replace("%1", self.existing_address))
        self.postal_state.setText("✓ " + found.address + (" — " + " ".join(notes) if notes else ""))
        self.existing_address = ""  # only once: what the clerk types from now on wins

    def on_postcode_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self.lookup_seq:
            self.postal_state.setStyleSheet("color: #9b1c1c;")
            self.postal_state.setText(messages.describe(exc))
            self._lookup_settled()

    def address_text(self) -> str:
        """What is stored: 東京都千代田区丸の内1-1-1 丸の内ビル 1201, or the foreign line."""
        if not self.japanese():
            return self.address.text()
        place = "".join(p.text().strip() for p in (self.prefecture, self.city)) + self.town.currentText().strip()
        street = self.street.text().strip()
        building = self.building.text().strip()
        return (place + street + (" " + building if building else "")).strip()

    # -- telephone and birth date ---------------------------------------------
    def on_phone_entered(self) -> None:
        """The number as people read it once typed (090-1234-5678); a
        number that cannot be read stays as typed and is refused on confirm."""
        text = self.phone.text().strip()
        if not text:
            return
        try:
            e164 = registration.normalize_phone(text, self.country.code() or "JP")
        except DeskError:  # leave the text as typed: the service says why on confirm
            return
        shown = fmt.phone(e164)
        if shown != self.phone.text():
            self.phone.setText(shown)

    def on_birth_changed(self, birth) -> None:
        minor = self.session.is_minor(birth)
        self.consent.setVisible(minor)

    def on_confirm(self) -> None:
        if self.busy:
            return
        if self.lookup_pending and self.japanese():
            self.confirm_after_lookup = True
            self.set_busy(True)
            return
        try:
            birth = self.birth.value(self.tr("birth date"))
        except FormInputError as exc:
            self.error.show_message(str(exc))
            exc.widget.setFocus()
            return
        if self.japanese() and self.town.count() > 1 and not self.town.currentText().strip():
            self.error.show_message(self.tr("This postal code covers several towns: choose the guest's town."))
            self.town.setFocus()
            return
        consent = self.consent.isChecked() if not self.consent.isHidden() else None
        self.run(registration.complete_registration, self.session.db, self.session.desk, self.member.member_number,
                 postal_code=self.postal.text(), address=self.address_text(), country=self.country.code(),
                 phone=self.phone.text(), birth_date=birth, guardian_consent=consent,
                 on_done=lambda _v: self.accept())
