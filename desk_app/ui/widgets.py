"""Small shared widgets: the scan-proof lookup field, actions with their
shortcut in the tooltip, badges, and the refusal label."""

from __future__ import annotations

import re

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLabel, QLineEdit, QTableView, QWidget


class ScanLineEdit(QLineEdit):
    """Takes a USB scanner's keystrokes ending in Enter.

    With a Japanese IME on, a scanned "a" would arrive as "あ"; reporting
    ImEnabled = False makes the platform bypass the IME for this field. The
    clerk can allow kana input on purpose (allow_ime) to search by a kana
    name; it turns itself off again after each search is submitted.
    Up and Down move through the results while focus stays here."""

    sig_submitted = Signal(str)
    sig_move = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ime_allowed = False
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    @property
    def ime_allowed(self) -> bool:
        return self._ime_allowed

    def allow_ime(self, allowed: bool) -> None:
        self._ime_allowed = allowed
        self.updateMicroFocus()

    def inputMethodQuery(self, query):
        if query == Qt.InputMethodQuery.ImEnabled:
            return self._ime_allowed
        return super().inputMethodQuery(query)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_submitted.emit(self.text())
            if self._ime_allowed:
                self.allow_ime(False)
            event.accept()
            return
        if key == Qt.Key.Key_Down:
            self.sig_move.emit(1)
            return
        if key == Qt.Key.Key_Up:
            self.sig_move.emit(-1)
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


def make_action(parent, text: str, shortcut: str | QKeySequence | None, slot: Callable | None,
                name: str, tip: str | None = None) -> QAction:
    """An action whose shortcut shows in its menu and in its tooltip."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    # "&Find member" and Japanese-style "会員検索(&F)" both read plain in
    # the toolbar and tooltips: no "&", no bracketed accelerator, no dots.
    plain = re.sub(r"\(&.\)", "", text).replace("&", "").rstrip(".…").strip()
    action.setIconText(plain)
    action.setProperty("plain", plain)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tooltip = tip or plain
    action.setToolTip(f"{tooltip} ({keys})" if keys else tooltip)
    action.setStatusTip(tooltip)
    if slot is not None:
        action.triggered.connect(slot)
    return action


class CheckBox(QCheckBox):
    """A checkbox whose Alt+letter ticks it at once. Qt's own mnemonic
    "animates" the click and ticks the box 100 ms later, so a clerk's
    Alt+I then Ctrl+Enter could be refused as unticked."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.Shortcut and self.isEnabled():
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.click()
            return True
        return super().event(event)


class ErrorLabel(QLabel):
    """Where a refusal is shown, in the clerk's words; empty means hidden."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("QLabel { color: #9b1c1c; background: #fdecec; border: 1px solid #f3b4b4;"
                           " border-radius: 4px; padding: 6px; }")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


class NoticeLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, kind: str = "warning"):
        super().__init__(parent)
        self.setWordWrap(True)
        colours = {
            "warning": ("#7a4d00", "#fff4d6", "#f0cf7a"),
            "info": ("#174a7c", "#e8f1fb", "#a9c8ea"),
            "ok": ("#1f5e2c", "#e7f6ea", "#a6d8b0"),
        }[kind]
        self.setStyleSheet(f"QLabel {{ color: {colours[0]}; background: {colours[1]}; border: 1px solid "
                           f"{colours[2]}; border-radius: 4px; padding: 6px; }}")


class Badge(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_colours("#1c2b4a", "#ffffff")

    def set_colours(self, bg: str, fg: str) -> None:
        self.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; border-radius: 9px; padding: 3px 10px;"
                           " font-weight: 600; }")


# A figure that must not be accepted: a balance that would go below zero.
RED = "QLabel { color: #c62828; font-weight: 600; }"

TIER_COLOURS = {"basic": ("#1c2b4a", "#ffffff"), "loyal": ("#8c6e2d", "#ffffff"),
                "exclusive": ("#181818", "#e2c478")}


def make_table(model, name: str, *, stretch_column: int | None = None) -> QTableView:
    """A read-only table over one of our models: whole rows, compact rows."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view
