"""Supervisor: this desk's settings (the hotel, the terminal code, the idle
lock, the order of the name on the card), kept in the one settings file
(desk_app.config)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ... import config
from ...logs import safe_url
from ..base_dialog import FormDialog


class SettingsDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Save"))
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Desk settings"))
        s = session.settings
        intro = QLabel(self.tr("These settings belong to this computer.") + "\n"
                       + self.tr("Database: %1").replace("%1", safe_url(session.db.url)))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.property = QComboBox()
        self.property.setObjectName("propertyInput")
        for prop in session.program.properties:
            self.property.addItem(f"{prop.name} ({prop.code})", prop.code)
        self.property.setCurrentIndex(max(0, self.property.findData(session.property_code)))
        self.terminal = QLineEdit(s.effective_terminal)
        self.terminal.setObjectName("terminalInput")
        self.terminal.setMaxLength(64)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutesInput")
        self.idle.setRange(0, 240)
        self.idle.setValue(s.idle_lock_minutes)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.name_order = QComboBox()
        self.name_order.setObjectName("nameOrderInput")
        self.name_order.addItem(self.tr("Family name first: YAMADA Taro"), "family_first")
        self.name_order.addItem(self.tr("Given name first: Taro Yamada"), "given_first")
        self.name_order.setCurrentIndex(max(0, self.name_order.findData(s.name_order)))
        self.name_order.setToolTip(self.tr("How the romanised name is printed on membership cards"))
        form.addRow(self.tr("&Hotel"), self.property)
        form.addRow(self.tr("&Terminal code"), self.terminal)
        form.addRow(self.tr("&Lock the desk after"), self.idle)
        form.addRow(self.tr("&Name on the card"), self.name_order)
        self.finish_layout(intro, form_widget)
        self.first_field = self.idle
        self.setMinimumWidth(520)

    def on_confirm(self) -> None:
        terminal = self.terminal.text().strip()
        if not terminal:
            self.error.show_message(self.tr("Give this terminal a short code, such as FRONT-1."))
            self.terminal.setFocus()
            return
        settings = replace(self.session.settings, property_code=self.property.currentData(), terminal=terminal,
                           idle_lock_minutes=self.idle.value(), name_order=self.name_order.currentData())
        self.new_settings = settings
        self.run(config.save, settings, on_done=lambda _r: self.accept())
