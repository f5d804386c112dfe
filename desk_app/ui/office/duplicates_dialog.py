"""Office > Duplicate memberships: memberships that may be one person (the
same reading and birth date, or the same phone), two of them side by side,
and the merge into the one the office keeps."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from ...services import duplicates, office
from .. import formatting as fmt, messages
from ..i18n import program_text
from ..models import Column, RowsModel
from ..widgets import ErrorLabel, make_table


def _t(text: str) -> str:
    return QCoreApplication.translate("DuplicatesDialog", text)


def _key(g: duplicates.DuplicateGroup) -> str:
    if g.reason == "phone":
        return fmt.phone(g.phone)
    return f"{g.family_key or ''} {g.given_key or ''} · {fmt.day(g.birth_date)}".strip()


class GroupModel(RowsModel):
    def columns(self):
        return (
            Column(_t("Same"), lambda g: _t("Reading and birth date") if g.reason == "name_and_birth_date"
                   else _t("Phone")),
            Column(_t("Shared"), _key),
            Column(_t("Memberships"), lambda g: ", ".join(m.member_number for m in g.members)),
            Column(_t("Names"), lambda g: " / ".join(fmt.full_name(m) for m in g.members)),
        )


@dataclass(frozen=True)
class Line:
    label: str
    left: str
    right: str

    @property
    def differs(self) -> bool:
        return self.left != self.right


class CompareModel(RowsModel):
    """Field, left, right; a field that differs is shaded."""

    def columns(self):
        return (Column("", lambda r: r.label), Column(_t("Left"), lambda r: r.left),
                Column(_t("Right"), lambda r: r.right))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() > 0:
            return QColor("#fff4d6") if self.row(index.row()).differs else None
        return super().data(index, role)


def compare_lines(program, left: duplicates.Side, right: duplicates.Side) -> list[Line]:
    def facts(side: duplicates.Side) -> list[str]:
        m = side.member
        return [m.member_number, fmt.full_name(m), fmt.kana_name(m), fmt.roman_name(m), fmt.day(m.birth_date),
                m.email or "", fmt.phone(m.phone), " ".join(p for p in (m.postal_code, m.address) if p),
                fmt.registration_text(m.registration), fmt.status_text(m.status),
                f"{fmt.day(m.enrolled_on)} ({m.enrolled_at})", program_text(m.tier_name),
                fmt.points(m.points_balance), fmt.points(m.year_nights), fmt.day(side.last_activity),
                fmt.points(side.entries),
                _t("No. %1 (%2)").replace("%1", str(m.card.sequence)).replace("%2", m.card.status) if m.card else ""]

    labels = [_t("Member no."), _t("Name"), _t("Reading"), _t("Romaji"), _t("Birth date"), _t("E-mail"),
              _t("Phone"), _t("Address"), _t("Registration"), _t("Status"), _t("Enrolled"), _t("Tier"),
              _t("Points"), _t("Nights this year"), _t("Last activity (or enrolment)"), _t("Ledger entries"), _t("Card")]
    return [Line(label, a, b) for label, a, b in zip(labels, facts(left), facts(right))]


class DuplicatesDialog(QDialog):
    sig_done = Signal(object)        # the groups found
    sig_compared = Signal(object)    # the pair shown side by side
    sig_merged = Signal(object)      # the kept member

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = session.worker
        self.busy = False
        self.pair: tuple[duplicates.Side, duplicates.Side] | None = None
        self._note = ""
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Duplicate memberships"))
        intro = QLabel(self.tr("Open memberships with the same name reading and birth date, or the same phone. "
                               "Compare two, and merge the one you drop into the one you keep: points keep "
                               "their expiry dates, nights and history move over."))
        intro.setWordWrap(True)
        self.groups = GroupModel(self)
        self.group_view = make_table(self.groups, "groupsView", stretch_column=3)
        self.group_view.setMinimumHeight(150)
        self.group_view.selectionModel().currentRowChanged.connect(self.on_group_chosen)
        self.left, self.right = QComboBox(), QComboBox()
        self.left.setObjectName("leftInput")
        self.right.setObjectName("rightInput")
        self.left.activated.connect(self.compare)
        self.right.activated.connect(self.compare)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Left")))
        pick.addWidget(self.left, 1)
        pick.addWidget(QLabel(self.tr("Right")))
        pick.addWidget(self.right, 1)
        self.lines = CompareModel(self)
        self.compare_view = make_table(self.lines, "compareView", stretch_column=2)
        self.compare_view.setMinimumHeight(300)
        self.sure = QCheckBox(self.tr("I have checked that both memberships are the same person"))
        self.sure.setObjectName("sureCheck")
        self.keep_left = QPushButton(self.tr("Keep &left, merge right into it"))
        self.keep_left.setObjectName("keepLeftButton")
        self.keep_right = QPushButton(self.tr("Keep &right, merge left into it"))
        self.keep_right.setObjectName("keepRightButton")
        self.keep_left.clicked.connect(lambda: self.merge(keep_left=True))
        self.keep_right.clicked.connect(lambda: self.merge(keep_left=False))
        actions = QHBoxLayout()
        actions.addWidget(self.sure, 1)
        actions.addWidget(self.keep_left)
        actions.addWidget(self.keep_right)
        self.status = QLabel()
        self.status.setObjectName("duplicatesStatus")
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.group_view, 1)
        layout.addLayout(pick)
        layout.addWidget(self.compare_view, 2)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1000, 820)
        self._enable()
        self.reload()

    def _enable(self) -> None:
        ready = self.pair is not None and not self.busy
        self.keep_left.setEnabled(ready)
        self.keep_right.setEnabled(ready)

    def reload(self) -> None:
        self.worker.submit(duplicates.find, self.session.db, self.session.desk, owner=self, on_done=self.on_found,
                           on_failed=self.on_failed)

    def on_found(self, groups) -> None:
        self.groups.set_rows(groups)
        self.status.setText(" ".join(t for t in (self._note, self.tr("Groups of possible duplicates: %1.")
                                                 .replace("%1", str(len(groups)))) if t))
        self._note = ""
        self.pair = None
        self.lines.set_rows(())
        if groups:
            self.group_view.selectRow(0)
        self._enable()
        self.sig_done.emit(groups)

    def on_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._enable()
        self.error.show_message(messages.describe(exc))

    def on_group_chosen(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        group = self.groups.row(current.row())
        for combo in (self.left, self.right):
            combo.clear()
            for m in group.members:
                combo.addItem(f"{m.member_number}  {fmt.full_name(m)}", m.member_number)
        self.left.setCurrentIndex(0)
        self.right.setCurrentIndex(1 if len(group.members) > 1 else 0)
        self.compare()

    def compare(self, *_args) -> None:
        a, b = self.left.currentData(), self.right.currentData()
        if not a or not b:
            return
        self.error.clear_message()
        self.worker.submit(duplicates.side_by_side, self.session.db, self.session.desk, a, b, owner=self,
                           on_done=self.on_compared, on_failed=self.on_failed)

    def on_compared(self, pair) -> None:
        self.pair = pair
        self.sure.setChecked(False)
        self.lines.set_rows(compare_lines(self.session.program, *pair))
        self._enable()
        self.sig_compared.emit(pair)

    def merge(self, keep_left: bool) -> None:
        if self.pair is None or self.busy:
            return
        if not self.sure.isChecked():
            self.error.show_message(self.tr("Tick the box to confirm that both are the same person."))
            return
        left, right = (s.member.member_number for s in self.pair)
        keep, drop = (left, right) if keep_left else (right, left)
        self.busy = True
        self._enable()
        self.error.clear_message()
        self.worker.submit(office.merge, self.session.db, self.session.desk, keep, drop, owner=self,
                           on_done=self.on_merged, on_failed=self._merge_refused)

    def _merge_refused(self, exc: BaseException) -> None:
        from ..base_dialog import count_refusal

        count_refusal(self.session, self.worker, "merge", exc)
        self.on_failed(exc)

    def on_merged(self, kept) -> None:
        self.busy = False
        self._note = (self.tr("Merged: %1 is kept with %2 points.").replace("%1", kept.member_number)
                      .replace("%2", fmt.points(kept.points_balance)))
        self.status.setText(self._note)
        self.sig_merged.emit(kept)
        self.reload()
