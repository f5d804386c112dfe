"""Form fields a clerk types into quickly: dates as YYYY-MM-DD text (no
spin boxes to fight), whole yen amounts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget


class FormInputError(ValueError):
    """A field that cannot be read; the message is for the clerk."""

    def __init__(self, message: str, widget: QWidget):
        super().__init__(message)
        self.widget = widget


class DateEdit(QLineEdit):
    """YYYY-MM-DD; full-width digits and slashes are accepted too."""

    sig_date_changed = Signal(object)

    def __init__(self, value: date | None = None, parent: QWidget | None = None, optional: bool = False):
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "YYYY-MM-DD"))
        self.setMaxLength(10)
        if value is not None:
            self.set_date(value)
        self.textChanged.connect(lambda _t: self.sig_date_changed.emit(self.peek()))

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def peek(self) -> date | None:
        import unicodedata

        text = unicodedata.normalize("NFKC", self.text()).strip().replace("/", "-").replace(".", "-")
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            parts = text.split("-")
            if len(parts) == 3 and all(p.isdigit() for p in parts):
                try:
                    return date(int(parts[0]), int(parts[1]), int(parts[2]))
                except ValueError:
                    return None
            return None

    def value(self, what: str) -> date | None:
        day = self.peek()
        if day is None and (self.text().strip() or not self.optional):
            raise FormInputError(QCoreApplication.translate(
                "DateEdit", "Write the %1 as year-month-day, for example 2026-04-01.").replace("%1", what), self)
        return day


class YenEdit(QSpinBox):
    def __init__(self, parent: QWidget | None = None, step: int = 1000, maximum: int = 100_000_000,
                 currency: str = "JPY"):
        super().__init__(parent)
        self.setRange(0, maximum)
        self.setSingleStep(step)
        self.setPrefix("¥" if currency == "JPY" else f"{currency} ")
        self.setGroupSeparatorShown(True)
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.setAccelerated(True)
        self.setMinimumWidth(140)
