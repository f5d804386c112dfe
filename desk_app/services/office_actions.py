"""Who may use the office's tools: the night audit, reports, exports, the
duplicate finder and the inactive list. Each service names its action here
and is refused `not_permitted` before it reads or changes anything.

[decided] Reports and exports are the office's (supervisor), with two
exceptions a front desk needs: any signed-in clerk prints their own shift
report at the end of a shift, and a clerk may export members or the
ledger without personal data (numbers, tiers, points); names, contact data
and birth dates leave the database only in a supervisor's export."""

from __future__ import annotations

from .context import Desk

ACTIONS: dict[str, tuple[str, str]] = {
    "night_audit": ("supervisor", "run the night audit"),
    "report_day": ("supervisor", "read the day report"),
    "report_shift_own": ("cashier", "read the shift report"),
    "report_shift_other": ("supervisor", "read another clerk's shift report"),
    "report_program": ("supervisor", "read the program reports"),
    "export_data": ("clerk", "export members or the ledger"),
    "export_personal_data": ("supervisor", "export personal data"),
    "find_duplicates": ("supervisor", "look for duplicate memberships"),
}


def require(desk: Desk, action: str) -> None:
    role, what = ACTIONS[action]
    desk.require(role, what)
