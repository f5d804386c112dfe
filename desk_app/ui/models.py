"""Table models over tuples of frozen dataclasses (no item widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from . import formatting as fmt
from .i18n import program_text

RowRole = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_GREY = QColor("#9aa3ad")   # what no longer counts (a reversed entry) or cannot be taken (an award)


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    numeric: bool = False
    tooltip: Callable[[Any], str] | None = None
    foreground: Callable[[Any], Any] | None = None   # a QColor for the row's text, or None
    font: Callable[[Any], Any] | None = None         # a QFont for the cell, or None


class RowsModel(QAbstractTableModel):
    """Read-only rows; each row is one dataclass. Subclasses set columns()."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple = ()
        self._columns: tuple[Column, ...] = tuple(self.columns())

    def columns(self) -> Sequence[Column]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- data ---------------------------------------------------------------
    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple:
        return self._rows

    def replace_where(self, match: Callable[[Any], bool], new) -> None:
        """Swap in a fresh row (a member whose points just changed) in place,
        keeping the selection and scroll position."""
        for i, row in enumerate(self._rows):
            if match(row):
                self._rows = self._rows[:i] + (new,) + self._rows[i + 1:]
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._columns) - 1))

    def row(self, index: int):
        return self._rows[index]

    # -- Qt -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        item, col = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if col.numeric else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground is not None:
            return col.foreground(item)
        if role == Qt.ItemDataRole.FontRole and col.font is not None:
            return col.font(item)
        if role == RowRole:
            return item
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _t(text: str) -> str:
    return QCoreApplication.translate("Models", text)


class MemberResultsModel(RowsModel):
    """Lookup results: MemberView rows, e-mail and phone masked."""

    def columns(self):
        return (
            Column(_t("Member no."), lambda m: m.member_number),
            Column(_t("Name"), fmt.full_name),
            Column(_t("Kana"), fmt.kana_name),
            Column(_t("Tier"), lambda m: program_text(m.tier_name)),
            Column(_t("Points"), lambda m: fmt.points(m.points_balance), numeric=True),
            Column(_t("E-mail"), lambda m: fmt.mask_email(m.email)),
            Column(_t("Phone"), lambda m: fmt.mask_phone(m.phone)),
            Column(_t("Status"), lambda m: fmt.status_text(m.status)),
        )


def short_id(transaction_id: str | None) -> str:
    """A transaction as the desk names it: #1A2B3C4D (the first 8 of its id)."""
    return "#" + (transaction_id or "")[:8].upper()


_STRUCK = None


def _struck():
    global _STRUCK
    if _STRUCK is None:
        from PySide6.QtGui import QFont

        _STRUCK = QFont()
        _STRUCK.setStrikeOut(True)
    return _STRUCK


class HistoryModel(RowsModel):
    """The member's ledger, newest first: HistoryEntry rows. A reversal names
    the entry it undoes, and an undone entry is struck through and names its
    reversal, so the two read as a pair."""

    # Kinds that earn: a row of theirs that earned nothing reads 0, not blank.
    EARNING_KINDS = frozenset({"stay", "bill", "companion"})

    def __init__(self, parent=None):
        self._by_tx: dict[str, Any] = {}
        # The award's name for its code (the member page gives the program's);
        # a code the program does not know is shown as it is.
        self.award_name: Callable[[str], str] = lambda code: code
        super().__init__(parent)

    def set_rows(self, rows: Sequence) -> None:
        self._by_tx = {e.transaction_id: e for e in rows}
        super().set_rows(rows)

    def columns(self):
        reversed_ = lambda e: _GREY if e.reversed_by else None  # noqa: E731
        return (
            Column(_t("Date"), lambda e: fmt.day(e.date), foreground=reversed_),
            Column(_t("What"), self.what, tooltip=self.explain, foreground=reversed_),
            Column(_t("Points"), self.points_text, numeric=True,
                   foreground=reversed_, font=lambda e: _struck() if e.reversed_by and e.points else None),
            Column(_t("Nights"), lambda e: str(e.nights) if e.nights else "", numeric=True,
                   foreground=reversed_, font=lambda e: _struck() if e.reversed_by and e.nights else None),
            Column(_t("Hotel"), lambda e: e.property or "", foreground=reversed_),
            Column(_t("Reference"), self.reference, foreground=reversed_),
            Column(_t("No."), lambda e: short_id(e.transaction_id), foreground=reversed_),
            Column(_t("Clerk"), lambda e: e.clerk if not e.approved_by else _t("%1, approved by %2").replace(
                "%1", e.clerk).replace("%2", e.approved_by), foreground=reversed_),
        )

    def points_text(self, e) -> str:
        if e.points:
            return f"{e.points:+,}"
        return "0" if e.kind in self.EARNING_KINDS else ""

    def reference(self, e) -> str:
        """The award by its name (a voucher's award, not its code), then the
        folio or check it was for."""
        parts = []
        if e.award:
            parts.append(self.award_name(e.award))
        if e.reference:
            parts.append(e.reference)
        return " · ".join(parts)

    def what(self, e) -> str:
        kind = fmt.entry_kind_text(e.kind)
        if e.reverses:
            original = self._by_tx.get(e.reverses)
            about = short_id(e.reverses)
            if original is not None:
                about += " " + " ".join(p for p in (fmt.entry_kind_text(original.kind), self.reference(original)) if p)
            return _t("Reversal of %1").replace("%1", about)
        if e.reversed_by:
            return _t("%1 — reversed by %2").replace("%1", kind).replace("%2", short_id(e.reversed_by))
        return kind

    def explain(self, e) -> str:
        lines = [e.reason] if e.reason else []
        if e.reversed_by:
            undo = self._by_tx.get(e.reversed_by)
            if undo is not None:
                lines.append(_t("Reversed on %1 by %2: %3").replace("%1", fmt.day(undo.date)).replace(
                    "%2", undo.clerk if not undo.approved_by else f"{undo.clerk} / {undo.approved_by}").replace(
                    "%3", undo.reason or ""))
        return "\n".join(lines)


@dataclass(frozen=True)
class ExpiryRow:
    expires_on: Any
    points: int
    earned_from: Any
    earned_to: Any


def expiry_timeline(lots) -> tuple[ExpiryRow, ...]:
    """Group the member's valid lots by expiry date (already oldest first)."""
    grouped: dict = {}
    for lot in lots:
        row = grouped.get(lot.expires_on)
        if row is None:
            grouped[lot.expires_on] = ExpiryRow(lot.expires_on, lot.points, lot.earned_on, lot.earned_on)
        else:
            grouped[lot.expires_on] = ExpiryRow(lot.expires_on, row.points + lot.points,
                                                min(row.earned_from, lot.earned_on), max(row.earned_to, lot.earned_on))
    return tuple(sorted(grouped.values(), key=lambda r: r.expires_on))


class ExpiryModel(RowsModel):
    def columns(self):
        return (
            Column(_t("Expires after"), lambda r: fmt.day(r.expires_on)),
            Column(_t("Points"), lambda r: fmt.points(r.points), numeric=True),
            Column(_t("Earned"), lambda r: fmt.day(r.earned_from) if r.earned_from == r.earned_to
                   else f"{fmt.day(r.earned_from)} – {fmt.day(r.earned_to)}"),
        )


@dataclass(frozen=True)
class AwardOffer:
    key: int         # its number key (1, 2, ...): the same award under the same key for every member
    code: str
    name: str
    points: int
    kind: str
    max_quantity: int
    channels: tuple[str, ...] | None
    affordable: int  # how many the balance covers
    shortfall: int = 0          # points missing for one, when none is affordable
    yen_value: int | None = None  # Pay by Points: the yen one unit pays
    redeemable: bool = True     # False when the member cannot redeem at all (simple registration)

    @property
    def available(self) -> bool:
        return self.redeemable and self.affordable > 0


def _grey(offer: AwardOffer) -> QColor | None:
    """Greyed, never hidden: the list stays the same for every member."""
    return None if offer.available else _GREY


def _award_points(a: AwardOffer) -> str:
    if a.yen_value:
        return _t("%1 per %2").replace("%1", fmt.points(a.points)).replace("%2", fmt.yen(a.yen_value))
    return fmt.points(a.points)


def _award_reach(a: AwardOffer) -> str:
    if a.affordable and a.yen_value:
        return fmt.yen(min(a.affordable, a.max_quantity) * a.yen_value)  # Pay by Points: in yen
    if a.affordable:
        return str(min(a.affordable, a.max_quantity))
    return _t("needs %1 more").replace("%1", fmt.points(a.shortfall))


class AwardModel(RowsModel):
    def columns(self):
        return (
            Column(_t("Key"), lambda a: str(a.key), foreground=_grey),
            Column(_t("Award"), lambda a: program_text(a.name), foreground=_grey,
                   tooltip=lambda a: "" if a.affordable else _t("Needs %1 more points").replace(
                       "%1", fmt.points(a.shortfall))),
            Column(_t("Points each"), _award_points, numeric=True, foreground=_grey),
            Column(_t("Up to"), _award_reach, numeric=True, foreground=_grey),
        )


def _account_state(c) -> str:
    if not c.active:
        return _t("Deactivated")
    if c.locked and c.locked_until is not None:
        # Stored in UTC; the desk reads its own clock.
        local = c.locked_until.replace(tzinfo=timezone.utc).astimezone()
        return _t("Locked until %1").replace("%1", local.strftime("%H:%M"))
    return _t("Locked") if c.locked else ""


class ClerkModel(RowsModel):
    def columns(self):
        return (
            Column(_t("Clerk ID"), lambda c: c.login),
            Column(_t("Name"), lambda c: c.name),
            Column(_t("Role"), lambda c: fmt.role_text(c.role)),
            Column(_t("Account"), _account_state),
        )
