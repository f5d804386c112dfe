"""The card scanner always wins.

A USB scanner is a keyboard that types fast: the card's payload (it starts
with "HD1:") a few milliseconds a key, then Enter. Whatever has focus —
the results list with its type-ahead, a button, a form field — must never
see those keys: the list would jump to a row and the Enter would open it,
a field would fill with the code. So the keys are caught here, before any
widget, by an application-wide event filter, the way POS software does.

How a scan is told from typing: the first key of the prefix is held back
for a moment; if the rest of the prefix follows within a scanner's burst,
everything up to the Enter (or a pause, for scanners set to send no Enter)
is the payload. Anything else — a clerk typing "Hana" or "HD-7" — is handed
on to the widget it was meant for, in order, as if nothing had happened.

Where the payload goes is the window's business (sig_scanned while the
desk window itself is active, sig_scanned_in_dialog while one of its
dialogs is)."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QDialog, QLabel, QWidget

from ..services import cards
from .widgets import NoticeLabel

# Cards printed before key ids (HD1) keep working beside today's (HD2).
PREFIXES = (cards.PREFIX + ":", cards.LEGACY_PREFIX + ":")
# A scanner sends a key every few ms; even a fast typist needs ~100 ms per
# key with Shift held for "H", "D" and ":". Holding the first key back this
# long is not felt when typing.
BURST_GAP_MS = 100
# A scanner set to send no Enter: a pause this long ends the payload.
END_PAUSE_MS = 300

_NO_TEXT_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A scanner is a keyboard: it presses Shift as a key of its own before "H",
# "D" and ":" (with its own ShortcutOverride). Such keys neither start nor
# break a burst.
_MODIFIER_KEYS = frozenset((Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                            Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock))


def _key_id(event: QKeyEvent) -> int:
    """The physical key: a release may carry another key code than its press
    (Shift let go first: ':' is pressed, ';' released), never another scan code."""
    return event.nativeScanCode() or int(event.key())


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                     event.nativeVirtualKey(), event.nativeModifiers(), event.text(), event.isAutoRepeat(),
                     event.count())


class ScanCatcher(QObject):
    sig_scanned = Signal(str)                    # a card scanned at the desk window
    sig_scanned_in_dialog = Signal(str, object)  # ... while this dialog of it was open

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._held: list[tuple[QWidget, QKeyEvent]] = []  # keys kept back while the prefix may be coming
        self._swallowed: set[int] = set()                 # their key codes, whose releases are kept back too
        self._payload: str | None = None                  # the payload being read, None when not reading
        self._target: QWidget | None = None               # the window the scan arrived in
        self._last = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_pause)
        # A filter that is deleted (with its window) drops out of the application's list by itself.
        QApplication.instance().installEventFilter(self)

    @property
    def window(self) -> QWidget:
        return self.parent()  # no Python reference of our own: the window may go at any time

    @property
    def reading(self) -> bool:
        return self._payload is not None

    # -- whose keys ------------------------------------------------------------
    def _owner(self, obj: QObject) -> QWidget | None:
        """The desk window, or the dialog of it, that a key for `obj` belongs to."""
        if not isinstance(obj, QWidget) or not shiboken6.isValid(self.window) or not self.window.isVisible():
            return None
        focus = QApplication.focusWidget()
        if obj is not focus and not (focus is None and obj.isWindow()):
            return None  # the same key, propagating to a parent: already seen
        w = obj.window()
        while w is not None:
            if w is self.window or isinstance(w, QDialog):
                break
            parent = w.parentWidget()
            w = parent.window() if parent is not None else None
        if w is None or (w is not self.window and not self._is_ours(w)):
            return None
        return w

    def _is_ours(self, dialog: QWidget) -> bool:
        p = dialog.parentWidget()
        while p is not None:
            if p is self.window:
                return True
            p = p.parentWidget()
        return False

    # -- the filter ------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride,
                                           QEvent.Type.KeyRelease):
            return False
        # Each key reaches the window (QWindow) first, then the focused
        # widget, then its parents: only the focused widget's copy counts.
        owner = self._owner(obj)
        if owner is None:
            return False
        if kind == QEvent.Type.KeyRelease:
            # The release of a key kept back is kept back with it (and replayed with it).
            if _key_id(event) not in self._swallowed:
                return False
            self._swallowed.discard(_key_id(event))
            if self._held:
                self._held.append((obj, _copy(event)))
            return True
        if event.key() in _MODIFIER_KEYS:
            # Shift comes before every "H", "D" and ":" a scanner types: it
            # neither ends the prefix nor reaches a widget while a code is read.
            return self.reading
        if kind == QEvent.Type.ShortcutOverride:
            # A key we are about to take must not fire a shortcut (a "1" in
            # the award list, an Alt-less letter) on its way in.
            if self._takes(event):
                event.accept()
                return True
            if self._held:
                self._flush()
            return False
        return self._key_press(obj, owner, event)

    def _takes(self, event: QKeyEvent) -> bool:
        if self.reading:
            return True
        text = event.text()
        if not text or event.modifiers() & _NO_TEXT_MODIFIERS:
            return False
        if self._held:
            typed = "".join(e.text() for _o, e in self._held if e.type() == QEvent.Type.KeyPress)
            return (self._elapsed() <= BURST_GAP_MS) and any(p.startswith((typed + text).upper()) for p in PREFIXES)
        return any(text.upper() == p[0] for p in PREFIXES)

    def _elapsed(self) -> float:
        return (time.monotonic() - self._last) * 1000

    def _key_press(self, obj: QObject, owner: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if self.reading:
            if key in _ENTER:
                self._swallowed.add(_key_id(event))
                self._finish()
                return True
            if event.text() and event.text().isprintable():
                self._payload += event.text()
                self._swallowed.add(_key_id(event))
                self._timer.start(END_PAUSE_MS)
            return True  # Shift and the like, between the payload's keys
        if not event.text():
            if self._held:
                self._flush()  # an arrow or F-key: the held keys were typing, not a scan
            return False
        if self._takes(event):
            self._held.append((obj, _copy(event)))
            self._swallowed.add(_key_id(event))
            self._last = time.monotonic()
            typed = "".join(e.text() for _o, e in self._held if e.type() == QEvent.Type.KeyPress)
            if typed.upper() in PREFIXES:
                self._payload = typed
                self._target = owner
                self._held.clear()
                self._timer.start(END_PAUSE_MS)
            else:
                self._timer.start(BURST_GAP_MS)
            return True
        if self._held:
            self._flush()
        return False

    # -- endings ---------------------------------------------------------------
    def _on_pause(self) -> None:
        if self.reading:
            self._finish()
        else:
            self._flush()

    def _flush(self) -> None:
        """Not a scan after all: the held keys go where they were typed, in order."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for obj, event in held:
                self._swallowed.discard(_key_id(event))  # a release still to come passes through
                if shiboken6.isValid(obj):
                    QCoreApplication.sendEvent(obj, event)
        finally:
            self._replaying = False

    def _finish(self) -> None:
        self._timer.stop()
        payload, target = self._payload or "", self._target
        self._payload, self._target = None, None
        if target is None or not shiboken6.isValid(target):
            return
        if target is self.window:
            self.sig_scanned.emit(payload)
        else:
            self.sig_scanned_in_dialog.emit(payload, target)


def tell_close_first(dialog: QWidget) -> QLabel:
    """A scan arrived while this dialog was open: say so at its top, in
    place of typing the card's code into a field."""
    label = dialog.findChild(QLabel, "scanNotice")
    if label is None:
        label = NoticeLabel(dialog, kind="warning")
        label.setObjectName("scanNotice")
        layout = dialog.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, label)
    label.setText(QCoreApplication.translate(
        "ScanCatcher", "A card was scanned. Close this window first (Esc), then scan the card again."))
    label.show()
    QApplication.beep()
    return label
