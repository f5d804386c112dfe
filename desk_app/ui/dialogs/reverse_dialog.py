"""Office ▸ Reverse…: undo a posting or a redemption keyed in error.

The entry chosen in the member's history is shown with what reversing it
would do (the service's own preview: points, nights, the folio freed,
companions, a tier status cancelled), or why it cannot be reversed. A
reason is required. A supervisor reverses at once; a clerk gets the
supervisor override dialog, and the reversal records both."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...services import reversal
from .. import formatting as fmt, messages
from ..base_dialog import FormDialog
from ..i18n import program_text
from ..models import short_id
from ..supervisor_override import with_approval
from ..widgets import NoticeLabel


class ReverseDialog(FormDialog):
    def __init__(self, session, member, entry, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Reverse"))
        self.setObjectName("reverseDialog")
        self.member = member
        self.entry = entry
        self.planned: reversal.ReversalResult | None = None
        self.override = None   # the supervisor override dialog, while a clerk asks for one
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Reverse an entry — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        self.entry_label = QLabel(self.describe_entry(entry))
        self.entry_label.setObjectName("reverseEntryLabel")
        self.entry_label.setWordWrap(True)
        self.entry_label.setStyleSheet("font-weight: 600;")
        self.plan_label = NoticeLabel(kind="info")
        self.plan_label.setObjectName("reversePlanLabel")
        self.plan_label.setText(self.tr("Working out what reversing it would do…"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonInput")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("why, for the record (required)"))
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Reason"), self.reason)
        note = QLabel(self.tr("The entry stays in the history, marked reversed; the reversal is an entry of its "
                              "own that names it.") if session.desk.may("reverse") else
                      self.tr("A supervisor approves a reversal: after Reverse, a supervisor signs in here."))
        note.setObjectName("reverseNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")
        self.finish_layout(self.entry_label, self.plan_label, form_widget, note)
        self.first_field = self.reason
        self.ok_button.setEnabled(False)
        self.setMinimumWidth(560)
        self.worker.submit(reversal.preview, session.db, session.desk, entry.transaction_id, owner=self,
                           on_done=self.on_planned, on_failed=self.on_not_reversible)

    # -- what it would do -------------------------------------------------------
    def describe_entry(self, e) -> str:
        parts = [fmt.day(e.date), fmt.entry_kind_text(e.kind)]
        if e.reference or e.award:
            # The award by its name (a voucher's, not its code), then the folio it was for.
            parts.append(" · ".join(p for p in (program_text(self._award_name(e.award)) if e.award else "",
                                                e.reference or "") if p))
        if e.points:
            parts.append(self.tr("%1 points").replace("%1", f"{e.points:+,}"))
        if e.nights:
            parts.append(self.nights_text(e.nights))
        parts.append(short_id(e.transaction_id))
        return "  ·  ".join(parts)

    def nights_text(self, n: int) -> str:
        return self.tr("1 night") if abs(n) == 1 else self.tr("%1 nights").replace("%1", str(n))

    def _award_name(self, code: str | None) -> str:
        award = next((a for a in self.session.program.awards if a.code == code), None)
        return award.name if award else (code or "")

    def describe_plan(self, r: reversal.ReversalResult) -> str:
        lines = []
        if r.points < 0:
            lines.append(self.tr("Takes back %1 points; the balance after is %2 points.").replace(
                "%1", fmt.points(-r.points)).replace("%2", fmt.points(r.balance_after)))
        elif r.points > 0:
            lines.append(self.tr("Gives back %1 points, with their own expiry dates; the balance after is %2 "
                                 "points.").replace("%1", fmt.points(r.points)).replace(
                "%2", fmt.points(r.balance_after)))
        if r.nights:
            lines.append(self.tr("Takes %1 out of the tier figures.").replace("%1", self.nights_text(-r.nights)))
        for c in r.companions:
            lines.append(self.tr("Companion %1: %2 out too.").replace("%1", c.member_number).replace(
                "%2", self.nights_text(-c.nights)))
        for t in r.cancelled_tiers:
            lines.append(self.tr("%1 status of %2 (until %3) is cancelled from %4.").replace(
                "%1", program_text(self.session.program.tiers.level(t.tier).name)).replace("%2", t.member_number).replace(
                "%3", fmt.day(t.valid_until)).replace("%4", fmt.day(t.cancelled_on)))
        if r.original_kind in reversal.POSTING_KINDS and r.reference:
            lines.append(self.tr("Folio or check %1 is free again for the right posting.").replace(
                "%1", r.reference))
        return "\n".join(lines) or self.tr("Nothing to take back.")

    def on_planned(self, r: reversal.ReversalResult) -> None:
        self.planned = r
        self.plan_label.setText(self.describe_plan(r))
        self.ok_button.setEnabled(not self.busy)
        self.adjustSize()  # the plan arrives after the dialog is shown: make room for all of it

    def on_not_reversible(self, exc: BaseException) -> None:
        self.plan_label.hide()
        self.error.show_message(messages.describe(exc))
        self.adjustSize()
        self.reason.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.buttons.button(self.buttons.StandardButton.Cancel).setFocus()  # Esc or Enter: back to the desk

    def can_confirm(self) -> bool:
        return self.planned is not None

    # -- reversing ----------------------------------------------------------------
    def on_confirm(self) -> None:
        if self.planned is None or self.busy:
            return
        if not self.reason.text().strip():
            self.error.show_message(self.tr("Write the reason for the reversal: it is kept with the entry."))
            self.reason.setFocus()
            return
        self.error.clear_message()
        self.override = with_approval(self, self.session, "reverse", self.tr("Reversing this entry"), self.go)

    def go(self, desk) -> None:
        self.run(reversal.reverse, self.session.db, desk, self.entry.transaction_id, self.reason.text(),
                 on_done=lambda _r: self.accept())
