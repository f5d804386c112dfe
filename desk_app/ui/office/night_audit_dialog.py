"""Office > Night audit: close the hotel's business day, write off expired
points and, at the turn of the year, evaluate the tiers. Each step has
its progress bar; Cancel stops between two chunks of members (nothing is
half-done) and the next audit finishes what is left; a summary at the end."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QGridLayout, QGroupBox, QLabel, QProgressBar,
                               QVBoxLayout, QWidget)

from ...services import night_audit
from .. import formatting as fmt, messages
from ..i18n import program_text
from ..models import Column, RowsModel
from ..widgets import make_table
from .common import Progress, run_cancel_close


def _t(text: str) -> str:
    return QCoreApplication.translate("NightAuditDialog", text)


def step_name(step: str, key: str) -> str:
    if step == "close_day":
        return _t("Close the business day")
    if step == "expire_points":
        return _t("Write off points expired before %1").replace("%1", fmt.day(_date(key)))
    if step == "evaluate_tiers":
        return _t("Tier evaluation of %1, with carry-over").replace("%1", key)
    return step


def _date(key: str):
    from datetime import date

    try:
        return date.fromisoformat(key.split(":")[-1])
    except ValueError:
        return None


def status_text(status: str) -> str:
    return {"done": _t("Done"), "skipped": _t("Done before"), "cancelled": _t("Cancelled: the next audit "
                                                                             "finishes it"),
            "refused": _t("Refused"), "busy": _t("Another audit is running it"),
            "not_run": _t("Not run: the next audit runs it"), "pending": _t("To do"), "running": _t("Running")
            }.get(status, status)


def figures_text(program, step: str, figures: dict) -> str:
    if step == "close_day" and figures.get("head"):
        return _t("chain head %1… (%2 entries)").replace("%1", figures["head"][:12]) \
            .replace("%2", fmt.points(int(figures.get("entries", 0))))
    if step == "expire_points" and figures:
        return _t("%1 points written off from %2 members").replace("%1", fmt.points(figures.get("expired_points", 0))) \
            .replace("%2", fmt.points(figures.get("members", 0)))
    if step == "evaluate_tiers" and figures:
        parts = [_t("%1 members evaluated").replace("%1", fmt.points(figures.get("evaluated", 0)))]
        for lvl in program.tiers.levels[1:]:
            parts.append(f"{program_text(lvl.name)} {fmt.points(figures.get(lvl.code, 0))}")
        return ", ".join(parts)
    return ""


class HistoryModel(RowsModel):
    def __init__(self, program, parent=None):
        self.program = program
        super().__init__(parent)

    def columns(self):
        return (
            Column(_t("Step"), lambda v: step_name(v.step, v.run_key)),
            Column(_t("Hotel"), lambda v: v.property_code),
            Column(_t("Status"), lambda v: status_text(v.status)),
            Column(_t("Figures"), lambda v: figures_text(self.program, v.step, v.result)),
            Column(_t("Clerk"), lambda v: v.clerk),
            Column(_t("Finished (UTC)"), lambda v: "" if v.finished_at is None else
                   f"{fmt.day(v.finished_at.date())} {v.finished_at:%H:%M}"),
        )


class NightAuditDialog(QDialog):
    sig_done = Signal(object)        # the AuditSummary
    sig_planned = Signal(object)     # the AuditPlan shown

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = session.worker
        self.plan: night_audit.AuditPlan | None = None
        self.summary: night_audit.AuditSummary | None = None
        self.progress: Progress | None = None
        self.running = False
        self.bars: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        self.setObjectName("nightAuditDialog")
        self.setWindowTitle(self.tr("Night audit — %1").replace("%1", session.property_name))
        self.intro = QLabel(self.tr("Reading the hotel's business date…"))
        self.intro.setObjectName("auditIntro")
        self.intro.setWordWrap(True)
        self.steps_box = QGroupBox(self.tr("Steps"))
        self.grid = QGridLayout(self.steps_box)
        self.grid.setColumnStretch(1, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("auditSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = HistoryModel(session.program, self)
        self.history_view = make_table(self.history, "auditHistory", stretch_column=3)
        self.history_view.setMinimumHeight(150)
        run_cancel_close(self, self.tr("&Start the night audit"), self.tr("Ca&ncel safely"), "cancelAuditButton",
                         self.tr("Stops after the members being written now; nothing is half-done"))
        self.start_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.steps_box)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel(self.tr("Recent steps")))
        layout.addWidget(self.history_view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)
        self.resize(860, 560)
        self.load_plan()

    # -- the plan -------------------------------------------------------------------
    def load_plan(self) -> None:
        self.worker.submit(night_audit.plan, self.session.db, self.session.desk, owner=self, on_done=self.on_plan,
                           on_failed=self.on_failed)

    def on_plan(self, plan: night_audit.AuditPlan) -> None:
        self.plan = plan
        self.history.set_rows(plan.recent)
        if plan.resumes:
            self.intro.setText(self.tr("The audit that opened %1 did not finish. Starting finishes its steps; the "
                                       "business date stays %1 until the next audit.")
                               .replace("%1", fmt.day(plan.business_date)))
            steps = [(v.step, v.run_key) for v in plan.unfinished]
            self.start_button.setText(self.tr("&Finish the audit"))
        else:
            text = self.tr("Business date now: %1. The audit closes it and opens %2, then writes off the points "
                           "whose last day was %1.").replace("%1", fmt.day(plan.business_date)) \
                .replace("%2", fmt.day(plan.next_date))
            if plan.year_turns:
                text += " " + self.tr("The year turns: the tiers of %1 are evaluated, with the carry-over into "
                                      "%2.").replace("%1", str(plan.business_date.year)) \
                    .replace("%2", str(plan.next_date.year))
            self.intro.setText(text)
            steps = [("close_day", ""), ("expire_points", plan.next_date.isoformat())]
            if plan.year_turns:
                steps.append(("evaluate_tiers", str(plan.business_date.year)))
        self._build_steps(steps)
        self.start_button.setEnabled(True)
        self.sig_planned.emit(plan)

    def _build_steps(self, steps) -> None:
        for label, bar, state in self.bars.values():
            for w in (label, bar, state):
                w.deleteLater()
        self.bars = {}
        for row, (step, key) in enumerate(steps):
            label = QLabel(step_name(step, key))
            bar = QProgressBar()
            bar.setObjectName(f"{step}Progress")
            bar.setRange(0, 1)
            bar.setValue(0)
            state = QLabel(status_text("pending"))
            state.setObjectName(f"{step}State")
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(state, row, 2)
            self.bars[step] = (label, bar, state)

    # -- running ----------------------------------------------------------------------
    def start(self) -> None:
        if self.running or self.plan is None:
            return
        self.running = True
        self.error.clear_message()
        self.summary_label.clear()
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress = Progress(self)
        self.progress.sig_progress.connect(self.on_progress)
        p = self.progress
        to = None if self.plan.resumes else self.plan.next_date
        self.worker.submit(night_audit.run, self.session.db, self.session.desk, to=to, progress=p.report,
                           cancelled=p.cancelled, owner=self, on_done=self.on_done, on_failed=self.on_failed)

    def cancel(self) -> None:
        if self.progress is not None and self.running:
            self.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Stopping…"))

    def on_progress(self, step: str, done: int, total: int) -> None:
        if "close_day" in self.bars:
            _l, bar, state = self.bars["close_day"]
            if bar.value() < bar.maximum():
                bar.setValue(bar.maximum())
                state.setText(status_text("done"))
        if step not in self.bars:
            return
        _label, bar, state = self.bars[step]
        if total <= 0:
            bar.setRange(0, 0)          # busy: the batch is counting its members
        else:
            bar.setRange(0, total)
            bar.setValue(done)
        state.setText(_t("%1 of %2 members").replace("%1", fmt.points(done)).replace("%2", fmt.points(total))
                      if total > 0 else status_text("running"))

    def on_done(self, summary: night_audit.AuditSummary) -> None:
        self.running = False
        self.summary = summary
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Ca&ncel safely"))
        self.close_button.setEnabled(True)
        program = self.session.program
        for outcome in summary.steps:
            if outcome.step in self.bars:
                _label, bar, state = self.bars[outcome.step]
                if outcome.status in ("done", "skipped"):
                    bar.setRange(0, 1)
                    bar.setValue(1)
                elif bar.maximum() == 0:
                    bar.setRange(0, 1)
                text = status_text(outcome.status)
                if outcome.status == "refused" and outcome.code:
                    text += ": " + messages.describe(_refusal(outcome.code))
                figures = figures_text(program, outcome.step, outcome.figures)
                state.setText(f"{text} — {figures}" if figures else text)
        lines = []
        if summary.closed is not None:
            lines.append(self.tr("Business day %1 closed; the business date is now %2.")
                         .replace("%1", fmt.day(summary.closed)).replace("%2", fmt.day(summary.business_date)))
        else:
            lines.append(self.tr("The business date stays %1.").replace("%1", fmt.day(summary.business_date)))
        if summary.complete:
            lines.append(self.tr("Every step is done."))
        elif summary.cancelled:
            lines.append(self.tr("Cancelled: every member is either done or untouched. Start the night audit "
                                 "again to finish."))
        else:
            lines.append(self.tr("Not every step is done: start the night audit again to finish."))
        if summary.chain_head:
            lines.append(self.tr("Ledger chain head at the close: %1 (%2 entries)")
                         .replace("%1", summary.chain_head).replace("%2", fmt.points(summary.chain_entries or 0)))
        self.summary_label.setText("\n".join(lines))
        self.worker.submit(night_audit.history, self.session.db, self.session.desk, owner=self,
                           on_done=self.history.set_rows, on_failed=lambda _e: None)
        self.sig_done.emit(summary)

    def on_failed(self, exc: BaseException) -> None:
        from ..base_dialog import count_refusal

        if self.running:
            count_refusal(self.session, self.worker, "run_night_audit", exc)
        self.running = False
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(self.plan is not None)
        self.error.show_message(messages.describe(exc))

    def reject(self) -> None:
        if self.running:   # the audit finishes its chunk first; the dialog stays until it has stopped
            self.cancel()
            return
        super().reject()


def _refusal(code: str):
    from ...domain.errors import DeskError

    return DeskError("", code)
