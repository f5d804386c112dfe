"""Desk ▸ Language: the clerk switches between English and 日本語.

Each language is named in its own words (a clerk who cannot read the
current language still finds theirs). Choosing one only emits
sig_language_chosen; whoever owns the window (DeskApp) saves the choice as
the clerk's language, installs it (i18n.install_language) and builds the
window again, since widgets take their texts when they are built."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from .i18n import LANGUAGES, current_language


class LanguageMenu(QMenu):
    sig_language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, current: str | None = None):
        super().__init__(self.tr("Lan&guage"), parent)
        self.setObjectName("languageMenu")
        self.setToolTipsVisible(True)
        self.current = current or current_language()
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_code = {}
        for code, name in LANGUAGES.items():
            action = self.addAction(name)
            action.setObjectName(f"actionLanguage_{code}")
            action.setData(code)
            action.setCheckable(True)
            # Ctrl+Alt+E English, Ctrl+Alt+J 日本語: the key is the language's own initial.
            action.setShortcut({"en": "Ctrl+Alt+E", "ja": "Ctrl+Alt+J"}.get(code, ""))
            action.setChecked(code == self.current)
            self.group.addAction(action)
            self.actions_by_code[code] = action
        self.menuAction().setStatusTip(self.tr("The language of the desk for the signed-in clerk"))
        self.group.triggered.connect(self.on_triggered)

    def on_triggered(self, action) -> None:
        code = action.data()
        if code != self.current:
            self.sig_language_chosen.emit(code)
