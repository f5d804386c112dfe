"""Office > Inactive memberships: no stay and no points for 36 months
(T&C 7.2). The office revokes them, one by one or the ones selected, with
a reason; every point they hold is cancelled."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from ...domain.errors import DeskError
from ...services import batch, inactivity
from .. import formatting as fmt, messages
from ..i18n import program_text
from ..models import Column, RowsModel
from ..widgets import ErrorLabel, make_table
from .common import Progress


def _t(text: str) -> str:
    return QCoreApplication.translate("InactiveDialog", text)


class InactiveModel(RowsModel):
    def columns(self):
        return (
            Column(_t("Member no."), lambda m: m.member_number),
            Column(_t("Name"), fmt.full_name),
            Column(_t("Enrolled"), lambda m: fmt.day(m.enrolled_on)),
            Column(_t("Tier"), lambda m: program_text(m.tier_name)),
            Column(_t("Points"), lambda m: fmt.points(m.points_balance), numeric=True),
            Column(_t("E-mail"), lambda m: fmt.mask_email(m.email)),
        )


def refusal_sentence(code: str) -> str:
    if code == "not_inactive":
        return _t("has stayed or earned points since the list was made: not revoked")
    return messages.describe(DeskError("", code)) or code


class InactiveDialog(QDialog):
    sig_done = Signal(object)        # the list shown
    sig_revoked = Signal(object)     # a RevocationOutcome

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = session.worker
        self.busy = False
        self.progress = None
        self.setObjectName("inactiveDialog")
        months = session.program.inactivity_months
        self.setWindowTitle(self.tr("Inactive memberships"))
        intro = QLabel(self.tr("Open memberships with no stay and no points for %1 months (counted from the last "
                               "stay or points earned by use, or from enrolment). Revoking one closes it and "
                               "cancels its points for good.").replace("%1", str(months)))
        intro.setWordWrap(True)
        self.model = InactiveModel(self)
        self.table = make_table(self.model, "inactiveView", stretch_column=1)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setMinimumHeight(260)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.count = QLabel()
        self.count.setObjectName("inactiveCount")
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.setObjectName("selectAllButton")
        self.select_all.clicked.connect(self.table.selectAll)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.select_all)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonInput")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. inactive for 36 months (terms 7.2), office decision of today"))
        self.reason.textChanged.connect(lambda *_: self._enable())
        reason_row = QHBoxLayout()
        label = QLabel(self.tr("&Reason"))
        label.setBuddy(self.reason)
        reason_row.addWidget(label)
        reason_row.addWidget(self.reason, 1)
        self.sure = QCheckBox(self.tr("I understand the points of the selected members cannot be given back"))
        self.sure.setObjectName("sureCheck")
        self.revoke_button = QPushButton(self.tr("Re&voke selected"))
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.revoke)
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.sure, 1)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.stop_button)
        self.bar = QProgressBar()
        self.bar.setObjectName("revokeProgress")
        self.bar.hide()
        self.result = QLabel()
        self.result.setObjectName("revokeResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro,):
            layout.addWidget(w)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(reason_row)
        layout.addLayout(actions)
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 640)
        self._enable()
        self.reload()

    def selected_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row(r).member_number for r in rows]

    def _enable(self) -> None:
        self.revoke_button.setEnabled(not self.busy and bool(self.selected_numbers()))
        self.select_all.setEnabled(not self.busy)

    def reload(self) -> None:
        self.worker.submit(batch.inactive, self.session.db, self.session.desk, owner=self, on_done=self.on_loaded,
                           on_failed=self.on_failed)

    def on_loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 inactive memberships, %2 points between them.")
                           .replace("%1", fmt.points(len(rows)))
                           .replace("%2", fmt.points(sum(m.points_balance for m in rows))))
        self._enable()
        self.sig_done.emit(rows)

    def on_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._set_running(False)
        self.error.show_message(messages.describe(exc))

    def revoke(self) -> None:
        numbers = self.selected_numbers()
        if not numbers or self.busy:
            return
        if not self.reason.text().strip():
            self.error.show_message(messages.describe(DeskError("", "invalid_reason")))
            self.reason.setFocus()
            return
        if not self.sure.isChecked():
            self.error.show_message(self.tr("Tick the box to confirm that the points will be cancelled."))
            return
        self.error.clear_message()
        self.result.clear()
        self.progress = Progress(self)
        self.progress.sig_progress.connect(lambda _s, done, total: (self.bar.setMaximum(total),
                                                                    self.bar.setValue(done)))
        self.bar.setRange(0, len(numbers))
        self.bar.setValue(0)
        self._set_running(True)
        progress = self.progress
        self.worker.submit(inactivity.revoke_inactive, self.session.db, self.session.desk, numbers,
                           self.reason.text(), progress=lambda d, t: progress.report("revoke", d, t),
                           cancelled=progress.cancelled, owner=self, on_done=self.on_revoked,
                           on_failed=self.on_failed)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self.stop_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.busy = running
        self.bar.setVisible(running or self.bar.value() > 0)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        self._enable()

    def on_revoked(self, outcome: inactivity.RevocationOutcome) -> None:
        from ..base_dialog import count_refusal

        self._set_running(False)
        for _number, code in outcome.refused:
            if code != "not_inactive":
                count_refusal(self.session, self.worker, "revoke", DeskError("", code))
        lines = [self.tr("%1 memberships revoked.").replace("%1", str(len(outcome.revoked)))]
        if outcome.cancelled:
            lines.append(self.tr("Stopped: the others were left as they are."))
        lines += [f"{number}: {refusal_sentence(code)}" for number, code in outcome.refused]
        self.result.setText("\n".join(lines))
        self.sure.setChecked(False)
        self.sig_revoked.emit(outcome)
        self.reload()
