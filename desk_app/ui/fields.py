"""Form fields a clerk types into quickly: dates as text (no spin boxes to
fight) in any form a guest writes them (2026-04-01, 2026/4/1, ２０２６年４月１日,
and era dates such as 昭和60年4月1日 or S60.4.1), whole yen amounts."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from ..domain import errors, japan
from . import formatting as fmt


class FormInputError(ValueError):
    """A field that cannot be read; the message is for the clerk."""

    def __init__(self, message: str, widget: QWidget):
        super().__init__(message)
        self.widget = widget


_DAY_ONLY = re.compile(r"^(\d{1,2})\s*日?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$")
_INVALID = ("QLineEdit { border: 2px solid #c62828; background: #fdecec; }")


def parse_typed_date(text: str, base: date | None = None) -> date:
    """A date as typed at the desk. With a base (the business date) the
    short forms count too: '21' is the 21st of the base's month, '11/21'
    (or 11月21日) the 21st of November of the base's year. Anything else
    as desk_app.domain.japan.parse_date reads it. Raises InvalidDates."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if base is not None:
        m = _DAY_ONLY.match(value)
        if m:
            year, month, d = base.year, base.month, int(m[1])
        else:
            m = _MONTH_DAY.match(value)
            year, month, d = (base.year, int(m[1]), int(m[2])) if m else (0, 0, 0)
        if m:
            try:
                return date(year, month, d)
            except ValueError:
                raise errors.InvalidDates(f"'{text[:20]}' is not a calendar date.") from None
    return japan.parse_date(value)


class DateEdit(QLineEdit):
    """A date as the clerk (or the guest's form) writes it: ISO, slashes,
    full-width digits, 年月日, or a Japanese era date (desk_app.domain.japan
    .parse_date); with a base date (the business date) also the day alone
    ('21') or month/day ('11/21', '11月21日'). Up/Down (and + / − while the
    field shows a whole date) step a day. A text that is no date turns the
    field red when the clerk leaves it, with the sentence in sig_problem;
    it clears as soon as the text reads as a date."""

    sig_date_changed = Signal(object)
    sig_problem = Signal(str)      # the sentence for the clerk, "" when the date reads

    def __init__(self, value: date | None = None, parent: QWidget | None = None, optional: bool = False,
                 base: date | None = None, what: str = ""):
        super().__init__(parent)
        self.optional = optional
        self.base = base
        self.what = what
        self.problem = ""
        self.setPlaceholderText(
            QCoreApplication.translate("DateEdit", "21, 11/21 or 2026/11/21") if base is not None else
            QCoreApplication.translate("DateEdit", "YYYY/MM/DD or an era date (S60.4.1)"))
        self.setMaxLength(24)
        if value is not None:
            self.set_date(value)
        self.textChanged.connect(self._changed)
        self.editingFinished.connect(self._finished)

    def set_date(self, value: date | None) -> None:
        self.setText(fmt.day(value) if value else "")

    def peek(self) -> date | None:
        if not self.text().strip():
            return None
        try:
            return parse_typed_date(self.text(), self.base)
        except errors.InvalidDates:
            return None

    def message(self, what: str | None = None) -> str:
        what = what or self.what or QCoreApplication.translate("DateEdit", "date")
        return QCoreApplication.translate(
            "DateEdit", "Write the %1 as a date: 21, 11/21 or 2026/11/21.").replace("%1", what or self.what) \
            if self.base is not None else QCoreApplication.translate(
                "DateEdit", "Write the %1 as a date: 1985/04/01 or an era date such as S60.4.1.").replace(
                "%1", what or self.what)

    def value(self, what: str) -> date | None:
        day = self.peek()
        if day is None and (self.text().strip() or not self.optional):
            raise FormInputError(self.message(what), self)
        return day

    # -- as the clerk types ---------------------------------------------------
    def _changed(self, _text: str) -> None:
        day = self.peek()
        if self.problem and (day is not None or not self.text().strip()):
            self._set_problem("")
        self.sig_date_changed.emit(day)

    def _finished(self) -> None:
        day = self.peek()
        if day is not None:
            if self.text() != fmt.day(day):
                self.set_date(day)   # read back in the desk's style: 21 -> 2026/11/21
        elif self.text().strip():
            self._set_problem(self.message())

    def _set_problem(self, text: str) -> None:
        self.problem = text
        self.setStyleSheet(_INVALID if text else "")
        self.setToolTip(text)
        self.sig_problem.emit(text)

    def step(self, days: int) -> None:
        day = self.peek() or self.base
        if day is not None:
            self.set_date(day + timedelta(days=days))
            self.selectAll()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step(1 if key == Qt.Key.Key_Up else -1)
            return
        # + and − step only while the field shows a whole date in the desk's style
        # (never while "11-21" is being typed).
        text = event.text()
        if text in ("+", "-", "−") and self.peek() is not None and self.text() == fmt.day(self.peek()):
            self.step(1 if text == "+" else -1)
            return
        super().keyPressEvent(event)


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


# The countries guests come from most, first; then every other one by name.
_FIRST_COUNTRIES = ("JP", "US", "CN", "KR", "TW", "HK", "SG", "TH", "AU", "GB", "FR", "DE", "CA")


def _country_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    name = QLocale.territoryToString(territory) if territory != QLocale.Country.AnyTerritory else ""
    return name or code


class CountryBox(QComboBox):
    """The country of residence chosen from a list ("Japan (JP)"); typing
    the code or part of the name finds it. code() is the two-letter code."""

    def __init__(self, code: str | None = "JP", parent: QWidget | None = None):
        super().__init__(parent)
        import phonenumbers

        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        codes = [c for c in _FIRST_COUNTRIES]
        rest = sorted((c for c in phonenumbers.SUPPORTED_REGIONS if c not in codes and len(c) == 2 and c.isalpha()),
                      key=_country_name)
        for c in codes + rest:
            self.addItem(f"{_country_name(c)} ({c})", c)
        self.insertSeparator(len(codes))
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(completer.CompletionMode.InlineCompletion)
        self.set_code(code or "JP")

    def set_code(self, code: str) -> None:
        i = self.findData((code or "").upper())
        if i >= 0:
            self.setCurrentIndex(i)
        else:
            self.setEditText(code or "")

    def code(self) -> str:
        text = self.currentText().strip()
        i = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if i >= 0:
            return self.itemData(i)
        if len(text) == 2 and text.isalpha():
            return text.upper()
        m = re.search(r"\(([A-Za-z]{2})\)\s*$", text)
        return m[1].upper() if m else text
