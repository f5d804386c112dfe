"""Counting refusals for the shift and day reports.

A refusal changes nothing in the ledger, so the ledger cannot say how many
there were. [decided] The caller that shows a refusal to a person records
it, after the refused transaction has rolled back, in a transaction of its
own: the desk's action dialogs (every form runs its service through
FormDialog) and desk-admin's changing commands. A lookup that finds
nobody, a wrong password and a read-only command are not counted: the
report is about actions that would have changed something. The counter is
one row per business date, hotel, terminal, clerk, action and code, so a
busy desk adds an UPDATE, not a row, per refusal; a counter that cannot be
written (the database itself is down) is logged and never hides the
refusal the clerk must see.
"""

from __future__ import annotations

import logging

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..db.schema import RefusalCount
from .context import Desk
from .database import Database

log = logging.getLogger(__name__)

# The service functions whose refusals are counted: the ones that would
# have changed a member's points, data or card (a lookup, a sign-in or a
# clerk account's password rules are not the day's business).
COUNTED_ACTIONS = frozenset({
    "register", "complete_registration", "update_contact", "change_name", "choose_premium_hotel", "issue",
    "post_stay", "post_bill", "redeem", "pay_by_points", "adjust", "merge", "withdraw", "revoke", "reverse",
    "expire_points", "evaluate_tiers", "run_night_audit", "import_members", "export_members", "export_ledger",
})


def record(db: Database, desk: Desk, action: str, code: str) -> None:
    """Add one to the counter; never raises."""
    key = dict(business_date=desk.business_date, property_code=(desk.property_code or "")[:16],
               terminal=(desk.terminal or "")[:64], clerk=(desk.clerk or "")[:64],
               action=(action or "unknown")[:40], code=(code or "internal")[:40])
    try:
        for _attempt in range(3):
            try:
                with db.write() as s:
                    where = [getattr(RefusalCount, k) == v for k, v in key.items()]
                    changed = s.execute(update(RefusalCount).where(*where)
                                        .values(count=RefusalCount.count + 1)).rowcount
                    if not changed:
                        s.add(RefusalCount(**key, count=1))
                return
            except IntegrityError:  # another desk made the row first: count on it
                continue
    except (SQLAlchemyError, OSError) as exc:
        log.warning("a refusal (%s, %s) could not be counted: %s", action, code, type(exc).__name__)

