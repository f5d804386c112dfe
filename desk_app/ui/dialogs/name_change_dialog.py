"""Supervisor: a member's name changes (marriage, a misspelling): the name,
its katakana reading and the name in romaji for the card, with the reason
for the record. A romaji part left empty is derived again from the new
name or reading (registration.change_name)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...services import registration
from .. import formatting as fmt
from ..base_dialog import FormDialog


class NameChangeDialog(FormDialog):
    def __init__(self, session, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Change name"))
        self.setObjectName("nameChangeDialog")
        self.member = member
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Change the name — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        intro = QLabel(self.tr("Change the name as on the guest's identity document. The card shows the name in "
                               "romaji: leave it empty to use the reading in Hepburn."))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)

        def line(name: str, value: str | None, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(value or "")
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            return edit

        self.family = line("familyNameInput", member.family_name)
        self.given = line("givenNameInput", member.given_name)
        self.family_kana = line("familyKanaInput", member.family_kana, self.tr("e.g. ヤマダ"))
        self.given_kana = line("givenKanaInput", member.given_kana, self.tr("e.g. タロウ"))
        self.family_roman = line("familyRomanInput", member.family_roman, self.tr("e.g. Yamada"))
        self.given_roman = line("givenRomanInput", member.given_roman, self.tr("e.g. Taro"))
        for edit in (self.family_roman, self.given_roman):
            edit.setToolTip(self.tr("As in the passport, for the card. Leave empty to use the reading in Hepburn."))
        # A changed name or reading: the old romaji no longer fits unless the clerk keeps it on purpose.
        self.family.textEdited.connect(lambda _t: self._reading_changed(self.family_roman, member.family_roman))
        self.family_kana.textEdited.connect(lambda _t: self._reading_changed(self.family_roman, member.family_roman))
        self.given.textEdited.connect(lambda _t: self._reading_changed(self.given_roman, member.given_roman))
        self.given_kana.textEdited.connect(lambda _t: self._reading_changed(self.given_roman, member.given_roman))
        self.reason = line("reasonInput", "", self.tr("e.g. marriage; passport shown"))
        self.reason.setMaxLength(500)
        form.addRow(self.tr("&Family name"), self.family)
        form.addRow(self.tr("&Given name"), self.given)
        form.addRow(self.tr("Family name (&kana)"), self.family_kana)
        form.addRow(self.tr("Given name (k&ana)"), self.given_kana)
        form.addRow(self.tr("Family name (r&omaji)"), self.family_roman)
        form.addRow(self.tr("Given name (ro&maji)"), self.given_roman)
        form.addRow(self.tr("&Reason"), self.reason)
        self.finish_layout(intro, form_widget)
        self.first_field = self.family
        self.setMinimumWidth(520)

    @staticmethod
    def _reading_changed(roman: QLineEdit, old: str | None) -> None:
        if roman.text() == (old or ""):
            roman.clear()

    def on_confirm(self) -> None:
        self.run(registration.change_name, self.session.db, self.session.desk, self.member.member_number,
                 family_name=self.family.text(), given_name=self.given.text(),
                 family_kana=self.family_kana.text() or None, given_kana=self.given_kana.text() or None,
                 family_roman=self.family_roman.text().strip() or None,
                 given_roman=self.given_roman.text().strip() or None,
                 reason=self.reason.text(), on_done=lambda _v: self.accept())
