"""Form fields a clerk types into quickly: dates as text (no spin boxes to
fight) in any form a guest writes them (2026-04-01, 2026/4/1, ２０２６年４月１日,
and era dates such as 昭和60年4月1日 or S60.4.1), whole yen amounts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from ..domain import errors, japan
from . import formatting as fmt


class FormInputError(ValueError):
    """A field that cannot be read; the message is for the clerk."""

    def __init__(self, message: str, widget: QWidget):
        super().__init__(message)
        self.widget = widget


class DateEdit(QLineEdit):
    """A date as the clerk (or the guest's form) writes it: ISO, slashes,
    full-width digits, 年月日, or a Japanese era date (desk_app.domain.japan
    .parse_date)."""

    sig_date_changed = Signal(object)

    def __init__(self, value: date | None = None, parent: QWidget | None = None, optional: bool = False):
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "YYYY-MM-DD"))
        self.setMaxLength(24)
        if value is not None:
            self.set_date(value)
        self.textChanged.connect(lambda _t: self.sig_date_changed.emit(self.peek()))

    def set_date(self, value: date | None) -> None:
        self.setText(fmt.day(value) if value else "")

    def peek(self) -> date | None:
        if not self.text().strip():
            return None
        try:
            return japan.parse_date(self.text())
        except errors.InvalidDates:
            return None

    def value(self, what: str) -> date | None:
        day = self.peek()
        if day is None and (self.text().strip() or not self.optional):
            raise FormInputError(QCoreApplication.translate(
                "DateEdit", "Write the %1 as year-month-day, for example 2026-04-01.").replace("%1", what), self)
        return day


class DateEcho(QLabel):
    """Under a date field: what the desk understood, read back in both
    calendars ('昭和60年4月1日 = 1985/04/01'), so a slip of the era or the
    year is caught before it is stored."""

    def __init__(self, edit: DateEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName((edit.objectName() or "date") + "Echo")
        self.setStyleSheet("color: #1f4e79;")
        self.edit = edit
        edit.sig_date_changed.connect(self.show_date)
        self.show_date(edit.peek())

    def show_date(self, day: date | None) -> None:
        if day is None:
            self.setText("")
            return
        era = fmt.era_day(day)
        self.setText(f"{era} = {fmt.day(day)}" if era else fmt.day(day))


class AmountEdit(QSpinBox):
    """A whole number a clerk types over, as in a POS money grid: however
    the field is reached (Tab, Enter, a click, the dialog opening), its
    content is selected, so typing 1000 gives 1,000 and never 10,000."""

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.selectAll()
        # Again after the event: a mouse click places the caret once focus is in.
        QTimer.singleShot(0, self._select_if_focused)

    def _select_if_focused(self) -> None:
        if self.hasFocus():
            self.selectAll()


class PointsEdit(AmountEdit):
    def __init__(self, parent: QWidget | None = None, minimum: int = 0, maximum: int = 1_000_000, step: int = 100):
        super().__init__(parent)
        self.setRange(minimum, maximum)
        self.setSingleStep(step)
        self.setGroupSeparatorShown(True)
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


class YenEdit(AmountEdit):
    def __init__(self, parent: QWidget | None = None, step: int = 1000, maximum: int = 100_000_000,
                 currency: str = "JPY"):
        super().__init__(parent)
        self.setRange(0, maximum)
        self.setSingleStep(step)
        if currency != "JPY":
            self.setPrefix(f"{currency} ")
        elif fmt.current_language() == "ja":
            self.setSuffix("円")   # as japan.format_yen writes it: 12,346円
        else:
            self.setPrefix("¥")
        self.setGroupSeparatorShown(True)
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.setAccelerated(True)
        self.setMinimumWidth(140)
