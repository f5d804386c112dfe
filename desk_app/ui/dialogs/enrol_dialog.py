"""Simple registration at the desk: names, kana readings, the name in romaji
for the card (optional: derived from the reading when left empty), e-mail
with a live duplicate check, optional birth date (era dates too, read back
in both calendars) with the guardian-consent question."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain import errors, members, romaji
from ...services import registration
from .. import messages
from ..base_dialog import FormDialog
from ..fields import DateEcho, DateEdit, FormInputError
from ..session import DeskSession

EMAIL_CHECK_DELAY_MS = 300


class EnrolDialog(FormDialog):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("Enrol"))
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol a new member"))
        intro = QLabel(self.tr("Simple registration. The member number is issued at once and the card can be "
                               "handed over right after."))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.family = QLineEdit()
        self.family.setObjectName("familyNameInput")
        # The name fields take the name as the guest writes it (kanji for most guests):
        # their examples are Japanese names; the romaji fields' are Latin.
        self.family.setPlaceholderText(self.tr("e.g. 山田"))
        self.given = QLineEdit()
        self.given.setObjectName("givenNameInput")
        self.given.setPlaceholderText(self.tr("e.g. 太郎"))
        self.family_kana = QLineEdit()
        self.family_kana.setObjectName("familyKanaInput")
        self.family_kana.setPlaceholderText(self.tr("e.g. ヤマダ"))
        self.given_kana = QLineEdit()
        self.given_kana.setObjectName("givenKanaInput")
        self.given_kana.setPlaceholderText(self.tr("e.g. タロウ"))
        self.family_roman = QLineEdit()
        self.family_roman.setObjectName("familyRomanInput")
        # Romaji examples stay in Latin letters in Japanese too ("例: Yamada", not the kanji example of
        # the name field above): the name change dialog's entries are the ones that say so.
        self.family_roman.setPlaceholderText(QCoreApplication.translate("NameChangeDialog", "e.g. Yamada"))
        self.given_roman = QLineEdit()
        self.given_roman.setObjectName("givenRomanInput")
        self.given_roman.setPlaceholderText(QCoreApplication.translate("NameChangeDialog", "e.g. Taro"))
        for edit in (self.family_roman, self.given_roman):
            edit.setToolTip(self.tr("As in the passport, for the card. Leave empty to use the reading in Hepburn."))
        self.roman_defaults = {self.family_roman: self.family_roman.placeholderText(),
                               self.given_roman: self.given_roman.placeholderText()}
        # A kanji name without its reading: a supervisor may enrol it anyway, with the reason.
        self.no_reading_reason = QLineEdit()
        self.no_reading_reason.setObjectName("noReadingReasonInput")
        self.no_reading_reason.setMaxLength(500)
        self.no_reading_reason.setPlaceholderText(self.tr("why the reading is not known (supervisors)"))
        self.email = QLineEdit()
        self.email.setObjectName("emailInput")
        self.email.setPlaceholderText(self.tr("name@example.jp"))
        self.email_state = QLabel()
        self.email_state.setObjectName("emailState")
        self.email_state.setWordWrap(True)
        # Its line is kept even while empty: the fields below do not jump when it speaks.
        self.email_state.setMinimumHeight(self.email_state.fontMetrics().lineSpacing())
        self.no_email_reason = QLineEdit()
        self.no_email_reason.setObjectName("noEmailReasonInput")
        self.no_email_reason.setPlaceholderText(self.tr("supervisors only"))
        # Shown to a supervisor once the e-mail turns out to be a revoked member's.
        self.readmit_reason = QLineEdit()
        self.readmit_reason.setObjectName("readmitReasonInput")
        self.readmit_reason.setMaxLength(500)
        self.readmit_reason.setPlaceholderText(self.tr("why the revoked member is taken back (supervisors)"))
        self.birth = DateEdit(optional=True, what=self.tr("birth date"))
        self.birth.setObjectName("birthDateInput")
        self.birth.setToolTip(self.tr("2026-04-01, 2026/4/1 or a Japanese era date such as 昭和60年4月1日 or S60.4.1"))
        self.birth_echo = DateEcho(self.birth)
        self.birth_echo.setObjectName("birthDateEcho")
        self.consent = QCheckBox(self.tr("A parent or guardian has given consent"))
        self.consent.setObjectName("guardianConsentCheck")
        self.consent_note = QLabel(self.tr("The guest is under %1: ask for a parent's or guardian's consent.")
                                   .replace("%1", str(session.program.age_of_majority)))
        self.consent_note.setObjectName("consentNote")
        self.consent_note.setWordWrap(True)
        self.consent_note.setStyleSheet("color: #7a4d00;")
        self.language = QComboBox()
        self.language.setObjectName("languageInput")
        self.language.addItem(self.tr("Japanese"), "ja")
        self.language.addItem(self.tr("English"), "en")

        form.addRow(self.tr("&Family name"), self.family)
        form.addRow(self.tr("&Given name"), self.given)
        form.addRow(self.tr("Family name (&kana)"), self.family_kana)
        form.addRow(self.tr("Given name (k&ana)"), self.given_kana)
        form.addRow(self.tr("Family name (r&omaji)"), self.family_roman)
        form.addRow(self.tr("Given name (ro&maji)"), self.given_roman)
        form.addRow(self.tr("No reading: reaso&n"), self.no_reading_reason)
        form.setRowVisible(self.no_reading_reason, False)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow("", self.email_state)
        if session.may("register_without_email"):
            form.addRow(self.tr("No e-mail: &reason"), self.no_email_reason)
        else:
            self.no_email_reason.hide()
        form.addRow(self.tr("Re-a&dmit: reason"), self.readmit_reason)
        form.setRowVisible(self.readmit_reason, False)
        form.addRow(self.tr("&Birth date (optional)"), self.birth)
        form.addRow("", self.birth_echo)
        form.addRow("", self.consent_note)
        form.addRow("", self.consent)
        form.addRow(self.tr("&Language"), self.language)
        self.form = form

        self.email_timer = QTimer(self)
        self.email_timer.setSingleShot(True)
        self.email_timer.setInterval(EMAIL_CHECK_DELAY_MS)
        self.email_timer.timeout.connect(self.check_email)
        self.email.textEdited.connect(lambda _t: self.email_timer.start())
        self.birth.sig_date_changed.connect(self.on_birth_changed)
        for name, kana, roman in ((self.family, self.family_kana, self.family_roman),
                                  (self.given, self.given_kana, self.given_roman)):
            for edit in (name, kana):
                edit.textChanged.connect(lambda _t, n=name, k=kana, r=roman: self.preview_roman(n, k, r))
        self.email_checked: tuple[str, bool | None] | None = None
        self.on_birth_changed(None)
        self.finish_layout(intro, form_widget)
        self.setMinimumWidth(520)
        self.first_field = self.family

    # -- live checks ----------------------------------------------------------
    def check_email(self) -> None:
        text = self.email.text().strip()
        if not text:
            self.email_state.setText("")
            return
        self.worker.submit(registration.email_available, self.session.db, self.session.desk, text, owner=self,
                           on_done=lambda ok: self.on_email_checked(text, ok),
                           on_failed=lambda exc: self.on_email_checked(text, None, exc))

    def on_email_checked(self, text: str, available: bool | None, exc: BaseException | None = None) -> None:
        if text != self.email.text().strip():
            return  # the clerk has typed on since
        self.email_checked = (text, available)
        if available is True:
            self.email_state.setStyleSheet("color: #1f5e2c;")
            self.email_state.setText(self.tr("✓ Not registered yet"))
        elif available is False:
            self.email_state.setStyleSheet("color: #9b1c1c; font-weight: 600;")
            self.email_state.setText(messages.describe(errors.DuplicateEmail("")))
        else:
            self.email_state.setStyleSheet("color: #7a4d00;")
            self.email_state.setText(messages.describe(exc) if exc else "")

    def preview_roman(self, name: QLineEdit, kana: QLineEdit, roman: QLineEdit) -> None:
        """The romaji the card will carry, shown greyed in the romaji field as
        the reading is typed (what an empty romaji field stores)."""
        derived = None
        if name.text().strip() or kana.text().strip():
            try:
                derived = members.roman_for(name.text().strip(), members.validate_kana(kana.text() or None))
            except errors.DeskError:
                derived = None
        roman.setPlaceholderText(derived or self.roman_defaults[roman])

    def missing_reading(self) -> QLineEdit | None:
        """The kana field of a name written in kanji whose reading is not typed."""
        for name, kana in ((self.family, self.family_kana), (self.given, self.given_kana)):
            text = name.text().strip()
            if text and not romaji.is_latin(text) and not romaji.is_kana(text) and not kana.text().strip():
                return kana
        return None

    def on_birth_changed(self, birth) -> None:
        minor = self.session.is_minor(birth)
        self.consent.setVisible(minor)
        self.consent_note.setVisible(minor)
        if not minor:
            self.consent.setChecked(False)

    # -- confirm ----------------------------------------------------------------
    def on_confirm(self) -> None:
        try:
            birth = self.birth.value(self.tr("birth date"))
            missing = self.missing_reading()
            if missing is not None and not self.no_reading_reason.text().strip():
                if self.session.may("register_without_reading"):
                    self.form.setRowVisible(self.no_reading_reason, True)
                raise FormInputError(messages.kanji_needs_reading(), missing)
        except FormInputError as exc:
            self.error.show_message(str(exc))
            exc.widget.setFocus()
            return
        enrolment = registration.Enrolment(
            family_name=self.family.text(), given_name=self.given.text(), email=self.email.text().strip() or None,
            family_kana=self.family_kana.text() or None, given_kana=self.given_kana.text() or None,
            family_roman=self.family_roman.text().strip() or None, given_roman=self.given_roman.text().strip() or None,
            birth_date=birth, guardian_consent=self.consent.isChecked(),
            no_email_reason=self.no_email_reason.text() or None, preferred_language=self.language.currentData(),
            readmit_reason=self.readmit_reason.text().strip() or None,
            no_reading_reason=(self.no_reading_reason.text().strip() or None) if self.missing_reading() else None,
        )
        self.run(registration.register, self.session.db, self.session.desk, enrolment,
                 on_done=lambda _view: self.accept())

    def on_refused(self, exc: BaseException) -> None:
        if getattr(exc, "code", None) == "duplicate_email":
            # Said once, under the e-mail field where it is fixed; not again at the bottom.
            self.set_busy(False)
            self.email_state.setStyleSheet("color: #9b1c1c; font-weight: 600;")
            self.email_state.setText(messages.describe(exc))
            self.email.setFocus()
            return
        super().on_refused(exc)
        if getattr(exc, "code", None) == "previously_revoked" and self.session.may("readmit"):
            self.form.setRowVisible(self.readmit_reason, True)
            self.readmit_reason.setFocus()
