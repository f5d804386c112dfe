"""Windows that fit the screen they open on.

The desk runs on 1920x1080 and 1366x768 screens, at 100% and 150%
scaling (a 1366x768 screen at 150% is 910x512 logical pixels), and down to
1024x700. The main window takes the screen's available geometry (no
taskbar), title bar and frame included, and remembers its place per screen
in the desk's settings; a dialog taller than the screen scrolls its form
while its header, its message and its buttons stay in reach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QRect, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

PREFERRED = QSize(1280, 820)
# Title bar and borders before the window manager has said (after the first
# show the real frame is used).
FRAME_GUESS = QMargins(4, 32, 4, 4)


def frame_of(window: QWidget) -> QMargins:
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        margins = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                           outer.right() - inner.right(), outer.bottom() - inner.bottom())
        if margins.top() or margins.left():
            return margins
    return FRAME_GUESS


def available(window: QWidget) -> QRect | None:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def screen_key(window: QWidget) -> str:
    """The screen a remembered geometry belongs to: its size and scale."""
    screen = window.screen()
    if screen is None:
        return ""
    size = screen.size()
    return f"{size.width()}x{size.height()}@{round(screen.devicePixelRatio() * 100)}"


def fit(room: QRect, frame: QMargins, wanted: QRect | None = None, preferred: QSize = PREFERRED) -> QRect:
    """The client rectangle for a window on `room` (available geometry):
    `wanted` (a remembered place) or `preferred` centred, never larger than
    the room less the frame, moved inside it."""
    max_w = room.width() - frame.left() - frame.right()
    max_h = room.height() - frame.top() - frame.bottom()
    size = wanted.size() if wanted is not None and wanted.isValid() else preferred
    w, h = min(size.width(), max_w), min(size.height(), max_h)
    if wanted is not None and wanted.isValid():
        x, y = wanted.x(), wanted.y()
    else:
        x = room.x() + frame.left() + (max_w - w) // 2
        y = room.y() + frame.top() + (max_h - h) // 2
    x = max(room.x() + frame.left(), min(x, room.right() + 1 - frame.right() - w))
    y = max(room.y() + frame.top(), min(y, room.bottom() + 1 - frame.bottom() - h))
    return QRect(x, y, w, h)


def fit_window(window: QWidget, wanted: QRect | None = None, room: QRect | None = None,
               preferred: QSize = PREFERRED) -> QRect | None:
    room = room or available(window)
    if room is None:
        return None
    rect = fit(room, frame_of(window), wanted, preferred)
    window.setGeometry(rect)
    return rect


def cap_dialog(dialog: QWidget, room: QRect | None = None) -> None:
    """A dialog never taller or wider than the screen it is on (its form scrolls)."""
    room = room or available(dialog)
    if room is None:
        return
    frame = frame_of(dialog)
    max_w = room.width() - frame.left() - frame.right()
    max_h = room.height() - frame.top() - frame.bottom()
    if dialog.width() > max_w or dialog.height() > max_h:
        dialog.resize(min(dialog.width(), max_w), min(dialog.height(), max_h))
    geo = dialog.geometry()
    if not room.contains(geo):
        dialog.setGeometry(fit(room, frame, geo))


class FormScroll(QScrollArea):
    """The body of a form: as tall as its content when the screen allows,
    scrolling when it does not (QScrollArea's own size hint stops at about
    24 lines, which would squeeze every form)."""

    def __init__(self, body: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("formScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(body)   # (QScrollArea filters the body's events from here on)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()   # the form grew or shrank (a row shown): so does the hint
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        body = self.widget()
        hint = body.sizeHint() if body is not None else QSize(0, 0)
        extra = self.verticalScrollBar().sizeHint().width() if self.verticalScrollBar().isVisible() else 0
        return QSize(hint.width() + extra, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        body = self.widget()
        width = body.minimumSizeHint().width() if body is not None else 0
        return QSize(width, min(160, body.sizeHint().height() if body is not None else 160))
