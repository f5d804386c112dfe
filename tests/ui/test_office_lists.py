"""Exports, the duplicate finder and the inactive list, from the desk on a
database with demo members: what the files and the database hold after."""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from .conftest import BUSINESS_DATE, confirm, office, wait_dialog
from .office_fixtures import busy, office_template, office_window, save_as  # noqa: F401 - fixtures


def _events(db):
    from desk_app.db.schema import AuditEvent

    with db.read() as s:
        return [(e.subject, e.clerk, e.rows, e.personal_data, e.period_from, e.period_to)
                for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_export_the_ledger_and_the_members(qtbot, qtmodeltester, office_window, busy, save_as):
    from desk_app.db.schema import LedgerEntry, Member
    from desk_app.ui.office.export_dialog import ExportDialog

    db, numbers = busy
    win = office_window("super")
    win.actions_by_name["actionExport"].trigger()
    dlg = wait_dialog(qtbot, win, ExportDialog)
    dlg.ledger.setChecked(True)
    dlg.personal.setChecked(True)
    with qtbot.waitSignal(dlg.sig_done, timeout=10000):
        confirm(qtbot, dlg, dlg.ok_button)
    path = save_as[-1]
    assert path.name == "ledger-20260601-20260615.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with db.read() as s:
        expected = s.scalar(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.business_date.between(date(2026, 6, 1), BUSINESS_DATE)))
        points = s.scalar(select(func.sum(LedgerEntry.points)).where(
            LedgerEntry.business_date.between(date(2026, 6, 1), BUSINESS_DATE)))
    assert len(rows) == expected and sum(int(r["points"]) for r in rows) == points
    assert {r["family_name"] for r in rows if r["member_number"] == numbers["yamada"]} == {"Yamada"}
    assert "rows written" in dlg.result_label.text()
    qtbot.waitUntil(lambda: dlg.log_model.rowCount() == 1, timeout=5000)
    qtmodeltester.check(dlg.log_model)
    assert _events(db) == [("ledger", "super", expected, True, date(2026, 6, 1), BUSINESS_DATE)]

    dlg.members.setChecked(True)
    dlg.personal.setChecked(False)
    with qtbot.waitSignal(dlg.sig_done, timeout=10000):
        confirm(qtbot, dlg, dlg.ok_button)
    with open(save_as[-1], encoding="utf-8-sig", newline="") as fh:
        members = list(csv.DictReader(fh))
    with db.read() as s:
        assert len(members) == s.scalar(select(func.count()).select_from(Member))
    assert "family_name" not in members[0]
    assert {m["member_number"]: m["points_balance"] for m in members}[numbers["yamada"]] == "4200"
    assert _events(db)[-1][:4] == ("members", "super", len(members), False)


def test_duplicates_side_by_side_and_merged(qtbot, qtmodeltester, office_window, busy):
    from desk_app.services import lookup
    from desk_app.ui.office.duplicates_dialog import DuplicatesDialog

    db, numbers = busy
    win = office_window("super")
    win.actions_by_name["actionDuplicates"].trigger()
    dlg = wait_dialog(qtbot, win, DuplicatesDialog)
    qtbot.waitUntil(lambda: dlg.pair is not None, timeout=10000)
    qtmodeltester.check(dlg.groups)
    groups = dlg.groups.rows()
    twin = next(i for i, g in enumerate(groups) if numbers["twin_a"] in [m.member_number for m in g.members])
    assert groups[twin].reason == "name_and_birth_date" and groups[twin].family_key == "イトウ"
    if dlg.group_view.currentIndex().row() != twin:
        with qtbot.waitSignal(dlg.sig_compared, timeout=5000):
            dlg.group_view.selectRow(twin)
    lines = {line.label: line for line in dlg.lines.rows()}
    assert {lines["Member no."].left, lines["Member no."].right} == {numbers["twin_a"], numbers["twin_b"]}
    assert lines["E-mail"].differs and not lines["Birth date"].differs
    qtmodeltester.check(dlg.lines)
    keep = lines["Member no."].left
    drop = lines["Member no."].right
    qtbot.mouseClick(dlg.keep_left, Qt.MouseButton.LeftButton)
    assert "Tick the box" in dlg.error.text()
    dlg.sure.setChecked(True)
    with qtbot.waitSignal(dlg.sig_merged, timeout=10000) as merged:
        qtbot.mouseClick(dlg.keep_left, Qt.MouseButton.LeftButton)
    assert merged.args[0].member_number == keep
    assert lookup.show(db, office(), drop).status == "merged"
    assert lookup.show(db, office(), drop).merged_into == keep
    qtbot.waitUntil(lambda: numbers["twin_a"] not in [m.member_number for g in dlg.groups.rows()
                                                      for m in g.members], timeout=10000)
    assert "Merged:" in dlg.status.text()


def test_inactive_members_revoked_with_a_reason(qtbot, qtmodeltester, office_window, busy):
    from desk_app.services import lookup
    from desk_app.ui.office.inactive_dialog import InactiveDialog

    db, numbers = busy
    win = office_window("super")
    win.actions_by_name["actionInactive"].trigger()
    dlg = wait_dialog(qtbot, win, InactiveDialog)
    qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=15000)
    rows = dlg.model.rows()
    qtmodeltester.check(dlg.model)
    idle = [numbers["idle0"], numbers["idle1"]]
    listed_numbers = [m.member_number for m in rows]
    assert set(idle) <= set(listed_numbers)
    assert all(m.enrolled_on <= date(2023, 6, 15) for m in rows)
    for i, m in enumerate(dlg.model.rows()):
        if m.member_number in idle:
            dlg.table.selectionModel().select(dlg.model.index(i, 0), dlg.table.selectionModel().SelectionFlag.Select
                                              | dlg.table.selectionModel().SelectionFlag.Rows)
    assert sorted(dlg.selected_numbers()) == sorted(idle)
    qtbot.mouseClick(dlg.revoke_button, Qt.MouseButton.LeftButton)
    assert "reason" in dlg.error.text().lower()
    qtbot.keyClicks(dlg.reason, "inactive for 36 months (T&C 7.2)")
    qtbot.mouseClick(dlg.revoke_button, Qt.MouseButton.LeftButton)
    assert "Tick the box" in dlg.error.text()
    assert all(lookup.show(db, office(), n).status == "active" for n in idle)
    dlg.sure.setChecked(True)
    with qtbot.waitSignal(dlg.sig_revoked, timeout=15000) as done:
        qtbot.mouseClick(dlg.revoke_button, Qt.MouseButton.LeftButton)
    assert sorted(done.args[0].revoked) == sorted(idle) and done.args[0].refused == ()
    for n in idle:
        v = lookup.show(db, office(), n)
        assert (v.status, v.points_balance) == ("revoked", 0)
        assert lookup.history(db, office(), n)[0].reason == "inactive for 36 months (T&C 7.2)"
    assert "2 memberships revoked." in dlg.result.text()
    qtbot.waitUntil(lambda: not set(idle) & {m.member_number for m in dlg.model.rows()}, timeout=15000)


def test_a_member_who_came_back_is_not_revoked(busy):
    """Checked again just before revoking: a stay since the list was made keeps the membership."""
    from desk_app.services import inactivity, lookup, posting

    db, numbers = busy
    posting.post_bill(db, office(), numbers["idle0"], posting.Bill("B-BACK", BUSINESS_DATE, {"fnb": 5_000}))
    out = inactivity.revoke_inactive(db, office(), [numbers["idle0"], numbers["idle1"]], "inactive (T&C 7.2)")
    assert (out.revoked, out.refused) == ((numbers["idle1"],), ((numbers["idle0"], "not_inactive"),))
    assert lookup.show(db, office(), numbers["idle0"]).status == "active"
